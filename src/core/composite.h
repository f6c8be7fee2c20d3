// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image.h"

namespace atelier {

/// Blends `edited` over `original` through `alpha` (both images and the mask the
/// same size, else atelier::Error): out = (original * (255 - a) + edited * a) / 255,
/// rounded, on all four channels. Where a == 0 the output is a bit-exact copy of
/// `original`; where a == 255 it is a bit-exact copy of `edited`.
/// Pass a mask made by featherInward() for a soft seam that never leaks outside
/// the selection.
ImageRGBA8 compositeThroughMask(const ImageRGBA8& original, const ImageRGBA8& edited, const MaskA8& alpha);

} // namespace atelier
