// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mask_layer_command.h"

#include "app/editor_session.h"

#include <utility>

namespace atelier::app {

MaskLayerCommand::MaskLayerCommand(EditorSession* session, doc::MaskLayer layer, int position, bool added,
                                   const QString& text)
    : HistoryCommand(text), m_session(session), m_layer(std::move(layer)), m_position(position), m_added(added) {}

std::size_t MaskLayerCommand::memorySize() const {
    return sizeof(*this) + m_layer.mask.distinctTileCount() * TiledMask::kTileBytes;
}

HistoryCommand* MaskLayerCommand::clone() const {
    return new MaskLayerCommand(m_session, m_layer, m_position, m_added, text());
}

void MaskLayerCommand::doRedo() { put(m_added); }

void MaskLayerCommand::doUndo() { put(!m_added); }

void MaskLayerCommand::put(bool present) {
    if (present) {
        m_session->writeMaskLayer(m_layer, m_position);
    } else {
        m_layer = m_session->takeMaskLayer(m_layer.id); // keeps any edits made to it since
    }
}

} // namespace atelier::app
