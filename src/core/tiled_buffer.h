// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "core/image.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <type_traits>
#include <vector>

namespace atelier {

/// Side of one tile of a TiledBuffer, in pixels.
constexpr int kTileSize = 64;

/// A raster image stored as copy-on-write tiles of kTileSize x kTileSize pixels
/// with `Channels` bytes each (1: a mask, 4: straight RGBA8), after Krita's tile
/// manager.
///
/// Tiles are shared between copies: copying a TiledBuffer copies tile pointers
/// only (a cheap snapshot for a worker or an undo record), and writableTile()
/// detaches a shared tile (copies its bytes) before handing out write access, so
/// a write never shows through another copy. Edge tiles are full-size; the bytes
/// beyond width()/height() are padding and never compared or exported. A new
/// buffer shares one fill tile across all positions, so an empty 8192x8192 mask
/// costs one tile. Not thread-safe for writing; copies may be read on other threads.
template <int Channels>
class TiledBuffer {
    static_assert(Channels == 1 || Channels == 4, "TiledBuffer holds masks (1) or RGBA8 images (4)");

public:
    /// The contiguous type with the same pixels: MaskA8 or ImageRGBA8.
    using Flat = std::conditional_t<Channels == 1, MaskA8, ImageRGBA8>;
    /// One pixel's bytes.
    using PixelValue = std::array<std::uint8_t, Channels>;
    /// Bytes of one tile (kTileSize rows of kTileSize pixels, tightly packed).
    static constexpr std::size_t kTileBytes = std::size_t{kTileSize} * kTileSize * Channels;
    /// Bytes per tile row.
    static constexpr std::size_t kTileStride = std::size_t{kTileSize} * Channels;
    /// One tile's pixels.
    struct Tile {
        std::array<std::uint8_t, kTileBytes> bytes;
    };
    /// A shared, immutable tile as held by snapshots and undo records.
    using TilePtr = std::shared_ptr<const Tile>;

    /// An empty buffer (0 x 0).
    TiledBuffer() = default;
    /// A width x height buffer with every pixel `fill`. Throws atelier::Error on a bad size.
    TiledBuffer(int width, int height, PixelValue fill = PixelValue{});
    /// A tiled copy of `flat`.
    static TiledBuffer fromFlat(const Flat& flat);

    int width() const { return m_width; }
    int height() const { return m_height; }
    Size size() const { return {m_width, m_height}; }
    Rect rect() const { return {0, 0, m_width, m_height}; }
    bool isEmpty() const { return m_width <= 0 || m_height <= 0; }

    /// Tiles across and down.
    int tilesX() const { return m_tilesX; }
    int tilesY() const { return m_tilesY; }
    /// The pixels tile (tx, ty) covers, clipped to the buffer.
    Rect tileRect(int tx, int ty) const;
    /// The tiles (inclusive tx0..tx1, ty0..ty1) meeting `r`; empty (tx1 < tx0) when none.
    Rect tilesCovering(const Rect& r) const;

    /// The shared tile at (tx, ty) (never null for a valid position).
    const TilePtr& tile(int tx, int ty) const { return m_tiles[index(tx, ty)]; }
    /// Puts `tile` at (tx, ty) (undo and redo swap tiles this way).
    void setTile(int tx, int ty, TilePtr tile);
    /// Write access to tile (tx, ty)'s bytes, detaching it first when shared.
    std::uint8_t* writableTile(int tx, int ty);

    /// Pixel (x, y)'s bytes (inside the buffer).
    const std::uint8_t* pixel(int x, int y) const {
        return m_tiles[index(x / kTileSize, y / kTileSize)]->bytes.data() +
               ((y % kTileSize) * kTileSize + (x % kTileSize)) * Channels;
    }
    /// A mask's value at (x, y) (inside the buffer).
    template <int C = Channels, std::enable_if_t<C == 1, int> = 0>
    std::uint8_t at(int x, int y) const {
        return *pixel(x, y);
    }

    /// A contiguous copy of the whole buffer (the engine's input format).
    Flat toFlat() const { return copy(rect()); }
    /// A contiguous copy of the pixels inside `r` (clipped to the buffer).
    Flat copy(const Rect& r) const;
    /// Writes `src` with its top-left at (x, y), clipped; detaches the tiles it writes.
    void paste(const Flat& src, int x, int y);

    /// The smallest rectangle holding a pixel whose first byte is non-zero
    /// (for a mask: every selected pixel); empty if none.
    Rect bounds() const;
    /// True when no pixel's first byte is above zero (a clear mask).
    bool isClear() const { return bounds().isEmpty(); }

    /// True when the first `width` x `height` pixels of two tiles hold the same bytes.
    static bool sameBytes(const Tile& a, const Tile& b, int width, int height);

    /// Distinct tiles this buffer points to.
    std::size_t distinctTileCount() const;

    /// Same size and the same bytes at every pixel (padding ignored).
    friend bool operator==(const TiledBuffer& a, const TiledBuffer& b) { return a.equals(b); }
    friend bool operator!=(const TiledBuffer& a, const TiledBuffer& b) { return !a.equals(b); }

private:
    std::size_t index(int tx, int ty) const { return static_cast<std::size_t>(ty) * m_tilesX + tx; }
    bool equals(const TiledBuffer& other) const;

    int m_width = 0;
    int m_height = 0;
    int m_tilesX = 0;
    int m_tilesY = 0;
    std::vector<TilePtr> m_tiles;
};

/// A mask in copy-on-write tiles (0 = keep, 255 = selected).
using TiledMask = TiledBuffer<1>;
/// A straight-alpha RGBA8 image in copy-on-write tiles.
using TiledImage = TiledBuffer<4>;

extern template class TiledBuffer<1>;
extern template class TiledBuffer<4>;

} // namespace atelier
