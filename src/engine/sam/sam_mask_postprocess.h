// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (OpenCV, no torch): SAM's mask post-processing straight to a binary mask.
#pragma once

#include "core/geometry.h"
#include "core/image.h"

namespace atelier::engine {

/// segment_anything's Sam.postprocess_masks followed by `> 0`, for one
/// low-resolution mask: bilinear from side x side to imgSize x imgSize, crop to
/// the resized image (top-left `resized`), bilinear to `original`, then 255
/// where the logit is above 0, else 0. Bilinear uses half-pixel centres
/// (F.interpolate, align_corners=False; OpenCV INTER_LINEAR maps pixels the
/// same way); float rounding differs from torch's by about 1e-6, so only pixels
/// whose logit is that close to 0 can flip.
/// lowRes: side * side float32 logits, row-major. Throws atelier::Error on
/// sizes that do not fit (resized larger than imgSize, empty sizes).
MaskA8 samBinaryMask(const float* lowRes, int side, Size resized, Size original, int imgSize);

} // namespace atelier::engine
