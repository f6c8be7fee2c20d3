// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "core/image.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace atelier::tools {

/// Per-stroke scratch over a mask, in 64x64 tiles allocated on first touch.
///
/// For each touched pixel it keeps the mask value from before the stroke and
/// the stroke's coverage so far. Coverage only grows (max), so overlapping dabs
/// inside one stroke never build up beyond the brush opacity. Memory follows
/// the area the stroke touched, not the image size.
class StrokeScratch {
public:
    /// Tile side in pixels.
    static constexpr int kTileSize = 64;

    /// A scratch over `mask`, which must outlive it and keep its size.
    explicit StrokeScratch(const MaskA8& mask);

    /// Raises the coverage of pixel (x, y) (inside the mask) to `coverage` if
    /// that is higher. Returns true and sets `original` to the pre-stroke mask
    /// value when it rose; the caller then writes the inked value.
    bool raise(int x, int y, std::uint8_t coverage, std::uint8_t& original);

    /// The pre-stroke mask values inside `r` (clipped to the mask): untouched
    /// pixels are read from the mask, touched ones from the scratch.
    MaskA8 original(const Rect& r) const;

    /// Heap bytes the scratch holds.
    std::size_t memorySize() const;

private:
    struct Tile {
        std::uint8_t before[kTileSize * kTileSize];
        std::uint8_t coverage[kTileSize * kTileSize];
    };
    Tile& tileAt(int tx, int ty);

    const MaskA8& m_mask;
    int m_tilesX = 0;
    int m_tilesY = 0;
    std::vector<std::unique_ptr<Tile>> m_tiles;
    std::size_t m_tileCount = 0;
};

} // namespace atelier::tools
