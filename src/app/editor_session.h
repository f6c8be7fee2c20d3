// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image.h"
#include "doc/document.h"
#include "doc/region_delta.h"
#include "engine/edit_request.h"
#include "engine/variation.h"
#include "tools/brush.h"
#include "tools/pointer.h"

#include <QObject>
#include <QRect>
#include <QString>

#include <memory>

class QUndoStack;

namespace atelier::tools {
class BrushStroke;
}

namespace atelier::app {

/// One open document with its undo history: the app-level owner of the
/// doc::Document. Every change goes through here (or through the undo
/// commands it pushes), so views learn of it from the signals. Lives on the
/// UI thread; workers get value copies (makeInpaintRequest()), never the document.
class EditorSession : public QObject {
    Q_OBJECT

public:
    /// An empty session (no image).
    explicit EditorSession(QObject* parent = nullptr);
    ~EditorSession() override;

    /// The document (read-only; change it through the session).
    const doc::Document& document() const { return m_document; }
    /// The undo history; its commands refer back to this session.
    QUndoStack* undoStack() const { return m_undoStack; }
    /// The file the image came from; empty when it did not come from a file.
    QString filePath() const { return m_filePath; }
    /// The file name for titles, or "Untitled".
    QString displayName() const;
    /// True when an image is open.
    bool hasImage() const { return !m_document.isEmpty(); }

    /// Opens an image file (see loadImage()), replacing the document and
    /// clearing the history. Throws atelier::Error naming the file; on error the
    /// current document is kept unchanged.
    void openFile(const QString& path);
    /// Replaces the document with `image` and a clear mask; clears the history.
    void setImage(ImageRGBA8 image, const QString& filePath = QString());

    /// Starts a brush stroke on the mask at `p` (image pixels). Throws
    /// atelier::Error without an image or with invalid settings.
    void beginStroke(const tools::BrushSettings& settings, const tools::Pointer& p);
    /// Continues the stroke; ignored when none is running.
    void continueStroke(const tools::Pointer& p);
    /// Ends the stroke and pushes one MaskStrokeCommand when the mask changed.
    void endStroke();
    /// Abandons the running stroke and restores the mask.
    void cancelStroke();
    /// True while a stroke runs.
    bool isStroking() const { return m_stroke != nullptr; }

    /// Clears the mask as one undoable command (nothing when already clear).
    void clearMask();
    /// Puts a variation's pixels into the image as one undoable command: only
    /// the pixels inside its recipe's crop rectangle (all when that is empty).
    /// A variation of another size (outpaint) replaces the document and clears
    /// the mask. Nothing is pushed when no pixel would change. Throws
    /// atelier::Error without an image or for an empty variation.
    void applyVariation(const engine::Variation& variation);

    /// A job request: `parameters` (prompt, seed, steps, ...) with the
    /// document's image and mask copied in and mode set to inpaint.
    engine::EditRequest makeInpaintRequest(engine::EditRequest parameters) const;

    /// For undo commands: writes a mask delta forwards (redo) or backwards (undo).
    void writeMaskDelta(const doc::MaskDelta& delta, bool forward);
    /// For undo commands: writes an image delta forwards (redo) or backwards (undo).
    void writeImageDelta(const doc::ImageDelta& delta, bool forward);
    /// For undo commands: swaps the whole document with `other` (size changes).
    void swapDocument(doc::Document& other);

signals:
    /// Image pixels inside `rect` (image pixels) changed.
    void imageChanged(QRect rect);
    /// Mask values inside `rect` (image pixels) changed.
    void maskChanged(QRect rect);
    /// The whole document was replaced (new file, new size); views should reset.
    void documentReplaced();

private:
    doc::Document m_document;
    QUndoStack* m_undoStack = nullptr;
    QString m_filePath;
    std::unique_ptr<tools::BrushStroke> m_stroke;
};

} // namespace atelier::app
