// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "core/image.h"

namespace atelier::tools {

/// A rasterised shape: `values` (rect-sized, 0..255) are the shape's coverage of
/// the image pixels inside `rect`; everything outside `rect` is 0. An empty
/// rect means the shape covers nothing.
struct Coverage {
    Rect rect;
    MaskA8 values;

    bool isEmpty() const { return rect.isEmpty(); }
    /// Coverage of image pixel (x, y) (0 outside rect).
    std::uint8_t at(int x, int y) const { return rect.contains(x, y) ? values.at(x - rect.x, y - rect.y) : 0; }
};

} // namespace atelier::tools
