// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/variation_ptr.h"
#include "engine/edit_request.h"
#include "engine/progress.h"

#include <QFuture>
#include <QImage>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace atelier::app {

/// Runs edit jobs (engine::runEdit) one at a time on a worker thread.
///
/// start() takes a value copy of the request; the worker never touches the
/// document. Everything the worker reports arrives as signals emitted on the
/// runner's (UI) thread, in order: started, then progress/preview/notice/
/// variationReady as they happen, then exactly one of finished or failed.
/// Destroying the runner cancels the job and waits for the worker.
class JobRunner : public QObject {
    Q_OBJECT

public:
    /// Longest side of the images sent by preview(), in pixels.
    static constexpr int kPreviewSize = 1024;

    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override;

    /// Starts `request` on a worker thread and returns its job id (> 0), or 0
    /// when a job is still running (nothing is started then).
    int start(engine::EditRequest request);
    /// True from start() until finished or failed has been emitted.
    bool isRunning() const { return m_currentJob != 0; }
    /// The running job's id, or 0.
    int currentJob() const { return m_currentJob; }

public slots:
    /// Asks the running job to stop at the next step boundary
    /// (engine::CancelMode::Now); `finished(id, true)` follows.
    void cancel();

signals:
    /// The job began; it will produce up to `variationCount` variations.
    void started(int jobId, int variationCount);
    /// A step finished: `step` of `totalSteps` (1-based), `stepSeconds` of wall time, `stage` ("fill", ...).
    void progress(int jobId, int step, int totalSteps, double stepSeconds, const QString& stage);
    /// A cheap preview of the work in progress (only from backends that make one),
    /// scaled down to at most kPreviewSize pixels on its longer side.
    void preview(int jobId, const QImage& image);
    /// A variation is finished (full resolution, composited, with its recipe).
    void variationReady(int jobId, const atelier::app::VariationPtr& variation);
    /// Something the user should know (e.g. that the classical fill ignores the prompt).
    void notice(int jobId, const QString& text);
    /// The job ended normally (`cancelled` = false) or by cancel().
    void finished(int jobId, bool cancelled);
    /// The job stopped with an error; `message` is meant for the user.
    void failed(int jobId, const QString& message);

private:
    class Sink;
    void post(std::function<void()> call);
    void end(int jobId);

    int m_nextJob = 1;
    int m_currentJob = 0;
    std::shared_ptr<engine::CancelToken> m_cancel;
    QFuture<void> m_future;
};

} // namespace atelier::app
