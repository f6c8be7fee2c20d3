// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/brush_stroke.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>

namespace atelier::tools {

BrushStroke::BrushStroke(doc::Document& document, const BrushSettings& settings)
    : m_document(document), m_settings(settings), m_scratch(document.mask()) {
    if (document.isEmpty()) throw Error("cannot paint: the document has no image");
    validate(settings);
}

double BrushStroke::radiusAt(float pressure) const {
    if (!m_settings.pressureSize) return m_settings.radius;
    return m_settings.radius * std::clamp(static_cast<double>(pressure), 0.05, 1.0);
}

Rect BrushStroke::begin(const Pointer& p) {
    m_active = true;
    m_last = p.pos;
    m_lastPressure = p.pressure;
    const Rect r = stamp(p.pos, p.pressure);
    m_toNextDab = std::max(0.5, m_settings.spacing * radiusAt(p.pressure));
    return r;
}

Rect BrushStroke::moveTo(const Pointer& p) {
    if (!m_active) return Rect{};
    const double dx = p.pos.x - m_last.x, dy = p.pos.y - m_last.y;
    const double length = std::hypot(dx, dy);
    Rect dirty;
    double travelled = 0.0;
    while (length > 0.0 && travelled + m_toNextDab <= length) {
        travelled += m_toNextDab;
        const double t = travelled / length;
        const float pressure = m_lastPressure + static_cast<float>(t) * (p.pressure - m_lastPressure);
        dirty = dirty.united(stamp(PointF{m_last.x + t * dx, m_last.y + t * dy}, pressure));
        m_toNextDab = std::max(0.5, m_settings.spacing * radiusAt(pressure));
    }
    m_toNextDab -= length - travelled;
    m_last = p.pos;
    m_lastPressure = p.pressure;
    return dirty;
}

Rect BrushStroke::stamp(PointF centre, float pressure) {
    const double radius = radiusAt(pressure);
    MaskA8& mask = m_document.maskForWriting();
    const Rect area = dabBounds(centre, radius).intersected(mask.rect());
    const double opacity = std::clamp(m_settings.opacity, 0.0, 1.0);
    for (int y = area.y; y < area.bottom(); ++y) {
        const double dy = y + 0.5 - centre.y;
        for (int x = area.x; x < area.right(); ++x) {
            const double d = std::hypot(x + 0.5 - centre.x, dy);
            const double cov = dabProfile(d, radius, m_settings.hardness) * opacity;
            const auto coverage = static_cast<std::uint8_t>(std::lround(255.0 * cov));
            std::uint8_t original = 0;
            if (coverage == 0 || !m_scratch.raise(x, y, coverage, original)) continue;
            mask.at(x, y) = inkValue(m_settings.mode, original, coverage);
        }
    }
    ++m_dabCount;
    m_changed = m_changed.united(area);
    return area;
}

StrokeResult BrushStroke::end() {
    StrokeResult result;
    if (!m_active) return result;
    m_active = false;
    result.changed = m_changed;
    if (m_changed.isEmpty()) return result;
    const MaskA8 before = m_scratch.original(m_changed);
    const MaskA8 after = m_document.mask().copy(m_changed);
    const doc::MaskDelta local = doc::MaskDelta::between(before, after, before.rect());
    if (!local.isEmpty()) {
        const Rect& r = local.rect();
        result.delta = doc::MaskDelta(Rect{r.x + m_changed.x, r.y + m_changed.y, r.width, r.height}, local.before(),
                                      local.after());
    }
    return result;
}

Rect BrushStroke::cancel() {
    if (!m_active) return Rect{};
    m_active = false;
    if (!m_changed.isEmpty())
        m_document.maskForWriting().paste(m_scratch.original(m_changed), m_changed.x, m_changed.y);
    return m_changed;
}

} // namespace atelier::tools
