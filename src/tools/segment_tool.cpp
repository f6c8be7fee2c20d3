// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/segment_tool.h"

#include "core/error.h"
#include "tools/selection_ink.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace atelier::tools {
namespace {

// The pixels the box between two pointer positions covers, clipped to the image.
Rect boxBetween(PointF a, PointF b, Size image) {
    const int x0 = std::clamp(static_cast<int>(std::floor(std::min(a.x, b.x))), 0, image.width);
    const int y0 = std::clamp(static_cast<int>(std::floor(std::min(a.y, b.y))), 0, image.height);
    const int x1 = std::clamp(static_cast<int>(std::ceil(std::max(a.x, b.x))), 0, image.width);
    const int y1 = std::clamp(static_cast<int>(std::ceil(std::max(a.y, b.y))), 0, image.height);
    return Rect{x0, y0, x1 - x0, y1 - y0};
}

} // namespace

SegmentTool::SegmentTool(Size imageSize, double dragThreshold)
    : m_imageSize(imageSize), m_dragThreshold(dragThreshold) {
    if (imageSize.width <= 0 || imageSize.height <= 0) throw Error("cannot segment: the document has no image");
}

bool SegmentTool::press(const Pointer& p) {
    m_pressed = true;
    m_dragging = false;
    m_pressPos = m_pos = p.pos;
    m_negative = (p.modifiers & AltModifier) != 0;
    return false;
}

bool SegmentTool::move(const Pointer& p) {
    if (!m_pressed) return false;
    m_pos = p.pos;
    if (!m_dragging && std::hypot(m_pos.x - m_pressPos.x, m_pos.y - m_pressPos.y) >= m_dragThreshold) {
        m_dragging = true;
    }
    return false;
}

bool SegmentTool::release(const Pointer& p) {
    if (!m_pressed) return false;
    move(p);
    m_pressed = false;
    if (m_dragging) {
        m_dragging = false;
        const Rect box = boxBetween(m_pressPos, m_pos, m_imageSize);
        if (box.isEmpty()) return false;
        m_prompt.box = box;
    } else {
        const int x = static_cast<int>(std::floor(m_pressPos.x)), y = static_cast<int>(std::floor(m_pressPos.y));
        if (x < 0 || y < 0 || x >= m_imageSize.width || y >= m_imageSize.height) return false;
        m_prompt.points.push_back(PromptPoint{x, y, !m_negative});
    }
    ++m_version;
    m_candidates = MaskCandidates{};
    m_index = 0;
    return true;
}

bool SegmentTool::undoLastPrompt() {
    if (!m_prompt.points.empty()) {
        m_prompt.points.pop_back();
    } else if (m_prompt.box) {
        m_prompt.box.reset();
    } else {
        return false;
    }
    ++m_version;
    m_candidates = MaskCandidates{};
    m_index = 0;
    return true;
}

void SegmentTool::clear() {
    if (!m_prompt.isEmpty() || !m_candidates.isEmpty()) ++m_version;
    m_prompt = SegmentPrompt{};
    m_candidates = MaskCandidates{};
    m_index = 0;
    m_pressed = m_dragging = false;
}

std::optional<Rect> SegmentTool::dragBox() const {
    if (!m_dragging) return std::nullopt;
    return boxBetween(m_pressPos, m_pos, m_imageSize);
}

bool SegmentTool::setCandidates(MaskCandidates candidates, std::uint64_t version) {
    if (version != m_version) return false;
    for (const MaskA8& m : candidates.masks) {
        if (m.size() != m_imageSize) throw Error("the predictor returned a mask of the wrong size");
    }
    if (candidates.scores.size() != candidates.masks.size()) candidates.scores.resize(candidates.masks.size(), 0.0f);
    m_index = candidates.masks.empty() ? 0 : std::clamp(candidates.best, 0, static_cast<int>(candidates.masks.size()) - 1);
    m_candidates = std::move(candidates);
    return true;
}

const MaskA8* SegmentTool::previewMask() const {
    return m_candidates.isEmpty() ? nullptr : &m_candidates.masks[static_cast<std::size_t>(m_index)];
}

float SegmentTool::candidateScore() const {
    return m_candidates.isEmpty() ? 0.0f : m_candidates.scores[static_cast<std::size_t>(m_index)];
}

bool SegmentTool::cycleCandidate() {
    if (candidateCount() < 2) return false;
    m_index = (m_index + 1) % candidateCount();
    return true;
}

doc::MaskDelta SegmentTool::commit(doc::Document& document, SelectionMode mode) {
    if (document.size() != m_imageSize) {
        throw Error("cannot commit the segment: the image changed size since the prompt was given");
    }
    const MaskA8* mask = previewMask();
    if (!mask) return doc::MaskDelta{};
    doc::MaskDelta delta = applyMaskAsSelection(document, *mask, mode);
    clear();
    return delta;
}

} // namespace atelier::tools
