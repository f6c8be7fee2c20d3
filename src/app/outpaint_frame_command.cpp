// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/outpaint_frame_command.h"

#include "app/editor_session.h"

namespace atelier::app {

OutpaintFrameCommand::OutpaintFrameCommand(EditorSession* session, const Margins& before, const Margins& after,
                                           const QString& text)
    : HistoryCommand(text), m_session(session), m_before(before), m_after(after) {}

HistoryCommand* OutpaintFrameCommand::clone() const {
    return new OutpaintFrameCommand(m_session, m_before, m_after, text());
}

void OutpaintFrameCommand::doRedo() { m_session->writeOutpaintFrame(m_after); }

void OutpaintFrameCommand::doUndo() { m_session->writeOutpaintFrame(m_before); }

} // namespace atelier::app
