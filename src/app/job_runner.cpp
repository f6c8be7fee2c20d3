// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/job_runner.h"

#include "app/qt_image.h"
#include "engine/edit_engine.h"

#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <utility>

namespace atelier::app {

/// Turns the engine's callbacks (worker thread) into queued signal emissions.
class JobRunner::Sink : public engine::ProgressSink {
public:
    Sink(JobRunner* runner, int jobId) : m_runner(runner), m_jobId(jobId) {}

    void onProgress(const engine::ProgressEvent& e) override {
        JobRunner* r = m_runner;
        const int id = m_jobId;
        const QString stage = QString::fromStdString(e.stage);
        const int step = e.step, total = e.totalSteps;
        const double seconds = e.stepSeconds;
        r->post([=] { emit r->progress(id, step, total, seconds, stage); });
        if (e.preview && !e.preview->isEmpty()) {
            QImage image = wrapAsQImage(*e.preview);
            image = image.width() > kPreviewSize || image.height() > kPreviewSize
                        ? image.scaled(kPreviewSize, kPreviewSize, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                        : image.copy();
            r->post([=] { emit r->preview(id, image); });
        }
    }
    void onVariation(const engine::Variation& variation) override {
        deliver(std::make_shared<const engine::Variation>(variation));
    }
    void onNotice(const std::string& text) override {
        JobRunner* r = m_runner;
        const int id = m_jobId;
        const QString message = QString::fromStdString(text);
        r->post([=] { emit r->notice(id, message); });
    }
    void deliver(VariationPtr variation) {
        JobRunner* r = m_runner;
        const int id = m_jobId;
        ++m_delivered;
        r->post([=] { emit r->variationReady(id, variation); });
    }
    int delivered() const { return m_delivered; }

private:
    JobRunner* m_runner;
    int m_jobId;
    int m_delivered = 0;
};

JobRunner::JobRunner(QObject* parent) : QObject(parent) {
    qRegisterMetaType<VariationPtr>("atelier::app::VariationPtr");
}

JobRunner::~JobRunner() {
    if (m_cancel) m_cancel->request(engine::CancelMode::Now);
    m_future.waitForFinished();
}

void JobRunner::post(std::function<void()> call) {
    // Queued onto this object's thread; dropped if the runner is gone by then
    // (it is not: the destructor waits for the worker).
    QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
}

int JobRunner::start(engine::EditRequest request) {
    if (isRunning()) return 0;
    const int id = m_nextJob++;
    m_currentJob = id;
    m_cancel = std::make_shared<engine::CancelToken>();
    const int count = request.variationCount;
    emit started(id, count);

    auto cancel = m_cancel;
    m_future = QtConcurrent::run([this, id, cancel, request = std::move(request)] {
        Sink sink(this, id);
        try {
            engine::EditResult result = engine::runEdit(request, &sink, cancel.get());
            // A backend that returns variations without reporting them still delivers them.
            for (std::size_t i = sink.delivered(); i < result.variations.size(); ++i) {
                sink.deliver(std::make_shared<const engine::Variation>(std::move(result.variations[i])));
            }
            const bool cancelled = result.cancelled;
            post([this, id, cancelled] {
                end(id);
                emit finished(id, cancelled);
            });
        } catch (const std::exception& e) {
            const QString message = QString::fromStdString(e.what());
            post([this, id, message] {
                end(id);
                emit failed(id, message);
            });
        } catch (...) {
            post([this, id] {
                end(id);
                emit failed(id, tr("unknown error in the edit job"));
            });
        }
    });
    return id;
}

void JobRunner::cancel() {
    if (m_cancel && isRunning()) m_cancel->request(engine::CancelMode::Now);
}

void JobRunner::end(int jobId) {
    if (m_currentJob == jobId) m_currentJob = 0;
}

} // namespace atelier::app
