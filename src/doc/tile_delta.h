// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "core/tiled_buffer.h"

#include <cstddef>
#include <vector>

namespace atelier::doc {

/// An undo atom over a tiled layer: for each tile an edit touched, the shared
/// tile before and after it, and nothing else. apply() and revert() put the
/// recorded tiles back (a pointer swap, byte-exact), so undo memory follows the
/// number of tiles changed, not the layer size. Made by TileRecorder::finish()
/// or between(). `Channels` is 1 (mask) or 4 (image); see the aliases below.
template <int Channels>
class TileDelta {
public:
    using Buffer = TiledBuffer<Channels>;
    using TilePtr = typename Buffer::TilePtr;
    /// One changed tile.
    struct Change {
        int tx = 0;
        int ty = 0;
        TilePtr before;
        TilePtr after;
    };

    /// An empty delta: apply() and revert() do nothing.
    TileDelta() = default;
    /// A delta over a buffer of `size` with `changes` (each with both tiles set,
    /// else atelier::Error).
    TileDelta(Size size, std::vector<Change> changes);

    /// The tiles where `before` and `after` (the same size, else atelier::Error)
    /// hold different bytes; tiles shared by both are skipped without reading them.
    static TileDelta between(const Buffer& before, const Buffer& after);

    /// True when no tile changed.
    bool isEmpty() const { return m_changes.empty(); }
    /// The changed tiles.
    const std::vector<Change>& changes() const { return m_changes; }
    /// The size of the buffer the delta belongs to.
    Size bufferSize() const { return m_size; }
    /// The pixels the changed tiles cover (clipped to the buffer); empty when none.
    Rect bounds() const;

    /// Puts the "after" tiles into `target`. Throws atelier::Error when its size differs.
    void apply(Buffer& target) const;
    /// Puts the "before" tiles into `target`. Throws like apply().
    void revert(Buffer& target) const;

    /// Bytes of history this delta adds: one tile version per changed tile (the
    /// other version is shared with the layer or the neighbouring delta) plus
    /// bookkeeping. Used for the history's memory budget.
    std::size_t memorySize() const;

private:
    void put(Buffer& target, bool after) const;

    Size m_size;
    std::vector<Change> m_changes;
};

/// A change to a mask layer.
using MaskDelta = TileDelta<1>;
/// A change to the image pixels.
using ImageDelta = TileDelta<4>;

extern template class TileDelta<1>;
extern template class TileDelta<4>;

} // namespace atelier::doc
