// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/segment_controller.h"

#include "app/editor_session.h"
#include "app/segment_predictors.h"
#include "core/error.h"
#include "engine/progress.h"
#include "engine/sam/sam_segmenter.h"

#include <QFileInfo>
#include <QMetaObject>


#include <chrono>
#include <utility>

namespace atelier::app {
namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

} // namespace

SegmentController::SegmentController(EditorSession* session, QObject* parent)
    : QObject(parent), m_session(session) {
    m_pool.setMaxThreadCount(1); // one model at a time: loading, encoding and prompts queue up
    m_encodeDelay.setSingleShot(true);
    m_encodeDelay.setInterval(300); // a burst of image edits (applying a variation) encodes once
    connect(&m_encodeDelay, &QTimer::timeout, this, &SegmentController::startEncoding);
    connect(m_session, &EditorSession::documentReplaced, this, &SegmentController::imageChanged);
    connect(m_session, &EditorSession::imageChanged, this, &SegmentController::imageChanged);
}

SegmentController::~SegmentController() {
    if (m_encodeCancel) m_encodeCancel->request(engine::CancelMode::Now);
    m_pool.waitForDone();
}

void SegmentController::post(std::function<void()> call) {
    // Runs on the UI thread; dropped when this object is gone (the destructor waits anyway).
    QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
}

void SegmentController::setBusyFlags(bool& flag, bool value) {
    const bool before = isBusy();
    flag = value;
    if (before != isBusy()) emit busyChanged(isBusy());
}

QString SegmentController::predictorName() const {
    if (m_sam) return QStringLiteral("SAM %1").arg(QString::fromStdString(m_sam->architectureName()));
    return tr("GrabCut (fallback)");
}

void SegmentController::setSamWeights(const QString& path) {
    m_samPath = path;
    m_sam.reset();
    m_embedding.reset();
    m_predictor.reset();
    if (m_encodeCancel) m_encodeCancel->request(engine::CancelMode::Now);
    if (path.isEmpty()) {
        emit statusChanged(tr("Segment: %1 — no SAM model set").arg(predictorName()));
        return;
    }
    setBusyFlags(m_loading, true);
    emit statusChanged(tr("Loading the segmentation model %1…").arg(QFileInfo(path).fileName()));
    const std::string file = path.toStdString();
    m_pool.start([this, file, path] {
        try {
            auto sam = std::make_shared<const engine::SamSegmenter>(engine::SamSegmenter::load(file));
            post([this, sam, path] {
                setBusyFlags(m_loading, false);
                if (path != m_samPath) return; // another file was chosen meanwhile
                m_sam = sam;
                emit statusChanged(tr("Segment: %1 loaded").arg(predictorName()));
                if (m_session->hasImage()) startEncoding();
            });
        } catch (const std::exception& e) {
            const QString message = QString::fromStdString(e.what());
            post([this, message, path] {
                setBusyFlags(m_loading, false);
                if (path != m_samPath) return;
                emit failed(message);
                emit statusChanged(tr("Segment: %1 — the SAM model did not load").arg(predictorName()));
            });
        }
    });
}

void SegmentController::imageChanged() {
    ++m_imageVersion;
    m_predictor.reset();
    m_embedding.reset();
    if (m_encodeCancel) m_encodeCancel->request(engine::CancelMode::Now);
    if (m_tool) {
        m_tool.reset();
        emit previewChanged();
    }
    if (m_sam && m_session->hasImage()) m_encodeDelay.start();
}

void SegmentController::ensureTool() {
    if (!m_tool && m_session->hasImage()) m_tool = std::make_unique<tools::SegmentTool>(m_session->document().size());
}

