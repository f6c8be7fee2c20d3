// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/history_command.h"
#include "doc/tile_delta.h"

namespace atelier::app {

class EditorSession;

/// Undo command for one change of a mask layer (a brush stroke, a selection,
/// a mask operation): a doc::MaskDelta holding only the touched tiles before
/// and after, and the layer's id. redo() puts the "after" tiles back, undo()
/// the "before" ones, byte-exactly.
class MaskStrokeCommand : public HistoryCommand {
public:
    /// A command over layer `layerId` of `session`'s document (the session owns
    /// the stack and outlives it).
    MaskStrokeCommand(EditorSession* session, int layerId, doc::MaskDelta delta, const QString& text);

    /// The recorded change.
    const doc::MaskDelta& delta() const { return m_delta; }
    /// The mask layer it changes.
    int layerId() const { return m_layerId; }
    std::size_t memorySize() const override { return m_delta.memorySize(); }

protected:
    HistoryCommand* clone() const override;
    void doRedo() override;
    void doUndo() override;

private:
    EditorSession* m_session;
    int m_layerId;
    doc::MaskDelta m_delta;
};

} // namespace atelier::app
