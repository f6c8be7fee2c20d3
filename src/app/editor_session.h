// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/history_budget.h"
#include "app/mask_layer_properties_command.h"
#include "core/image.h"
#include "doc/document.h"
#include "doc/tile_delta.h"
#include "engine/edit_request.h"
#include "engine/variation.h"
#include "tools/brush.h"
#include "tools/mask_operations.h"
#include "tools/mask_tool.h"
#include "tools/pointer.h"

#include <QObject>
#include <QRect>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QUndoStack;

namespace atelier::app {

class HistoryCommand;

/// One open document with its undo history: the app-level owner of the
/// doc::Document. Every change goes through here (or through the undo
/// commands it pushes), so views learn of it from the signals. Every edit is
/// one command on undoStack(); the history is trimmed by a memory budget, not a
/// count. Lives on the UI thread; workers get value copies (makeEditRequest()),
/// never the document.
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
    /// True when the history has changes since the image was opened.
    bool isModified() const;

    /// Largest image (pixels) openFile(), addReference() and pasted images accept (default 100 MP).
    qint64 maxImagePixels() const { return m_maxPixels; }
    /// Sets the pixel limit (at least 1).
    void setMaxImagePixels(qint64 pixels) { m_maxPixels = qMax<qint64>(1, pixels); }

    /// Opens an image file (see loadImage()), replacing the document and
    /// clearing the history. Throws atelier::Error naming the file; on error the
    /// current document is kept unchanged.
    void openFile(const QString& path);
    /// Replaces the document with `image` and a clear mask; clears the history.
    void setImage(ImageRGBA8 image, const QString& filePath = QString());
    /// Replaces the document with `document` (a project being opened), keeping its
    /// mask layers, references and outpaint frame; clears the history, which starts clean.
    /// `filePath` is the image the document came from (may be empty).
    void setDocument(doc::Document document, const QString& filePath = QString());
    /// Marks the current state as saved: isModified() is false until the next edit.
    void markSaved();
    /// Loads an image file as a reference image of the document. Throws atelier::Error naming the file.
    void addReference(const QString& path);

    /// A button went down with `tool` (see tools::MaskTool): starts a use or adds
    /// a point to the running one. Throws atelier::Error without an image or with
    /// invalid settings. A finished use pushes one MaskStrokeCommand.
    void toolPress(const tools::ToolDefinition& tool, const tools::ToolSettings& settings, const tools::Pointer& p);
    /// The pointer moved; ignored when no tool runs.
    void toolMove(const tools::Pointer& p);
    /// The button went up; ignored when no tool runs.
    void toolRelease(const tools::Pointer& p);
    /// Closes a point-by-point shape (double-click, Enter).
    void toolClose();
    /// Abandons the running tool use and restores the mask.
    void cancelTool();
    /// True while a tool use runs (a stroke, a lasso being drawn, a polygon being clicked).
    bool isToolActive() const { return m_tool != nullptr; }
    /// The running tool's outline in image pixels (empty when none).
    std::vector<PointF> toolOutline() const;

    /// Starts a brush stroke on the mask at `p` (image pixels): toolPress() with the
    /// brush (or eraser for BrushMode::Erase). Throws like toolPress().
    void beginStroke(const tools::BrushSettings& settings, const tools::Pointer& p);
    /// Continues the stroke; ignored when none is running.
    void continueStroke(const tools::Pointer& p) { toolMove(p); }
    /// Ends the stroke and pushes one MaskStrokeCommand when the mask changed.
    void endStroke();
    /// Abandons the running stroke and restores the mask.
    void cancelStroke() { cancelTool(); }
    /// True while a stroke (or any tool use) runs.
    bool isStroking() const { return isToolActive(); }

    /// Applies a whole-mask operation to the active layer as one undoable command
    /// (nothing is pushed when the mask would not change). Throws atelier::Error
    /// without an image or for an amount out of range.
    void applyMaskOperation(tools::MaskOperation op, int amountPx = 0);
    /// Clears the mask as one undoable command (nothing when already clear).
    void clearMask() { applyMaskOperation(tools::MaskOperation::Clear); }
    /// Runs `edit` on the document's active mask layer (it returns what it wrote,
    /// e.g. tools::SegmentTool::commit()) and pushes the result as one undoable
    /// command named `text`; nothing is pushed when the delta is empty. Throws
    /// atelier::Error without an image, or what `edit` throws (the mask is then unchanged).
    void applyMaskEdit(const std::function<doc::MaskDelta(doc::Document&)>& edit, const QString& text);
    /// Replaces the active mask with a PNG (see loadMaskPng()) as one undoable command.
    /// Throws atelier::Error naming the file (wrong size, unreadable).
    void loadMask(const QString& path);
    /// Saves the active mask as a greyscale PNG, atomically. Throws atelier::Error naming the file.
    void saveMask(const QString& path) const;

