// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "core/tiled_buffer.h"
#include "tools/coverage.h"

namespace atelier::tools {

/// The magic wand: a 4-connected flood fill from `seed` over the pixels whose
/// colour is within `tolerance` of the seed's, measured as the largest absolute
/// difference over R, G, B and A (0 = exactly the seed colour, 255 = everything).
/// Returns the filled pixels (255) over their bounding rectangle; empty when the
/// seed lies outside the image. Scanline fill (Heckbert, Graphics Gems I), so
/// cost follows the filled area; memory is one byte per image pixel while it runs.
Coverage magicWand(const TiledImage& image, Point seed, int tolerance);

} // namespace atelier::tools
