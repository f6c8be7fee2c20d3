// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screenshot_loop.h"

#include "app/variations_model.h"
#include "gui/canvas_view.h"
#include "gui/job_history_dock.h"
#include "gui/job_monitor_dock.h"
#include "gui/main_window.h"
#include "gui/variations_dock.h"

#include <QDir>
#include <QTimer>

#include <cstdio>

namespace atelier::gui {
namespace {

QString withoutPng(QString path) {
    if (path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) path.chop(4);
    return path;
}

void grab(MainWindow* window, const QString& path) {
    const bool ok = window->grab().save(path, "PNG");
    std::fprintf(stderr, "atelier: screenshot %s %s\n", qPrintable(path), ok ? "written" : "FAILED");
}

} // namespace

void runVariationsLoopShots(MainWindow* window, const QString& path, std::function<void()> next) {
    const QString base = withoutPng(path);
    CanvasView* canvas = window->canvas();
    if (!canvas->hasPreview()) window->variationsDock()->selectRow(0);
    canvas->setCompareMode(CanvasView::CompareMode::Split);
    canvas->setCompareSplit(0.78); // through the painted area at the top right
    QTimer::singleShot(300, window, [window, canvas, base, next] {
        grab(window, base + QStringLiteral("_compare.png"));
        canvas->setCompareMode(CanvasView::CompareMode::After);
        app::VariationsModel* model = window->variationsModel();
        if (model->rowCount() > 0) window->applyVariation(model->variation(0));
        window->jobHistoryDock()->raise();
        QTimer::singleShot(300, window, [window, base, next] {
            grab(window, base + QStringLiteral("_history.png"));
            window->jobMonitor()->raise();
            const QString folder = base + QStringLiteral("_export");
            QDir().mkpath(folder);
            for (provenance::ImageFormat format : {provenance::ImageFormat::Png, provenance::ImageFormat::Jpeg}) {
                for (const QString& file : window->exportApprovedTo(folder, format)) {
                    std::fprintf(stderr, "atelier: exported %s\n", qPrintable(file));
                }
            }
            const QString project = base + QStringLiteral(".atelier");
            const bool saved = window->saveProjectTo(project);
            std::fprintf(stderr, "atelier: project %s %s\n", qPrintable(project), saved ? "saved" : "NOT SAVED");
            next();
        });
    });
}

} // namespace atelier::gui
