// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: running edit jobs and acting on their variations.
#include "gui/main_window.h"

#include "app/editor_session.h"
#include "app/job_runner.h"
#include "app/variations_model.h"
#include "core/error.h"
#include "gui/canvas_view.h"
#include "gui/job_monitor_dock.h"
#include "gui/prompt_panel.h"
#include "gui/variations_dock.h"

#include <QStatusBar>

namespace atelier::gui {

void MainWindow::connectJobSignals() {
    connect(m_runner, &app::JobRunner::started, this, [this](int id, int count) {
        m_jobVariations = 0;
        m_lastNotice.clear();
        m_prompt->setBusy(true);
        m_monitor->startJob(id, count);
        statusBar()->showMessage(tr("Generating %n variation(s)…", nullptr, count));
    });
    connect(m_runner, &app::JobRunner::progress, this,
            [this](int id, int step, int total, double seconds, const QString& stage) {
                if (id != m_runner->currentJob()) return;
                m_prompt->setProgress(step, total);
                m_monitor->addStep(step, total, seconds, stage);
            });
    connect(m_runner, &app::JobRunner::variationReady, this, [this](int id, const app::VariationPtr& v) {
        if (id == m_staleJob) return;
        m_variations->addVariation(id, v);
        ++m_jobVariations;
        statusBar()->showMessage(
            tr("Variation %1 of %2 is ready.").arg(v->recipe.variationIndex + 1).arg(v->recipe.variationCount));
    });
    connect(m_runner, &app::JobRunner::notice, this, [this](int, const QString& text) {
        m_lastNotice = text;
        statusBar()->showMessage(text);
    });
    connect(m_runner, &app::JobRunner::finished, this, [this](int, bool cancelled) {
        m_prompt->setBusy(false);
        const QString outcome = cancelled ? tr("cancelled after %n variation(s)", nullptr, m_jobVariations)
                                          : tr("done, %n variation(s)", nullptr, m_jobVariations);
        m_monitor->finishJob(outcome);
        QString message = cancelled ? tr("Cancelled: %n variation(s) finished.", nullptr, m_jobVariations)
                                    : tr("Done: %n variation(s). Click one to preview it.", nullptr, m_jobVariations);
        if (!m_lastNotice.isEmpty()) message += QLatin1Char(' ') + m_lastNotice;
        statusBar()->showMessage(message);
    });
    connect(m_runner, &app::JobRunner::failed, this, [this](int, const QString& message) {
        m_prompt->setBusy(false);
        m_monitor->finishJob(tr("failed"));
        showError(tr("Generation failed"), message);
    });
}

void MainWindow::generate() {
    if (m_runner->isRunning()) {
        statusBar()->showMessage(tr("A job is already running."));
        return;
    }
    if (!m_session->hasImage()) {
        statusBar()->showMessage(tr("Open an image first."));
        return;
    }
    if (m_session->document().mask().isClear()) {
        statusBar()->showMessage(tr("Paint a mask over the area to regenerate first (left mouse button)."));
        return;
    }
    m_session->cancelStroke();
    m_runner->start(m_session->makeInpaintRequest(m_prompt->parameters()));
}

void MainWindow::cancelJob() {
    if (!m_runner->isRunning()) return;
    m_runner->cancel();
    statusBar()->showMessage(tr("Cancelling…"));
}

void MainWindow::applyVariation(const app::VariationPtr& variation) {
    if (!variation) return;
    try {
        m_session->applyVariation(*variation);
    } catch (const Error& e) {
        showError(tr("Cannot apply the variation"), QString::fromStdString(e.what()));
        return;
    }
    m_variationsDock->selectRow(-1);
    m_canvas->clearPreview();
    statusBar()->showMessage(tr("Applied the variation with seed %1 (Undo reverts it).").arg(variation->recipe.seed));
}

} // namespace atelier::gui
