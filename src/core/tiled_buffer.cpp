// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tiled_buffer.h"

#include "core/error.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_set>
#include <utility>

namespace atelier {
namespace {

std::uint8_t* flatBytes(MaskA8& m) { return m.values.data(); }
std::uint8_t* flatBytes(ImageRGBA8& m) { return m.pixels.data(); }
const std::uint8_t* flatBytes(const MaskA8& m) { return m.values.data(); }
const std::uint8_t* flatBytes(const ImageRGBA8& m) { return m.pixels.data(); }

} // namespace

template <int Channels>
TiledBuffer<Channels>::TiledBuffer(int width, int height, PixelValue fill) {
    if (width < 0 || height < 0 || width > kMaxImageSide || height > kMaxImageSide) {
        throw Error("invalid image size " + std::to_string(width) + "x" + std::to_string(height));
    }
    m_width = width;
    m_height = height;
    m_tilesX = (width + kTileSize - 1) / kTileSize;
    m_tilesY = (height + kTileSize - 1) / kTileSize;
    if (isEmpty()) {
        m_width = m_height = m_tilesX = m_tilesY = 0;
        return;
    }
    auto shared = std::make_shared<Tile>();
    for (std::size_t i = 0; i < kTileBytes; i += Channels) std::memcpy(&shared->bytes[i], fill.data(), Channels);
    m_tiles.assign(static_cast<std::size_t>(m_tilesX) * m_tilesY, shared);
}

template <int Channels>
TiledBuffer<Channels> TiledBuffer<Channels>::fromFlat(const Flat& flat) {
    TiledBuffer out(flat.width, flat.height);
    out.paste(flat, 0, 0);
    return out;
}

template <int Channels>
Rect TiledBuffer<Channels>::tileRect(int tx, int ty) const {
    return Rect{tx * kTileSize, ty * kTileSize, kTileSize, kTileSize}.intersected(rect());
}

template <int Channels>
Rect TiledBuffer<Channels>::tilesCovering(const Rect& r) const {
    const Rect c = r.intersected(rect());
    if (c.isEmpty()) return Rect{0, 0, 0, 0};
    const int tx0 = c.x / kTileSize, ty0 = c.y / kTileSize;
    const int tx1 = (c.right() - 1) / kTileSize, ty1 = (c.bottom() - 1) / kTileSize;
    return Rect{tx0, ty0, tx1 - tx0 + 1, ty1 - ty0 + 1};
}

template <int Channels>
void TiledBuffer<Channels>::setTile(int tx, int ty, TilePtr tile) {
    if (!tile) throw Error("cannot put a null tile into a tiled buffer");
    m_tiles[index(tx, ty)] = std::move(tile);
}

template <int Channels>
std::uint8_t* TiledBuffer<Channels>::writableTile(int tx, int ty) {
    TilePtr& slot = m_tiles[index(tx, ty)];
    // use_count() may over-report while another thread drops a snapshot: that only costs a copy.
    if (slot.use_count() > 1) slot = std::make_shared<Tile>(*slot);
    // The tile was created non-const (make_shared<Tile>) and is now ours alone.
    return const_cast<Tile*>(slot.get())->bytes.data();
}

template <int Channels>
typename TiledBuffer<Channels>::Flat TiledBuffer<Channels>::copy(const Rect& r) const {
    const Rect c = r.intersected(rect());
    Flat out(c.width, c.height);
    if (c.isEmpty()) return out;
    std::uint8_t* dst = flatBytes(out);
    const Rect tiles = tilesCovering(c);
    for (int ty = tiles.y; ty < tiles.bottom(); ++ty) {
        for (int tx = tiles.x; tx < tiles.right(); ++tx) {
            const Rect part = tileRect(tx, ty).intersected(c);
            const std::uint8_t* src = tile(tx, ty)->bytes.data();
            for (int y = part.y; y < part.bottom(); ++y) {
                std::memcpy(dst + (static_cast<std::size_t>(y - c.y) * c.width + (part.x - c.x)) * Channels,
                            src + (y - ty * kTileSize) * kTileStride + (part.x - tx * kTileSize) * Channels,
                            static_cast<std::size_t>(part.width) * Channels);
            }
        }
    }
    return out;
}

template <int Channels>
void TiledBuffer<Channels>::paste(const Flat& src, int x, int y) {
    const Rect c = Rect{x, y, src.width, src.height}.intersected(rect());
    if (c.isEmpty()) return;
    const std::uint8_t* from = flatBytes(src);
    const Rect tiles = tilesCovering(c);
    for (int ty = tiles.y; ty < tiles.bottom(); ++ty) {
        for (int tx = tiles.x; tx < tiles.right(); ++tx) {
            const Rect part = tileRect(tx, ty).intersected(c);
            std::uint8_t* dst = writableTile(tx, ty);
            for (int row = part.y; row < part.bottom(); ++row) {
                std::memcpy(dst + (row - ty * kTileSize) * kTileStride + (part.x - tx * kTileSize) * Channels,
                            from + (static_cast<std::size_t>(row - y) * src.width + (part.x - x)) * Channels,
                            static_cast<std::size_t>(part.width) * Channels);
            }
        }
    }
}

template <int Channels>
Rect TiledBuffer<Channels>::bounds() const {
    Rect out;
    for (int ty = 0; ty < m_tilesY; ++ty) {
        for (int tx = 0; tx < m_tilesX; ++tx) {
            const Rect tr = tileRect(tx, ty);
            const std::uint8_t* bytes = tile(tx, ty)->bytes.data();
            int l = tr.width, t = tr.height, r = -1, b = -1;
            for (int y = 0; y < tr.height; ++y) {
                const std::uint8_t* row = bytes + y * kTileStride;
                for (int x = 0; x < tr.width; ++x) {
                    if (row[x * Channels] == 0) continue;
                    l = std::min(l, x);
                    r = std::max(r, x);
                    t = std::min(t, y);
                    b = y;
                }
            }
            if (r >= 0) out = out.united(Rect{tr.x + l, tr.y + t, r - l + 1, b - t + 1});
        }
    }
    return out;
}

template <int Channels>
bool TiledBuffer<Channels>::sameBytes(const Tile& a, const Tile& b, int width, int height) {
    if (&a == &b) return true;
    const std::size_t rowBytes = static_cast<std::size_t>(width) * Channels;
    for (int y = 0; y < height; ++y) {
        if (std::memcmp(a.bytes.data() + y * kTileStride, b.bytes.data() + y * kTileStride, rowBytes) != 0) {
            return false;
        }
    }
    return true;
}

template <int Channels>
std::size_t TiledBuffer<Channels>::distinctTileCount() const {
    std::unordered_set<const Tile*> seen;
    for (const TilePtr& t : m_tiles) seen.insert(t.get());
    return seen.size();
}

template <int Channels>
bool TiledBuffer<Channels>::equals(const TiledBuffer& other) const {
    if (size() != other.size()) return false;
    for (int ty = 0; ty < m_tilesY; ++ty) {
        for (int tx = 0; tx < m_tilesX; ++tx) {
            const Rect tr = tileRect(tx, ty);
            if (!sameBytes(*tile(tx, ty), *other.tile(tx, ty), tr.width, tr.height)) return false;
        }
    }
    return true;
}

template class TiledBuffer<1>;
template class TiledBuffer<4>;

} // namespace atelier
