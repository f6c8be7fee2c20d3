// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tools/selection_mode.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

namespace atelier::engine {
class SubjectSegmenter;
}

namespace atelier::app {

class EditorSession;

/// "Select subject": masks the main subject of the open image with ISNet
/// (engine::SubjectSegmenter, about 3-10 s on two CPU cores) on a worker
/// thread, then writes it into the active mask layer in the chosen mode as
/// one undoable command, like any other mask edit. The worker gets a copy of
/// the image; when the image changes meanwhile, the result is dropped. The
/// loaded model is kept for the next run (loading it takes about a second).
class SubjectSelection : public QObject {
    Q_OBJECT

public:
    explicit SubjectSelection(EditorSession* session, QObject* parent = nullptr);
    /// Waits for a running selection.
    ~SubjectSelection() override;

    /// Starts masking the subject; ignored while one runs or without an image.
    /// `modelPath` empty: engine::findSubjectModel() picks the model.
    void start(tools::SelectionMode mode, const QString& modelPath = QString());
    bool isRunning() const { return m_running; }
    /// How many times a model file was loaded (a later run reuses the model).
    int modelLoads() const { return m_modelLoads; }

signals:
    void started();
    /// The mask was applied (or nothing changed); `seconds` is the model's time.
    void finished(double seconds);
    /// No model, a model error, or the image changed meanwhile.
    void failed(const QString& message);

private:
    EditorSession* m_session;
    QFuture<void> m_future;
    bool m_running = false;
    quint64 m_imageVersion = 0;

    /// The worker's model, kept between runs; m_segmenterMutex guards both.
    std::mutex m_segmenterMutex;
    std::unique_ptr<engine::SubjectSegmenter> m_segmenter;
    std::string m_segmenterModel; ///< the path m_segmenter was loaded from
    std::atomic<int> m_modelLoads{0};
};

} // namespace atelier::app