void SegmentController::startEncoding() {
    if (!m_sam || !m_session->hasImage()) return;
    if (m_embedding && m_embeddingVersion == m_imageVersion) return;
    if (m_encodeCancel) m_encodeCancel->request(engine::CancelMode::Now);
    auto cancel = std::make_shared<engine::CancelToken>();
    m_encodeCancel = cancel;
    setBusyFlags(m_encoding, true);
    emit statusChanged(tr("Segment: encoding the image with %1…").arg(predictorName()));
    const quint64 version = m_imageVersion;
    auto sam = m_sam;
    ImageRGBA8 image = m_session->document().image().toFlat();
    m_pool.start([this, sam, cancel, version, image = std::move(image)] {
        const Clock::time_point t0 = Clock::now();
        std::shared_ptr<const engine::SamEmbedding> embedding;
        QString error;
        try {
            embedding = sam->computeEmbedding(image, cancel.get());
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        const double ms = millisecondsSince(t0);
        post([this, sam, cancel, version, embedding, error, ms] {
            if (m_encodeCancel == cancel) {
                m_encodeCancel.reset();
                setBusyFlags(m_encoding, false);
            }
            if (!error.isEmpty()) {
                emit failed(error);
                return;
            }
            if (!embedding || version != m_imageVersion || sam != m_sam) return; // cancelled or outdated
            m_embedding = embedding;
            m_embeddingVersion = version;
            ++m_encodings;
            m_predictor = std::make_shared<SamMaskPredictor>(sam, embedding);
            m_predictorVersion = version;
            emit statusChanged(tr("Segment: %1 ready (image encoded in %2 s)")
                                   .arg(predictorName())
                                   .arg(ms / 1000.0, 0, 'f', 1));
            if (m_predictionPending) {
                m_predictionPending = false;
                requestPrediction();
            }
        });
    });
}

void SegmentController::requestPrediction() {
    if (!m_tool || m_tool->prompt().isEmpty()) return;
    if (m_predicting) {
        m_predictionPending = true;
        return;
    }
    if (!m_predictor || m_predictorVersion != m_imageVersion) {
        if (m_sam) {
            m_predictionPending = true; // answered once the image is encoded
            if (!m_encoding) startEncoding();
            return;
        }
        m_predictor = std::make_shared<GrabCutMaskPredictor>(m_session->document().image().toFlat());
        m_predictorVersion = m_imageVersion;
    }
    try {
        validatePrompt(m_tool->prompt(), m_session->document().size());
    } catch (const Error& e) {
        emit statusChanged(tr("Segment: %1").arg(QString::fromStdString(e.message())));
        return;
    }
    setBusyFlags(m_predicting, true);
    auto predictor = m_predictor;
    const SegmentPrompt prompt = m_tool->prompt();
    const std::uint64_t promptVersion = m_tool->promptVersion();
    const quint64 imageVersion = m_imageVersion;
    if (predictor->isFallback()) emit statusChanged(tr("Segment: %1 working…").arg(predictorName()));
    m_pool.start([this, predictor, prompt, promptVersion, imageVersion] {
        const Clock::time_point t0 = Clock::now();
        tools::MaskCandidates candidates;
        QString error;
        try {
            candidates = predictor->predict(prompt);
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        const double ms = millisecondsSince(t0);
        post([this, candidates = std::move(candidates), error, ms, promptVersion, imageVersion,
              name = QString::fromStdString(predictor->name())]() mutable {
            setBusyFlags(m_predicting, false);
            if (!error.isEmpty()) {
                emit failed(error);
            } else if (m_tool && imageVersion == m_imageVersion) {
                const int count = static_cast<int>(candidates.masks.size());
                if (m_tool->setCandidates(std::move(candidates), promptVersion)) {
                    QString text = tr("Segment: %1, %n candidate(s) in %2 ms", nullptr, count)
                                       .arg(name)
                                       .arg(ms, 0, 'f', 0);
                    if (m_sam) text += tr(", predicted IoU %1").arg(m_tool->candidateScore(), 0, 'f', 2);
                    if (count > 1) text += tr(" — Tab: next candidate");
                    text += tr(" — Enter: apply, Esc: discard");
                    emit statusChanged(text);
                    emit previewChanged();
                }
            }
            if (m_predictionPending) {
                m_predictionPending = false;
                requestPrediction();
            }
        });
    });
}

void SegmentController::press(const tools::Pointer& p) {
    ensureTool();
    if (m_tool) m_tool->press(p);
}

void SegmentController::move(const tools::Pointer& p) {
    if (!m_tool) return;
    m_tool->move(p);
    if (m_tool->dragBox()) emit previewChanged();
}

void SegmentController::release(const tools::Pointer& p) {
    if (!m_tool) return;
    const bool changed = m_tool->release(p);
    emit previewChanged();
    if (changed) requestPrediction();
}

void SegmentController::cycleCandidate() {
    if (m_tool && m_tool->cycleCandidate()) {
        emit statusChanged(tr("Segment: candidate %1 of %2, score %3")
                               .arg(m_tool->candidateIndex() + 1)
                               .arg(m_tool->candidateCount())
                               .arg(m_tool->candidateScore(), 0, 'f', 2));
        emit previewChanged();
    }
}

void SegmentController::undoLastPrompt() {
    if (!m_tool || !m_tool->undoLastPrompt()) return;
    emit previewChanged();
    requestPrediction();
}

void SegmentController::commit(tools::SelectionMode mode) {
    if (!m_tool || !m_tool->hasPreview()) return;
    tools::SegmentTool* tool = m_tool.get();
    try {
        m_session->applyMaskEdit([tool, mode](doc::Document& d) { return tool->commit(d, mode); }, tr("Segment"));
    } catch (const Error& e) {
        emit failed(QString::fromStdString(e.what()));
    }
    emit previewChanged();
}

void SegmentController::discard() {
    if (!m_tool) return;
    m_tool->clear();
    emit previewChanged();
}

} // namespace atelier::app
