// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mask_layer_properties_command.h"

#include "app/editor_session.h"

#include <utility>

namespace atelier::app {

MaskLayerPropertiesCommand::MaskLayerPropertiesCommand(EditorSession* session, int layerId,
                                                       MaskLayerProperties before, MaskLayerProperties after,
                                                       const QString& text)
    : HistoryCommand(text), m_session(session), m_layerId(layerId), m_before(std::move(before)),
      m_after(std::move(after)) {}

bool MaskLayerPropertiesCommand::mergeWith(const QUndoCommand* other) {
    const auto* o = dynamic_cast<const MaskLayerPropertiesCommand*>(other);
    if (!o || o->m_layerId != m_layerId || o->text() != text()) return false;
    m_after = o->m_after;
    return true;
}

HistoryCommand* MaskLayerPropertiesCommand::clone() const {
    return new MaskLayerPropertiesCommand(m_session, m_layerId, m_before, m_after, text());
}

void MaskLayerPropertiesCommand::doRedo() { m_session->writeMaskProperties(m_layerId, m_after); }

void MaskLayerPropertiesCommand::doUndo() { m_session->writeMaskProperties(m_layerId, m_before); }

} // namespace atelier::app
