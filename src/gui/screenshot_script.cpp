// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screenshot_script.h"

#include "app/editor_session.h"
#include "app/job_runner.h"
#include "app/variations_model.h"
#include "gui/canvas_view.h"
#include "gui/main_window.h"
#include "gui/prompt_panel.h"
#include "gui/variations_dock.h"

#include <QApplication>
#include <QMouseEvent>
#include <QTimer>

#include <cstdio>

namespace atelier::gui {
namespace {

void grabInto(MainWindow* window, const QString& path) {
    const bool ok = window->grab().save(path, "PNG");
    std::fprintf(stderr, "atelier: screenshot %s %s\n", qPrintable(path), ok ? "written" : "FAILED");
}

// Paints a zigzag stroke over the space shuttle at the top right of the sample
// photo (x 370..465, y 5..290 in 512-pixel units, scaled to the image).
void paintStroke(app::EditorSession* session, const tools::BrushSettings& brush) {
    const Size size = session->document().size();
    const double sx = size.width / 512.0, sy = size.height / 512.0;
    const auto at = [&](double x, double y) { return tools::Pointer{PointF{x * sx, y * sy}, 1.0f, tools::LeftButton}; };
    session->beginStroke(brush, at(372, 8));
    const double columns[] = {372, 400, 428, 456, 466};
    for (int i = 0; i < 5; ++i) {
        const double top = i % 2 == 0 ? 8 : 288, bottom = i % 2 == 0 ? 288 : 8;
        for (int k = 0; k <= 28; ++k) session->continueStroke(at(columns[i], top + (bottom - top) * k / 28.0));
        if (i + 1 < 5) session->continueStroke(at(columns[i + 1], bottom));
    }
    session->endStroke();
}

// Moves the mouse (no button) over image point `imagePos` of the canvas.
void hoverCanvas(CanvasView* canvas, QPointF imagePos) {
    const QPointF pos = canvas->mapFromImage(imagePos);
    QMouseEvent move(QEvent::MouseMove, pos, canvas->mapToGlobal(pos), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(canvas, &move);
}

} // namespace

void runScreenshotScript(MainWindow* window, const QString& path) {
    QTimer::singleShot(120000, qApp, [] {
        std::fprintf(stderr, "atelier: screenshot script timed out\n");
        QApplication::exit(2);
    });
    QObject::connect(window->jobRunner(), &app::JobRunner::failed, window, [window, path](int, const QString& m) {
        std::fprintf(stderr, "atelier: job failed: %s\n", qPrintable(m));
        grabInto(window, path);
        QApplication::exit(1);
    });
    QObject::connect(window->jobRunner(), &app::JobRunner::finished, window, [window, path](int, bool) {
        QTimer::singleShot(500, window, [window, path] {
            hoverCanvas(window->canvas(), QPointF(250, 330)); // shows the brush outline
            grabInto(window, path);
            // Star the first variation and reject the second, so the preview shot shows decisions.
            app::VariationsModel* model = window->variationsModel();
            if (model->rowCount() > 0) window->setApproval(model->variation(0), project::Approval::Approved);
            if (model->rowCount() > 1) window->setApproval(model->variation(1), project::Approval::Rejected);
            window->variationsDock()->selectRow(0);
            QTimer::singleShot(500, window, [window, path] {
                QString preview = path;
                if (preview.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) preview.chop(4);
                grabInto(window, preview + QStringLiteral("_preview.png"));
                QApplication::exit(0);
            });
        });
    });
    QTimer::singleShot(800, window, [window] {
        if (!window->session()->hasImage()) {
            std::fprintf(stderr, "atelier: no image open for the screenshot script\n");
            QApplication::exit(1);
            return;
        }
        tools::BrushSettings brush = window->promptPanel()->brush();
        brush.radius = 20.0 * window->session()->document().size().width / 512.0;
        paintStroke(window->session(), brush);
        window->promptPanel()->setPrompt(QStringLiteral("clear blue sky"));
        window->generate();
    });
}

} // namespace atelier::gui
