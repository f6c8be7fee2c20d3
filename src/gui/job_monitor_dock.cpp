// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/job_monitor_dock.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QSharedPointer>
#include <QVBoxLayout>

#include <algorithm>

namespace atelier::gui {

JobMonitorDock::JobMonitorDock(QWidget* parent) : QDockWidget(tr("Job monitor"), parent) {
    setObjectName(QStringLiteral("jobMonitorDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);

    m_plot = new QCustomPlot(body);
    m_plot->setObjectName(QStringLiteral("stepTimePlot"));
    m_plot->setMinimumHeight(140);
    QCPGraph* graph = m_plot->addGraph();
    graph->setPen(QPen(QColor(40, 110, 220), 2));
    graph->setBrush(QColor(40, 110, 220, 40));
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    graph->setName(tr("seconds per step"));
    m_plot->xAxis->setLabel(tr("Step"));
    m_plot->yAxis->setLabel(tr("Seconds"));
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(0, 1);
    m_plot->yAxis->setRange(0, 1);
    layout->addWidget(m_plot, 1);

    m_summary = new QLabel(tr("No job yet."), body);
    m_summary->setObjectName(QStringLiteral("jobSummary"));
    layout->addWidget(m_summary);
    setWidget(body);
}

int JobMonitorDock::pointCount() const { return m_plot->graph(0)->dataCount(); }

void JobMonitorDock::startJob(int jobId, int variationCount) {
    m_jobId = jobId;
    m_totalSteps = 0;
    m_lastStep = 0;
    m_totalSeconds = 0.0;
    m_stage.clear();
    m_plot->graph(0)->data()->clear();
    m_plot->xAxis->setRange(0, 1);
    m_plot->yAxis->setRange(0, 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    updateSummary(tr("starting, %n variation(s)", nullptr, variationCount));
}

void JobMonitorDock::addStep(int step, int totalSteps, double seconds, const QString& stage) {
    m_totalSteps = totalSteps;
    m_lastStep = step;
    m_totalSeconds += seconds;
    m_stage = stage;
    QCPGraph* graph = m_plot->graph(0);
    graph->addData(step, seconds);
    bool found = false;
    const QCPRange values = graph->getValueRange(found);
    m_plot->xAxis->setRange(0.5, std::max(totalSteps, step) + 0.5);
    m_plot->yAxis->setRange(0, found ? std::max(values.upper * 1.15, 1e-3) : 1.0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    updateSummary(tr("step %1 of %2 (%3), %4 s").arg(step).arg(totalSteps).arg(stage).arg(seconds, 0, 'f', 3));
}

void JobMonitorDock::finishJob(const QString& outcome) { updateSummary(outcome); }

void JobMonitorDock::updateSummary(const QString& tail) {
    const QString totals = m_lastStep > 0 ? tr("; %1 s in total").arg(m_totalSeconds, 0, 'f', 2) : QString();
    m_summary->setText(tr("Job %1: %2%3").arg(m_jobId).arg(tail, totals));
}

} // namespace atelier::gui
