// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/stroke_scratch.h"

#include <algorithm>
#include <cstring>

namespace atelier::tools {

StrokeScratch::StrokeScratch(const MaskA8& mask)
    : m_mask(mask), m_tilesX((mask.width + kTileSize - 1) / kTileSize),
      m_tilesY((mask.height + kTileSize - 1) / kTileSize), m_tiles(static_cast<std::size_t>(m_tilesX) * m_tilesY) {}

StrokeScratch::Tile& StrokeScratch::tileAt(int tx, int ty) {
    std::unique_ptr<Tile>& slot = m_tiles[static_cast<std::size_t>(ty) * m_tilesX + tx];
    if (!slot) {
        slot = std::make_unique<Tile>();
        std::memset(slot->coverage, 0, sizeof slot->coverage);
        std::memset(slot->before, 0, sizeof slot->before);
        const int x0 = tx * kTileSize, y0 = ty * kTileSize;
        const int w = std::min(kTileSize, m_mask.width - x0), h = std::min(kTileSize, m_mask.height - y0);
        for (int row = 0; row < h; ++row) {
            std::memcpy(slot->before + row * kTileSize,
                        &m_mask.values[static_cast<std::size_t>(y0 + row) * m_mask.width + x0],
                        static_cast<std::size_t>(w));
        }
        ++m_tileCount;
    }
    return *slot;
}

bool StrokeScratch::raise(int x, int y, std::uint8_t coverage, std::uint8_t& original) {
    Tile& tile = tileAt(x / kTileSize, y / kTileSize);
    const int i = (y % kTileSize) * kTileSize + (x % kTileSize);
    if (coverage <= tile.coverage[i]) return false;
    tile.coverage[i] = coverage;
    original = tile.before[i];
    return true;
}

MaskA8 StrokeScratch::original(const Rect& r) const {
    const Rect c = r.intersected(m_mask.rect());
    MaskA8 out = m_mask.copy(c);
    if (c.isEmpty()) return out;
    for (int ty = c.y / kTileSize; ty <= (c.bottom() - 1) / kTileSize; ++ty) {
        for (int tx = c.x / kTileSize; tx <= (c.right() - 1) / kTileSize; ++tx) {
            const Tile* tile = m_tiles[static_cast<std::size_t>(ty) * m_tilesX + tx].get();
            if (!tile) continue;
            const Rect part = Rect{tx * kTileSize, ty * kTileSize, kTileSize, kTileSize}.intersected(c);
            for (int y = part.y; y < part.bottom(); ++y) {
                std::memcpy(&out.at(part.x - c.x, y - c.y),
                            tile->before + (y - ty * kTileSize) * kTileSize + (part.x - tx * kTileSize),
                            static_cast<std::size_t>(part.width));
            }
        }
    }
    return out;
}

std::size_t StrokeScratch::memorySize() const { return m_tiles.size() * sizeof(void*) + m_tileCount * sizeof(Tile); }

} // namespace atelier::tools
