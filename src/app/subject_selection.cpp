// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/subject_selection.h"

#include "app/editor_session.h"
#include "core/error.h"
#include "engine/segmentation/subject_model_path.h"
#include "engine/segmentation/subject_segmenter.h"
#include "tools/selection_ink.h"

#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

#include <chrono>
#include <utility>

namespace atelier::app {

SubjectSelection::SubjectSelection(EditorSession* session, QObject* parent) : QObject(parent), m_session(session) {
    const auto bump = [this] { ++m_imageVersion; };
    connect(m_session, &EditorSession::documentReplaced, this, bump);
    connect(m_session, &EditorSession::imageChanged, this, bump);
}

SubjectSelection::~SubjectSelection() {
    // The worker's queued answer is dropped once this object is gone.
    m_future.waitForFinished();
}

void SubjectSelection::start(tools::SelectionMode mode, const QString& modelPath) {
    if (m_running || !m_session->hasImage()) return;
    m_running = true;
    emit started();
    const quint64 version = m_imageVersion;
    ImageRGBA8 image = m_session->document().image().toFlat();
    const std::string model = modelPath.toStdString();
    m_future = QtConcurrent::run([this, version, mode, model, image = std::move(image)] {
        const auto t0 = std::chrono::steady_clock::now();
        MaskA8 mask;
        QString error;
        try {
            const std::string path = model.empty() ? engine::findSubjectModel() : model;
            const std::lock_guard<std::mutex> lock(m_segmenterMutex);
            if (!m_segmenter || m_segmenterModel != path) {
                m_segmenter.reset();
                m_segmenter = std::make_unique<engine::SubjectSegmenter>(path);
                m_segmenterModel = path;
                ++m_modelLoads;
            }
            mask = m_segmenter->segment(image);
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        QMetaObject::invokeMethod(
            this,
            [this, version, mode, error, seconds, mask = std::move(mask)] {
                m_running = false;
                if (!error.isEmpty()) {
                    emit failed(error);
                    return;
                }
                if (version != m_imageVersion || !m_session->hasImage() || mask.size() != m_session->document().size()) {
                    emit failed(tr("Select subject: the image changed while the subject was being masked; try again"));
                    return;
                }
                try {
                    m_session->applyMaskEdit(
                        [&mask, mode](doc::Document& d) { return tools::applyMaskAsSelection(d, mask, mode); },
                        tr("Select subject"));
                } catch (const Error& e) {
                    emit failed(QString::fromStdString(e.what()));
                    return;
                }
                emit finished(seconds);
            },
            Qt::QueuedConnection);
    });
}

} // namespace atelier::app
