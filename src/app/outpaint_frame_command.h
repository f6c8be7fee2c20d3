// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/history_command.h"
#include "core/geometry.h"

namespace atelier::app {

class EditorSession;

/// Undo command that sets the document's outpaint frame (the margins the next
/// outpaint adds around the image); undo restores the previous frame.
class OutpaintFrameCommand : public HistoryCommand {
public:
    OutpaintFrameCommand(EditorSession* session, const Margins& before, const Margins& after, const QString& text);

    std::size_t memorySize() const override { return sizeof(*this); }

protected:
    HistoryCommand* clone() const override;
    void doRedo() override;
    void doUndo() override;

private:
    EditorSession* m_session;
    Margins m_before;
    Margins m_after;
};

} // namespace atelier::app
