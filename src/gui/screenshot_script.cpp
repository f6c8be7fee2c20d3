// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screenshot_script.h"

#include "app/editor_session.h"
#include "app/job_runner.h"
#include "app/variations_model.h"
#include "gui/canvas_view.h"
#include "gui/main_window.h"
#include "gui/mask_layer_dock.h"
#include "gui/prompt_panel.h"
#include "gui/screenshot_loop.h"
#include "gui/screenshot_segment.h"
#include "gui/variations_dock.h"

#include <QApplication>
#include <QMouseEvent>
#include <QTimer>
#include <QTreeView>

#include <cmath>
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

// A path beside `path` with `suffix` before ".png".
QString sibling(const QString& path, const QString& suffix) {
    QString base = path;
    if (base.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) base.chop(4);
    return base + suffix + QStringLiteral(".png");
}

// Image point (x, y) given in 512-pixel units of the sample photo.
tools::Pointer scaled(app::EditorSession* session, double x, double y, int modifiers = tools::NoModifier) {
    const Size size = session->document().size();
    return tools::Pointer{PointF{x * size.width / 512.0, y * size.height / 512.0}, 1.0f, tools::LeftButton,
                          modifiers};
}

// Drags the lasso around an ellipse centred at (cx, cy) (512-pixel units); when `finish`
// is false the lasso stays open, so the canvas shows its outline.
void lassoEllipse(app::EditorSession* session, double cx, double cy, double rx, double ry, int modifiers,
                  bool finish) {
    const tools::ToolDefinition& lasso = tools::toolDefinition("lasso");
    const int steps = finish ? 64 : 44;
    session->toolPress(lasso, tools::ToolSettings{}, scaled(session, cx + rx, cy, modifiers));
    for (int i = 1; i <= steps; ++i) {
        const double a = 6.283185307179586 * i / 64.0;
        session->toolMove(scaled(session, cx + rx * std::cos(a), cy + ry * std::sin(a), modifiers));
    }
    if (finish) session->toolRelease(scaled(session, cx + rx, cy, modifiers));
}

// After the generate shots: a lasso selection, a second mask layer in the Mask
// Layers dock, and the outpaint frame with its handles, each grabbed.
void runCanvasShots(MainWindow* window, const QString& path) {
    app::EditorSession* session = window->session();
    window->variationsDock()->selectRow(-1);
    window->canvas()->clearPreview();
    window->canvas()->setTool(QStringLiteral("lasso"));
    lassoEllipse(session, 130, 380, 90, 60, tools::NoModifier, true);  // a finished selection
    lassoEllipse(session, 300, 420, 70, 50, tools::ShiftModifier, false); // one in progress (outline)
    QTimer::singleShot(300, window, [window, session, path] {
        grabInto(window, sibling(path, QStringLiteral("_lasso")));
        session->toolRelease(scaled(session, 370, 420, tools::ShiftModifier));
        // A second layer, renamed and recoloured, with its own selection.
        const int id = session->addMaskLayer();
        session->renameMaskLayer(id, QStringLiteral("Sky"));
        session->changeMaskAppearance(id, 0x2080ffu, 0.55);
        lassoEllipse(session, 150, 120, 120, 70, tools::NoModifier, true);
        if (auto* dock = window->findChild<MaskLayerDock*>()) dock->raise();
        QTimer::singleShot(300, window, [window, session, path] {
            grabInto(window, sibling(path, QStringLiteral("_layers")));
            // The outpaint frame: 128 px on the right and 64 below, shown as masked, with handles.
            const Size size = session->document().size();
            session->setOutpaintFrame(Margins{0, 0, size.width / 4 / 8 * 8, size.height / 8 / 8 * 8});
            window->canvas()->fitToWindow();
            window->canvas()->setFrameEditing(true);
            hoverCanvas(window->canvas(), QPointF(size.width, size.height / 2.0));
            QTimer::singleShot(300, window, [window, path] {
                grabInto(window, sibling(path, QStringLiteral("_frame")));
                // 100% (one image pixel per device pixel) with the brush outline, for high-DPI checks.
                window->canvas()->setFrameEditing(false);
                window->canvas()->setTool(QStringLiteral("brush"));
                window->canvas()->actualSize();
                const Size size = window->session()->document().size();
                hoverCanvas(window->canvas(), QPointF(size.width * 0.45, size.height * 0.3));
                QTimer::singleShot(300, window, [window, path] {
                    grabInto(window, sibling(path, QStringLiteral("_actual")));
                    runSegmentShots(window, path, [] { QApplication::exit(0); });
                });
            });
        });
    });
}

} // namespace

void runScreenshotScript(MainWindow* window, const QString& path) {
    QTimer::singleShot(300000, qApp, [] {
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
                grabInto(window, sibling(path, QStringLiteral("_preview")));
                runVariationsLoopShots(window, path, [window, path] { runCanvasShots(window, path); });
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
