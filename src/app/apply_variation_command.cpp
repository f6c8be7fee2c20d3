// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/apply_variation_command.h"

#include "app/editor_session.h"

namespace atelier::app {

ApplyVariationCommand::ApplyVariationCommand(EditorSession* session, const ImageRGBA8& variation, const Rect& area,
                                             const QString& text)
    : QUndoCommand(text), m_session(session) {
    const ImageRGBA8& current = session->document().image();
    if (variation.size() == current.size()) {
        m_delta = doc::ImageDelta::between(current, variation, area.isEmpty() ? current.rect() : area);
        setObsolete(m_delta.isEmpty());
    } else {
        m_other.emplace(variation);
    }
}

void ApplyVariationCommand::undo() {
    if (m_other) {
        m_session->swapDocument(*m_other);
    } else {
        m_session->writeImageDelta(m_delta, false);
    }
}

void ApplyVariationCommand::redo() {
    if (m_other) {
        m_session->swapDocument(*m_other);
    } else {
        m_session->writeImageDelta(m_delta, true);
    }
}

std::size_t ApplyVariationCommand::memorySize() const {
    if (!m_other) return m_delta.memorySize();
    return m_other->image().pixels.size() + m_other->mask().values.size();
}

} // namespace atelier::app
