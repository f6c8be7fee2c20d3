// SPDX-License-Identifier: GPL-3.0-or-later
#include "doc/tile_delta.h"

#include "core/error.h"

#include <string>
#include <utility>

namespace atelier::doc {
namespace {

std::string sizeText(Size s) { return std::to_string(s.width) + "x" + std::to_string(s.height); }

} // namespace

template <int Channels>
TileDelta<Channels>::TileDelta(Size size, std::vector<Change> changes) : m_size(size), m_changes(std::move(changes)) {
    const int tilesX = (size.width + kTileSize - 1) / kTileSize, tilesY = (size.height + kTileSize - 1) / kTileSize;
    for (const Change& c : m_changes) {
        if (!c.before || !c.after) throw Error("a tile delta needs both the before and the after tile");
        if (c.tx < 0 || c.ty < 0 || c.tx >= tilesX || c.ty >= tilesY) {
            throw Error("tile (" + std::to_string(c.tx) + ", " + std::to_string(c.ty) + ") lies outside a " +
                        sizeText(size) + " layer");
        }
    }
}

template <int Channels>
TileDelta<Channels> TileDelta<Channels>::between(const Buffer& before, const Buffer& after) {
    if (before.size() != after.size()) {
        throw Error("cannot record a delta between layers of different sizes (" + sizeText(before.size()) + " and " +
                    sizeText(after.size()) + ")");
    }
    std::vector<Change> changes;
    for (int ty = 0; ty < before.tilesY(); ++ty) {
        for (int tx = 0; tx < before.tilesX(); ++tx) {
            const TilePtr& a = before.tile(tx, ty);
            const TilePtr& b = after.tile(tx, ty);
            if (a == b) continue;
            const Rect r = before.tileRect(tx, ty);
            if (Buffer::sameBytes(*a, *b, r.width, r.height)) continue;
            changes.push_back(Change{tx, ty, a, b});
        }
    }
    return TileDelta(before.size(), std::move(changes));
}

template <int Channels>
Rect TileDelta<Channels>::bounds() const {
    const Rect whole{0, 0, m_size.width, m_size.height};
    Rect out;
    for (const Change& c : m_changes) {
        out = out.united(Rect{c.tx * kTileSize, c.ty * kTileSize, kTileSize, kTileSize}.intersected(whole));
    }
    return out;
}

template <int Channels>
void TileDelta<Channels>::apply(Buffer& target) const {
    put(target, true);
}

template <int Channels>
void TileDelta<Channels>::revert(Buffer& target) const {
    put(target, false);
}

template <int Channels>
void TileDelta<Channels>::put(Buffer& target, bool after) const {
    if (m_changes.empty()) return;
    if (target.size() != m_size) {
        throw Error("a delta recorded on a " + sizeText(m_size) + " layer does not fit the " +
                    sizeText(target.size()) + " layer");
    }
    for (const Change& c : m_changes) target.setTile(c.tx, c.ty, after ? c.after : c.before);
}

template <int Channels>
std::size_t TileDelta<Channels>::memorySize() const {
    return sizeof(*this) + m_changes.size() * (sizeof(Change) + Buffer::kTileBytes);
}

template class TileDelta<1>;
template class TileDelta<4>;

} // namespace atelier::doc
