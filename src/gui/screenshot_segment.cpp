// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screenshot_segment.h"

#include "app/editor_session.h"
#include "app/segment_controller.h"
#include "app/subject_selection.h"
#include "gui/canvas_view.h"
#include "gui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QMouseEvent>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace atelier::gui {
namespace {

QString shotPath(const QString& path, const char* suffix) {
    QString base = path;
    if (base.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) base.chop(4);
    return base + QLatin1String(suffix) + QStringLiteral(".png");
}

void grab(MainWindow* window, const QString& path) {
    const bool ok = window->grab().save(path, "PNG");
    std::fprintf(stderr, "atelier: screenshot %s %s\n", qPrintable(path), ok ? "written" : "FAILED");
}

// Calls `then` once `ready` holds (checked every 200 ms), or after `timeoutMs` anyway.
void whenReady(QObject* context, std::function<bool()> ready, std::function<void()> then, int timeoutMs = 90000) {
    auto* timer = new QTimer(context);
    auto waited = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, context, [timer, waited, ready, then, timeoutMs] {
        *waited += 200;
        if (!ready() && *waited < timeoutMs) return;
        timer->deleteLater();
        timer->stop();
        then();
    });
    timer->start(200);
}

// A left click on the canvas at image point (x, y) given in 512-pixel units of the sample photo.
void clickImage(MainWindow* window, double x, double y, Qt::KeyboardModifiers mods = Qt::NoModifier) {
    CanvasView* canvas = window->canvas();
    const Size size = window->session()->document().size();
    const QPointF pos = canvas->mapFromImage(QPointF(x * size.width / 512.0, y * size.height / 512.0));
    QMouseEvent press(QEvent::MouseButtonPress, pos, canvas->mapToGlobal(pos), Qt::LeftButton, Qt::LeftButton, mods);
    QApplication::sendEvent(canvas, &press);
    QMouseEvent release(QEvent::MouseButtonRelease, pos, canvas->mapToGlobal(pos), Qt::LeftButton, Qt::NoButton, mods);
    QApplication::sendEvent(canvas, &release);
}

} // namespace

void runSegmentShots(MainWindow* window, const QString& path, std::function<void()> done) {
    app::EditorSession* session = window->session();
    session->setOutpaintFrame(Margins{0, 0, 0, 0});
    session->clearMask();
    window->canvas()->setFrameEditing(false);
    window->canvas()->fitToWindow();
    window->canvas()->setTool(QStringLiteral("segment"));
    app::SegmentController* segment = window->segmentController();
    // SAM first encodes the image (on the worker); the fallback answers straight away.
    whenReady(
        window, [segment] { return !segment->isBusy(); },
        [window, segment, path, done] {
            clickImage(window, 200, 330);                      // the astronaut's suit
            clickImage(window, 430, 120, Qt::AltModifier);     // not the shuttle
            whenReady(
                window, [segment] { return segment->tool() && segment->tool()->hasPreview() && !segment->isBusy(); },
                [window, segment, path, done] {
                    grab(window, shotPath(path, "_segment"));
                    segment->commit(tools::SelectionMode::Replace);
                    window->session()->clearMask();
                    app::SubjectSelection* subject = window->subjectSelection();
                    if (auto* a = window->findChild<QAction*>(QStringLiteral("selectSubjectAction"))) a->trigger();
                    whenReady(
                        window, [subject] { return !subject->isRunning(); },
                        [window, path, done] {
                            QTimer::singleShot(300, window, [window, path, done] {
                                grab(window, shotPath(path, "_subject"));
                                done();
                            });
                        },
                        180000);
                });
        });
}

} // namespace atelier::gui
