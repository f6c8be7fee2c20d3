// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/history_command.h"
#include "doc/mask_layer.h"

namespace atelier::app {

class EditorSession;

/// Undo command that adds or deletes a mask layer. It holds the layer itself
/// (its tiles are shared, not copied) and its position, so undo puts back
/// exactly the layer that was there.
class MaskLayerCommand : public HistoryCommand {
public:
    /// `added`: the command adds `layer` at `position` (redo inserts, undo removes);
    /// otherwise it deletes it (redo removes, undo inserts).
    MaskLayerCommand(EditorSession* session, doc::MaskLayer layer, int position, bool added, const QString& text);

    std::size_t memorySize() const override;

protected:
    HistoryCommand* clone() const override;
    void doRedo() override;
    void doUndo() override;

private:
    void put(bool present);

    EditorSession* m_session;
    doc::MaskLayer m_layer;
    int m_position;
    bool m_added;
};

} // namespace atelier::app
