// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mask_stroke_command.h"

#include "app/editor_session.h"

#include <utility>

namespace atelier::app {

MaskStrokeCommand::MaskStrokeCommand(EditorSession* session, doc::MaskDelta delta, const QString& text)
    : QUndoCommand(text), m_session(session), m_delta(std::move(delta)) {}

void MaskStrokeCommand::undo() { m_session->writeMaskDelta(m_delta, false); }

void MaskStrokeCommand::redo() { m_session->writeMaskDelta(m_delta, true); }

} // namespace atelier::app
