// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QCustomPlot;
class QLabel;

namespace atelier::gui {

/// The Job monitor dock: a live QCustomPlot of the running job's seconds per
/// step (x = step, y = seconds) and a one-line summary.
class JobMonitorDock : public QDockWidget {
    Q_OBJECT

public:
    explicit JobMonitorDock(QWidget* parent = nullptr);

    /// The plot (for tests and screenshots).
    QCustomPlot* plot() const { return m_plot; }
    /// Points plotted for the current job.
    int pointCount() const;

public slots:
    /// Clears the plot for job `jobId` with `variationCount` variations.
    void startJob(int jobId, int variationCount);
    /// Adds one finished step (1-based) that took `seconds`.
    void addStep(int step, int totalSteps, double seconds, const QString& stage);
    /// Shows how the job ended (`outcome` is a short translated phrase).
    void finishJob(const QString& outcome);

private:
    void updateSummary(const QString& tail);

    QCustomPlot* m_plot;
    QLabel* m_summary;
    int m_jobId = 0;
    int m_totalSteps = 0;
    int m_lastStep = 0;
    double m_totalSeconds = 0.0;
    QString m_stage;
};

} // namespace atelier::gui
