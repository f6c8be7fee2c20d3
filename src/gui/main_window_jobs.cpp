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
#include "app/recipe_requests.h"
#include "provenance/audit_events.h"

#include <QDateTime>
#include <QSettings>
#include <QStatusBar>

namespace atelier::gui {

void MainWindow::connectJobSignals() {
    connect(m_runner, &app::JobRunner::started, this, [this](int id, int count) {
        m_jobVariations = 0;
        m_jobRecipes.clear();
        m_jobClock.start();
        m_variations->setJobTime(id + m_jobIdBase, QDateTime::currentDateTimeUtc());
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
        m_variations->addVariation(id + m_jobIdBase, v);
        m_jobRecipes.push_back(v->recipe);
        ++m_jobVariations;
        statusBar()->showMessage(
            tr("Variation %1 of %2 is ready.").arg(v->recipe.variationIndex + 1).arg(v->recipe.variationCount));
    });
    connect(m_runner, &app::JobRunner::notice, this, [this](int, const QString& text) {
        m_lastNotice = text;
        statusBar()->showMessage(text);
    });
    connect(m_runner, &app::JobRunner::finished, this, [this](int id, bool cancelled) {
        m_prompt->setBusy(false);
        if (id != m_staleJob) {
            // Outcome and timings: per variation its seed and seconds, and the job's wall time.
            recordAudit(provenance::jobFinishedEvent(std::to_string(id + m_jobIdBase), m_jobRecipes, cancelled,
                                                     m_lastNotice.toStdString(), m_jobClock.elapsed() / 1000.0));
        }
        const QString outcome = cancelled ? tr("cancelled after %n variation(s)", nullptr, m_jobVariations)
                                          : tr("done, %n variation(s)", nullptr, m_jobVariations);
        m_monitor->finishJob(outcome);
        QString message = cancelled ? tr("Cancelled: %n variation(s) finished.", nullptr, m_jobVariations)
                                    : tr("Done: %n variation(s). Click one to preview it.", nullptr, m_jobVariations);
        if (!m_lastNotice.isEmpty()) message += QLatin1Char(' ') + m_lastNotice;
        statusBar()->showMessage(message);
    });
    connect(m_runner, &app::JobRunner::failed, this, [this](int id, const QString& message) {
        m_prompt->setBusy(false);
        if (id != m_staleJob) {
            recordAudit(provenance::jobFailedEvent(std::to_string(id + m_jobIdBase), message.toStdString(),
                                                   m_jobClock.isValid() ? m_jobClock.elapsed() / 1000.0 : -1.0));
        }
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
    if (m_session->document().mask().isClear() && m_session->document().outpaintFrame().isNull()) {
        statusBar()->showMessage(tr("Paint a mask over the area to regenerate first (left mouse button)."));
        return;
    }
    m_session->cancelTool();
    startJob(m_session->makeEditRequest(m_prompt->parameters()));
}

bool MainWindow::startJob(engine::EditRequest request) {
    if (m_runner->isRunning()) {
        statusBar()->showMessage(tr("A job is already running."));
        return false;
    }
    provenance::AuditEvent requested = provenance::jobRequestedEvent(std::string(), request); // before the runner takes it
    const int id = m_runner->start(std::move(request));
    if (id <= 0) return false;
    requested.jobId = std::to_string(id + m_jobIdBase);
    recordAudit(std::move(requested));
    return true;
}

void MainWindow::rerunVariation(const app::VariationPtr& variation) {
    if (!variation || !m_session->hasImage()) return;
    m_session->cancelTool();
    ImageRGBA8 source = m_session->document().image().toFlat();
    MaskA8 mask = m_session->document().mask().toFlat();
    const bool same = app::sameInputs(variation->recipe, source, mask);
    if (!startJob(app::rerunRequest(variation->recipe, std::move(source), std::move(mask)))) return;
    if (!same) {
        statusBar()->showMessage(tr("The image or mask changed since this variation was made: re-running its recipe on the current ones."));
    }
}

void MainWindow::moreLikeThis(const app::VariationPtr& variation) {
    if (!variation) return;
    const double strength = QSettings().value(QStringLiteral("generate/moreLikeThisStrength"), 0.55).toDouble();
    startJob(app::moreLikeThisRequest(*variation, m_prompt->parameters().variationCount, strength));
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
    const int row = m_variations->rowOf(variation);
    recordAudit(provenance::variationDecisionEvent(std::to_string(m_variations->jobId(row)), variation->recipe,
                                                   provenance::VariationDecision::Applied));
    m_variationsDock->selectRow(-1);
    m_canvas->clearPreview();
    statusBar()->showMessage(tr("Applied the variation with seed %1 (Undo reverts it).").arg(variation->recipe.seed));
}

} // namespace atelier::gui
