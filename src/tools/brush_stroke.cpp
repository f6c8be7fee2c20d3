// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/brush_stroke.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>

namespace atelier::tools {

namespace {

TiledMask& paintTarget(doc::Document& document) {
    if (document.isEmpty()) throw Error("cannot paint: the document has no image");
    return document.maskForWriting();
}

} // namespace

BrushStroke::BrushStroke(doc::Document& document, const BrushSettings& settings)
    : m_document(document), m_layerId(document.activeMaskId()), m_settings(settings),
      m_recorder(paintTarget(document)), m_scratch(document.mask().tilesX()) {
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
    const TiledMask& mask = m_document.maskForWriting(m_layerId); // bumps the version for the views
    const Rect area = dabBounds(centre, radius).intersected(mask.rect());
    const double opacity = std::clamp(m_settings.opacity, 0.0, 1.0);
    const double hardness = m_settings.hardness;
    const double outer2 = radius * radius;
    const Rect tiles = mask.tilesCovering(area);
    for (int ty = tiles.y; ty < tiles.bottom(); ++ty) {
        for (int tx = tiles.x; tx < tiles.right(); ++tx) {
            const Rect part = mask.tileRect(tx, ty).intersected(area);
            StrokeScratch::CoverageTile& coverage = m_scratch.tile(tx, ty);
            std::uint8_t* dst = nullptr; // detached on the first pixel that changes
            const std::uint8_t* before = nullptr;
            for (int y = part.y; y < part.bottom(); ++y) {
                const double dy = y + 0.5 - centre.y;
                const int row = (y - ty * kTileSize) * kTileSize - tx * kTileSize;
                for (int x = part.x; x < part.right(); ++x) {
                    const double dx = x + 0.5 - centre.x;
                    const double d2 = dx * dx + dy * dy;
                    if (d2 >= outer2) continue;
                    const double cov = dabProfile(std::sqrt(d2), radius, hardness) * opacity;
                    const auto c = static_cast<std::uint8_t>(std::lround(255.0 * cov));
                    const int i = row + x;
                    if (c == 0 || c <= coverage[static_cast<std::size_t>(i)]) continue;
                    coverage[static_cast<std::size_t>(i)] = c;
                    if (!dst) {
                        dst = m_recorder.writableTile(tx, ty);
                        before = m_recorder.originalTile(tx, ty)->bytes.data();
                    }
                    dst[i] = inkValue(m_settings.mode, before[i], c);
                }
            }
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
    result.delta = m_recorder.finish();
    return result;
}

Rect BrushStroke::cancel() {
    if (!m_active) return Rect{};
    m_active = false;
    m_document.maskForWriting(m_layerId);
    m_recorder.cancel();
    return m_changed;
}

} // namespace atelier::tools
