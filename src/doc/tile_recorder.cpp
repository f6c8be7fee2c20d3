// SPDX-License-Identifier: GPL-3.0-or-later
#include "doc/tile_recorder.h"

#include "core/error.h"

#include <cstring>
#include <string>
#include <utility>

namespace atelier::doc {
namespace {

const std::uint8_t* flatRow(const MaskA8& m, int x, int y) {
    return m.values.data() + static_cast<std::size_t>(y) * m.width + x;
}
const std::uint8_t* flatRow(const ImageRGBA8& m, int x, int y) { return m.pixel(x, y); }

} // namespace

template <int Channels>
std::uint8_t* TileRecorder<Channels>::writableTile(int tx, int ty) {
    const std::size_t k = key(tx, ty);
    if (m_before.find(k) == m_before.end()) {
        m_before.emplace(k, m_target.tile(tx, ty)); // holding it makes the write below detach
        m_order.push_back(k);
    }
    return m_target.writableTile(tx, ty);
}

template <int Channels>
const typename TileRecorder<Channels>::TilePtr& TileRecorder<Channels>::originalTile(int tx, int ty) const {
    const auto it = m_before.find(key(tx, ty));
    return it == m_before.end() ? m_target.tile(tx, ty) : it->second;
}

template <int Channels>
void TileRecorder<Channels>::paste(const typename Buffer::Flat& src, int x, int y) {
    const Rect c = Rect{x, y, src.width, src.height}.intersected(m_target.rect());
    if (c.isEmpty()) return;
    const Rect tiles = m_target.tilesCovering(c);
    const auto offset = [](int tx, int ty, int px, int py) {
        return (py - ty * kTileSize) * Buffer::kTileStride + (px - tx * kTileSize) * Channels;
    };
    for (int ty = tiles.y; ty < tiles.bottom(); ++ty) {
        for (int tx = tiles.x; tx < tiles.right(); ++tx) {
            const Rect part = m_target.tileRect(tx, ty).intersected(c);
            const std::size_t rowBytes = static_cast<std::size_t>(part.width) * Channels;
            // Leave tiles the paste would not change alone, so they stay shared.
            const std::uint8_t* current = m_target.tile(tx, ty)->bytes.data();
            bool same = true;
            for (int row = part.y; row < part.bottom() && same; ++row) {
                same = std::memcmp(current + offset(tx, ty, part.x, row), flatRow(src, part.x - x, row - y),
                                   rowBytes) == 0;
            }
            if (same) continue;
            std::uint8_t* dst = writableTile(tx, ty);
            for (int row = part.y; row < part.bottom(); ++row) {
                std::memcpy(dst + offset(tx, ty, part.x, row), flatRow(src, part.x - x, row - y), rowBytes);
            }
        }
    }
}

template <int Channels>
void TileRecorder<Channels>::replaceAll(const typename Buffer::Flat& src) {
    if (src.width != m_target.width() || src.height != m_target.height()) {
        throw Error("a " + std::to_string(src.width) + "x" + std::to_string(src.height) + " layer cannot replace a " +
                    std::to_string(m_target.width()) + "x" + std::to_string(m_target.height()) + " one");
    }
    paste(src, 0, 0);
}

template <int Channels>
Rect TileRecorder<Channels>::touchedBounds() const {
    Rect out;
    for (const std::size_t k : m_order) {
        const int tx = static_cast<int>(k % m_target.tilesX()), ty = static_cast<int>(k / m_target.tilesX());
        out = out.united(m_target.tileRect(tx, ty));
    }
    return out;
}

template <int Channels>
TileDelta<Channels> TileRecorder<Channels>::finish() {
    std::vector<typename TileDelta<Channels>::Change> changes;
    changes.reserve(m_order.size());
    for (const std::size_t k : m_order) {
        const int tx = static_cast<int>(k % m_target.tilesX()), ty = static_cast<int>(k / m_target.tilesX());
        TilePtr& before = m_before[k];
        const TilePtr& after = m_target.tile(tx, ty);
        const Rect r = m_target.tileRect(tx, ty);
        if (Buffer::sameBytes(*before, *after, r.width, r.height)) {
            m_target.setTile(tx, ty, before); // share the old tile again
            continue;
        }
        changes.push_back({tx, ty, before, after});
    }
    m_before.clear();
    m_order.clear();
    return TileDelta<Channels>(m_target.size(), std::move(changes));
}

template <int Channels>
Rect TileRecorder<Channels>::cancel() {
    const Rect restored = touchedBounds();
    for (const std::size_t k : m_order) {
        const int tx = static_cast<int>(k % m_target.tilesX()), ty = static_cast<int>(k / m_target.tilesX());
        m_target.setTile(tx, ty, m_before[k]);
    }
    m_before.clear();
    m_order.clear();
    return restored;
}

template class TileRecorder<1>;
template class TileRecorder<4>;

} // namespace atelier::doc
