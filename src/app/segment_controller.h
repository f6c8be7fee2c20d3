// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tools/pointer.h"
#include "tools/segment_tool.h"
#include "tools/selection_mode.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>

namespace atelier::engine {
class CancelToken;
class SamEmbedding;
class SamSegmenter;
} // namespace atelier::engine

namespace atelier::app {

class EditorSession;

/// Drives the segment tool for the canvas: keeps a tools::SegmentTool for
/// the open image, asks a tools::MaskPredictor on a worker thread whenever
/// the prompt changes (the newest prompt wins; answers to older prompts are
/// dropped) and commits the shown candidate as one undoable command.
///
/// With SAM weights set (setSamWeights()), the model is loaded on the worker
/// and the image is encoded once per image version — when an image is opened
/// or its pixels change — so clicks only run SAM's decoder. Without weights,
/// or when they fail to load, the GrabCut fallback answers, and
/// predictorName() says so. Lives on the UI thread; the workers get value
/// copies of the image, never the document.
class SegmentController : public QObject {
    Q_OBJECT

public:
    explicit SegmentController(EditorSession* session, QObject* parent = nullptr);
    /// Stops encoding and waits for the worker.
    ~SegmentController() override;

    /// Sets the SAM / MobileSAM weights file (.pth or .safetensors) and loads it
    /// on the worker; an empty path selects the GrabCut fallback. A file that
    /// fails to load is reported by failed() and leaves the fallback in use.
    void setSamWeights(const QString& path);
    QString samWeights() const { return m_samPath; }
    /// "SAM vit_b", "SAM mobilesam", or "GrabCut (fallback)".
    QString predictorName() const;
    /// True while the GrabCut fallback answers (no SAM model loaded).
    bool isFallback() const { return m_sam == nullptr; }
    /// True while the model loads, the image is encoded or a prompt is answered.
    bool isBusy() const { return m_loading || m_encoding || m_predicting; }
    /// True when the image embedding for the current image is ready (SAM only).
    bool hasEmbedding() const { return m_embedding != nullptr; }
    /// How many image embeddings were computed so far (one per image version; clicks never encode).
    int encodingCount() const { return m_encodings; }

    /// The tool (prompt, drag box, shown candidate), or nullptr without an image.
    const tools::SegmentTool* tool() const { return m_tool.get(); }

    /// Canvas input in image pixels (left button).
    void press(const tools::Pointer& p);
    void move(const tools::Pointer& p);
    void release(const tools::Pointer& p);
    /// Shows the next candidate mask.
    void cycleCandidate();
    /// Removes the newest point (or the box) and asks again.
    void undoLastPrompt();
    /// Writes the shown candidate into the active mask layer in `mode` as one
    /// undoable command ("Segment"), then starts over.
    void commit(tools::SelectionMode mode);
    /// Forgets the prompt and the preview.
    void discard();

signals:
    /// The prompt, the drag box or the shown candidate changed: repaint.
    void previewChanged();
    /// A line for the status bar: what the predictor is doing or found.
    void statusChanged(const QString& text);
    /// Loading the weights or answering a prompt failed.
    void failed(const QString& message);
    /// isBusy() changed.
    void busyChanged(bool busy);

private:
    void imageChanged();
    void ensureTool();
    void startEncoding();
    void requestPrediction();
    void setBusyFlags(bool& flag, bool value);
    void post(std::function<void()> call);

    EditorSession* m_session;
    QThreadPool m_pool;
    QTimer m_encodeDelay;
    std::unique_ptr<tools::SegmentTool> m_tool;
    quint64 m_imageVersion = 1;

    QString m_samPath;
    std::shared_ptr<const engine::SamSegmenter> m_sam;
    std::shared_ptr<const engine::SamEmbedding> m_embedding;
    quint64 m_embeddingVersion = 0;
    std::shared_ptr<engine::CancelToken> m_encodeCancel;
    std::shared_ptr<tools::MaskPredictor> m_predictor;
    quint64 m_predictorVersion = 0;

    int m_encodings = 0;
    bool m_loading = false;
    bool m_encoding = false;
    bool m_predicting = false;
    bool m_predictionPending = false;
};

} // namespace atelier::app
