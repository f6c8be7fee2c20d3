// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/history_command.h"
#include "engine/variation.h"
#include "core/image.h"
#include "doc/document.h"
#include "doc/tile_delta.h"

#include <memory>

namespace atelier::app {

class EditorSession;

/// Undo command that puts a variation's pixels into the image.
///
/// For a variation of the image's size it records only the tiles whose pixels
/// differ inside `area` (a doc::ImageDelta; an inpaint changes just the masked
/// area), and the mask is kept. Pixels outside `area` are never touched, so
/// edits made since the job started survive there. For another size (outpaint)
/// it swaps the whole document with one holding the variation and a clear mask
/// (a copy of tile pointers, not of pixels). Undo is byte-exact either way. A
/// variation identical to the image makes the command obsolete (QUndoStack then drops it).
class ApplyVariationCommand : public HistoryCommand {
public:
    /// Prepares the command against `session`'s current image (which must not be
    /// empty). `area` limits the change (image pixels); empty means the whole image.
    ApplyVariationCommand(EditorSession* session, const ImageRGBA8& variation, const Rect& area, const QString& text);

    std::size_t memorySize() const override;

    /// The recipe of the variation applied (what made the pixels it puts in).
    const engine::Recipe& recipe() const { return m_recipe; }
    /// Sets recipe().
    void setRecipe(engine::Recipe recipe) { m_recipe = std::move(recipe); }

protected:
    HistoryCommand* clone() const override;
    void doRedo() override;
    void doUndo() override;

private:
    ApplyVariationCommand(EditorSession* session, const QString& text) : HistoryCommand(text), m_session(session) {}

    EditorSession* m_session;
    doc::ImageDelta m_delta;                ///< same-size case
    std::shared_ptr<doc::Document> m_other; ///< size-change case: the document not currently shown
    engine::Recipe m_recipe;
};

} // namespace atelier::app
