// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tiled_buffer.h"

#include <array>
#include <cstdint>
#include <memory>
#include <unordered_map>

namespace atelier::tools {

/// Per-stroke coverage over a mask, in kTileSize tiles allocated on first touch.
///
/// Coverage only grows (max), so overlapping dabs inside one stroke never build
/// up beyond the brush opacity. The pre-stroke values come from the stroke's
/// TileRecorder (its "before" tiles), so memory follows the area touched.
class StrokeScratch {
public:
    using CoverageTile = std::array<std::uint8_t, std::size_t{kTileSize} * kTileSize>;

    /// A scratch for a layer `tilesX` tiles across.
    explicit StrokeScratch(int tilesX) : m_tilesX(tilesX) {}

    /// The coverage tile at (tx, ty), zero-filled on first use.
    CoverageTile& tile(int tx, int ty);

    /// Heap bytes the scratch holds.
    std::size_t memorySize() const { return m_tiles.size() * (sizeof(CoverageTile) + 32); }

private:
    int m_tilesX = 0;
    std::unordered_map<std::size_t, std::unique_ptr<CoverageTile>> m_tiles;
};

} // namespace atelier::tools
