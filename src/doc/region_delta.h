// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "core/image.h"

#include <cstddef>

namespace atelier::doc {

/// An undo atom: the bytes of one rectangle of an image or mask before and
/// after an edit, and nothing else, so undo memory follows the size of the
/// change. apply() writes the "after" bytes, revert() the "before" bytes; both
/// are byte-exact. `Buffer` is ImageRGBA8 or MaskA8 (see the aliases below).
template <class Buffer>
class RegionDelta {
public:
    /// An empty delta: apply() and revert() do nothing.
    RegionDelta() = default;

    /// Records `before` and `after` as the content of `rect`. Throws
    /// atelier::Error when either buffer is not rect.width x rect.height.
    RegionDelta(Rect rect, Buffer before, Buffer after);

    /// Compares `before` and `after` (the same size, else atelier::Error) inside
    /// `area` (clipped to them) and records the smallest rectangle holding every
    /// differing pixel. Returns an empty delta when nothing differs.
    static RegionDelta between(const Buffer& before, const Buffer& after, const Rect& area);

    /// The rectangle the delta covers, in pixels of the full buffer.
    const Rect& rect() const { return m_rect; }
    /// True when the delta covers no pixel.
    bool isEmpty() const { return m_rect.isEmpty(); }
    /// The recorded content before the edit (rect-sized).
    const Buffer& before() const { return m_before; }
    /// The recorded content after the edit (rect-sized).
    const Buffer& after() const { return m_after; }

    /// Writes the "after" bytes into `target`. Throws atelier::Error when
    /// rect() does not lie inside `target`.
    void apply(Buffer& target) const;
    /// Writes the "before" bytes into `target`. Throws like apply().
    void revert(Buffer& target) const;

    /// Heap bytes the delta holds (both rectangles), for history budgets.
    std::size_t memorySize() const;

private:
    void write(const Buffer& content, Buffer& target) const;

    Rect m_rect;
    Buffer m_before;
    Buffer m_after;
};

/// A change to a mask layer (1 byte per pixel).
using MaskDelta = RegionDelta<MaskA8>;
/// A change to the image pixels (4 bytes per pixel).
using ImageDelta = RegionDelta<ImageRGBA8>;

extern template class RegionDelta<MaskA8>;
extern template class RegionDelta<ImageRGBA8>;

} // namespace atelier::doc
