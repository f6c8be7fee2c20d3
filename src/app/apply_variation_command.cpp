// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/apply_variation_command.h"

#include "app/editor_session.h"
#include "doc/tile_recorder.h"

namespace atelier::app {

ApplyVariationCommand::ApplyVariationCommand(EditorSession* session, const ImageRGBA8& variation, const Rect& area,
                                             const QString& text)
    : HistoryCommand(text), m_session(session) {
    const TiledImage& current = session->document().image();
    if (variation.size() == current.size()) {
        // Record on a snapshot (tile pointers): the document changes only in redo().
        TiledImage scratch = current;
        doc::ImageRecorder recorder(scratch);
        const Rect r = (area.isEmpty() ? current.rect() : area).intersected(current.rect());
        recorder.paste(variation.copy(r), r.x, r.y);
        m_delta = recorder.finish();
        setObsolete(m_delta.isEmpty());
    } else {
        m_other = std::make_shared<doc::Document>(variation);
    }
}

HistoryCommand* ApplyVariationCommand::clone() const {
    auto* copy = new ApplyVariationCommand(m_session, text());
    copy->m_delta = m_delta;
    copy->m_other = m_other;
    copy->m_recipe = m_recipe;
    return copy;
}

void ApplyVariationCommand::doUndo() {
    if (m_other) {
        m_session->swapDocument(*m_other);
    } else {
        m_session->writeImageDelta(m_delta, false);
    }
}

void ApplyVariationCommand::doRedo() {
    if (m_other) {
        m_session->swapDocument(*m_other);
    } else {
        m_session->writeImageDelta(m_delta, true);
    }
}

std::size_t ApplyVariationCommand::memorySize() const {
    if (!m_other) return m_delta.memorySize();
    const std::size_t tiles = m_other->image().distinctTileCount();
    std::size_t bytes = tiles * TiledImage::kTileBytes;
    for (const doc::MaskLayer& l : m_other->maskLayers()) bytes += l.mask.distinctTileCount() * TiledMask::kTileBytes;
    return bytes;
}

} // namespace atelier::app
