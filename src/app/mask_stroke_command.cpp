// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mask_stroke_command.h"

#include "app/editor_session.h"

#include <utility>

namespace atelier::app {

MaskStrokeCommand::MaskStrokeCommand(EditorSession* session, int layerId, doc::MaskDelta delta, const QString& text)
    : HistoryCommand(text), m_session(session), m_layerId(layerId), m_delta(std::move(delta)) {}

HistoryCommand* MaskStrokeCommand::clone() const {
    return new MaskStrokeCommand(m_session, m_layerId, m_delta, text());
}

void MaskStrokeCommand::doUndo() { m_session->writeMaskDelta(m_layerId, m_delta, false); }

void MaskStrokeCommand::doRedo() { m_session->writeMaskDelta(m_layerId, m_delta, true); }

} // namespace atelier::app