    /// Adds a clear mask layer above the others and makes it active, as one undoable command.
    /// Returns its id. Throws atelier::Error without an image.
    int addMaskLayer();
    /// Deletes the active mask layer as one undoable command (the last one is kept:
    /// nothing happens then). Returns false when nothing was deleted.
    bool deleteActiveMaskLayer();
    /// Makes layer `layerId` active (tools and generation use it). Not in the history.
    void setActiveMaskLayer(int layerId);
    /// Activates the next mask layer, wrapping around. Not in the history.
    void activateNextMaskLayer();

    /// Shows or hides mask layer `layerId`'s overlay. A view setting: not in the history.
    void setMaskVisible(int layerId, bool visible);
    /// Sets mask layer `layerId`'s overlay colour (0xRRGGBB) and opacity (0..1). Not in the history.
    void setMaskAppearance(int layerId, std::uint32_t color, double opacity);
    /// Renames mask layer `layerId` as one undoable command (nothing when unchanged).
    /// Throws atelier::Error when the layer is unknown or `name` is blank.
    void renameMaskLayer(int layerId, const QString& name);
    /// Sets mask layer `layerId`'s overlay colour (0xRRGGBB) and opacity (clamped to 0..1)
    /// as one undoable command; successive changes to one layer merge into one step.
    /// Throws atelier::Error when the layer is unknown.
    void changeMaskAppearance(int layerId, std::uint32_t color, double opacity);

    /// Sets the outpaint frame (margins added by the next outpaint) as one undoable
    /// command. Throws atelier::Error for negative or oversized margins.
    void setOutpaintFrame(const Margins& frame);

    /// Puts a variation's pixels into the image as one undoable command: only
    /// the pixels inside its recipe's crop rectangle (all when that is empty).
    /// A variation of another size (outpaint) replaces the document and clears
    /// the mask. Nothing is pushed when no pixel would change. Throws
    /// atelier::Error without an image or for an empty variation.
    void applyVariation(const engine::Variation& variation);

    /// The recipe of the latest variation applied and not undone (what made the
    /// newest generated pixels in the image); nothing when none is in effect.
    std::optional<engine::Recipe> appliedRecipe() const;

    /// A job request: `parameters` (prompt, seed, steps, ...) with the
    /// document's image and active mask copied in and mode set to inpaint.
    engine::EditRequest makeInpaintRequest(engine::EditRequest parameters) const;
    /// Like makeInpaintRequest(), but an outpaint (with the frame's margins) when
    /// the document has an outpaint frame.
    engine::EditRequest makeEditRequest(engine::EditRequest parameters) const;

    /// The history memory budget in bytes (default kDefaultHistoryBudget).
    std::size_t historyBudget() const { return m_budget; }
    /// Sets the budget and trims the history to it at once.
    void setHistoryBudget(std::size_t bytes);
    /// Bytes the history holds now.
    std::size_t historyMemory() const;

    /// For undo commands: writes a mask delta forwards (redo) or backwards (undo).
    void writeMaskDelta(int layerId, const doc::MaskDelta& delta, bool forward);
    /// For undo commands: writes an image delta forwards (redo) or backwards (undo).
    void writeImageDelta(const doc::ImageDelta& delta, bool forward);
    /// For undo commands: swaps the whole document with `other` (size changes).
    void swapDocument(doc::Document& other);
    /// For undo commands: sets the outpaint frame.
    void writeOutpaintFrame(const Margins& frame);
    /// For undo commands: inserts `layer` at `position` and makes it active.
    void writeMaskLayer(const doc::MaskLayer& layer, int position);
    /// For undo commands: removes layer `layerId` and returns it.
    doc::MaskLayer takeMaskLayer(int layerId);
    /// For undo commands: sets layer `layerId`'s name, colour and opacity.
    void writeMaskProperties(int layerId, const MaskLayerProperties& properties);

signals:
    /// Image pixels inside `rect` (image pixels) changed.
    void imageChanged(QRect rect);
    /// Mask values inside `rect` (image pixels) changed.
    void maskChanged(QRect rect);
    /// The whole document was replaced (new file, new size); views should reset.
    void documentReplaced();
    /// The outpaint frame changed.
    void outpaintFrameChanged();
    /// The running tool's outline changed (or the tool ended).
    void toolOutlineChanged();
    /// A reference image was added or removed.
    void referencesChanged();
    /// Mask layers were added, removed, renamed or recoloured, or another one became active.
    void maskLayersChanged();

private:
    void push(HistoryCommand* command);
    void finishToolIfDone(const Rect& dirty);

    doc::Document m_document;
    QUndoStack* m_undoStack = nullptr;
    QString m_filePath;
    std::unique_ptr<tools::MaskTool> m_tool;
    tools::Pointer m_lastPointer;
    std::size_t m_budget = kDefaultHistoryBudget;
    qint64 m_maxPixels;
};

} // namespace atelier::app
