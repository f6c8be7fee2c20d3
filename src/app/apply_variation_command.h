// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image.h"
#include "doc/document.h"
#include "doc/region_delta.h"

#include <QUndoCommand>

#include <optional>

namespace atelier::app {

class EditorSession;

/// Undo command that puts a variation's pixels into the image.
///
/// For a variation of the image's size it records only the rectangle of
/// pixels that differ inside `area` (a doc::ImageDelta; an inpaint changes just
/// the masked area), and the mask is kept. Pixels outside `area` are never
/// touched, so edits made since the job started survive there. For another size (outpaint) it swaps the whole
/// document with one holding the variation and a clear mask. Undo is byte-exact
/// either way. A variation identical to the image makes the command obsolete
/// (QUndoStack then drops it).
class ApplyVariationCommand : public QUndoCommand {
public:
    /// Prepares the command against `session`'s current image (which must not be
    /// empty). `area` limits the change (image pixels); empty means the whole image.
    ApplyVariationCommand(EditorSession* session, const ImageRGBA8& variation, const Rect& area, const QString& text);

    void undo() override;
    void redo() override;

    /// Bytes of history this command holds.
    std::size_t memorySize() const;

private:
    EditorSession* m_session;
    doc::ImageDelta m_delta;              ///< same-size case
    std::optional<doc::Document> m_other; ///< size-change case: the document not currently shown
};

} // namespace atelier::app
