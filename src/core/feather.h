// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image.h"

namespace atelier {

/// Feathers a mask inwards: the result is min(mask, G_sigma * mask), a Gaussian
/// blur (sigma = radiusPx / 2, support 3 sigma) that softens the inner side of
/// every edge and never grows the selection, so pixels where `mask` is 0 stay 0.
/// This is what keeps untouched pixels bit-identical when a result is
/// composited back (see compositeThroughMask).
///
/// `radiusPx` <= 0 returns the mask unchanged. Only the mask's non-zero bounds
/// (plus the kernel support) are processed, so cost follows the selection size.
MaskA8 featherInward(const MaskA8& mask, double radiusPx);

/// Blurs a mask with a separable Gaussian (sigma = radiusPx / 2) in both
/// directions: the soft edge grows outwards too. Used by the mask "feather" op.
MaskA8 gaussianBlurMask(const MaskA8& mask, double radiusPx);

} // namespace atelier
