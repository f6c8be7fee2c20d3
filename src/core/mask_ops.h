// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image.h"

#include <cstdint>
#include <vector>

namespace atelier {

/// Mask operations on a contiguous mask (selected = value >= 128 where an
/// operation needs a yes/no answer). Each returns a new mask of the same size.

/// 255 - value at every pixel.
MaskA8 invertMask(const MaskA8& mask);

/// Grows the selection by `radiusPx` pixels: every pixel within that Euclidean
/// distance of a selected pixel becomes 255 (others keep their value). Exact
/// distances from the Felzenszwalb-Huttenlocher distance transform (Theory of
/// Computing 2012), so cost is linear in the pixel count whatever the radius.
/// `radiusPx` <= 0 returns the mask unchanged.
MaskA8 growMask(const MaskA8& mask, int radiusPx);

/// Shrinks the selection by `radiusPx` pixels: every pixel within that distance
/// of an unselected pixel becomes 0 (the image border does not count as
/// unselected, so "select all" stays whole). Same algorithm as growMask().
MaskA8 shrinkMask(const MaskA8& mask, int radiusPx);

/// Fills holes: unselected regions (4-connected) that do not reach the image
/// border become 255.
MaskA8 fillMaskHoles(const MaskA8& mask);

/// Squared Euclidean distance (pixels^2) from each pixel to the nearest pixel
/// where `isSource` is true (0 there); a very large value when there is none.
/// `isSource` is a width*height vector of 0/1 flags.
std::vector<float> squaredDistanceTransform(const std::vector<std::uint8_t>& isSource, int width, int height);

} // namespace atelier
