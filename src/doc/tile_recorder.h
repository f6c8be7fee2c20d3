// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "core/tiled_buffer.h"
#include "doc/tile_delta.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace atelier::doc {

/// Records an edit of a tiled layer as it happens: the first write to a tile
/// keeps the tile from before the edit (a shared pointer, no copy of its own),
/// then detaches the layer's tile for writing. finish() turns what was touched
/// into a TileDelta; cancel() puts the old tiles back. Strokes, selections and
/// mask operations all write through one of these.
template <int Channels>
class TileRecorder {
public:
    using Buffer = TiledBuffer<Channels>;
    using TilePtr = typename Buffer::TilePtr;

    /// Records writes to `target`, which must outlive the recorder and keep its size.
    explicit TileRecorder(Buffer& target) : m_target(target) {}

    TileRecorder(const TileRecorder&) = delete;
    TileRecorder& operator=(const TileRecorder&) = delete;

    /// The buffer written to.
    const Buffer& target() const { return m_target; }
    /// Write access to tile (tx, ty) (remembering its old content on first use).
    std::uint8_t* writableTile(int tx, int ty);
    /// The tile (tx, ty) as it was before the edit (the current one when untouched).
    const TilePtr& originalTile(int tx, int ty) const;
    /// Writes `src` with its top-left at (x, y), clipped to the target.
    void paste(const typename Buffer::Flat& src, int x, int y);
    /// Writes a whole new layer of the target's size (else atelier::Error).
    void replaceAll(const typename Buffer::Flat& src);

    /// The pixels of the tiles touched so far; empty when none.
    Rect touchedBounds() const;
    /// Tiles touched so far.
    std::size_t touchedCount() const { return m_order.size(); }

    /// Ends the edit: a delta of the touched tiles whose bytes really changed
    /// (tiles written back to their old bytes are dropped and restored shared).
    TileDelta<Channels> finish();
    /// Puts every touched tile back as it was. Returns the pixels restored.
    Rect cancel();

private:
    std::size_t key(int tx, int ty) const { return static_cast<std::size_t>(ty) * m_target.tilesX() + tx; }

    Buffer& m_target;
    std::unordered_map<std::size_t, TilePtr> m_before;
    std::vector<std::size_t> m_order; ///< touched tiles in first-touch order
};

using MaskRecorder = TileRecorder<1>;
using ImageRecorder = TileRecorder<4>;

extern template class TileRecorder<1>;
extern template class TileRecorder<4>;

} // namespace atelier::doc
