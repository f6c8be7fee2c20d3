// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (uses torch): SAM's ResizeLongestSide and Sam.preprocess / postprocess_masks
// (segment_anything/utils/transforms.py, modeling/sam.py).
#pragma once

#include "core/geometry.h"
#include "core/image.h"

#include <torch/torch.h>

namespace atelier::engine {

/// get_preprocess_shape: the size whose longest side is `longSide`, each side
/// scaled and rounded with int(x + 0.5).
Size samPreprocessSize(Size original, int longSide);

/// apply_image_torch: [B, 3, H, W] float32 -> [B, 3, h, w] at samPreprocessSize,
/// bilinear, align_corners false, antialiased.
torch::Tensor samResizeImage(const torch::Tensor& image, int longSide);
/// The same for an RGBA image (RGB as float32 0..255, alpha dropped) -> [1, 3, h, w],
/// converting one channel at a time so a large image never exists as three float planes.
torch::Tensor samResizeImage(const ImageRGBA8& image, int longSide);

/// apply_coords: pixel coordinates [..., 2] (x, y) of the original image -> the resized image's.
torch::Tensor samApplyCoords(const torch::Tensor& coords, Size original, int longSide);
/// apply_boxes: [B, 4] (x0, y0, x1, y1) of the original image -> the resized image's.
torch::Tensor samApplyBoxes(const torch::Tensor& boxes, Size original, int longSide);

/// Sam.preprocess: (x - pixel_mean) / pixel_std per channel (mean 123.675, 116.28,
/// 103.53; std 58.395, 57.12, 57.375 on 0..255 RGB), then zero padding at the
/// bottom and right to imgSize x imgSize. [B, 3, h, w] -> [B, 3, imgSize, imgSize].
torch::Tensor samPreprocess(const torch::Tensor& resized, int imgSize);

/// Sam.postprocess_masks: low-res logits [B, M, 4g, 4g] -> bilinear to imgSize
/// (align_corners false), crop to `resized`, bilinear to `original` -> [B, M, H, W].
torch::Tensor samPostprocessMasks(const torch::Tensor& lowRes, Size resized, Size original, int imgSize);

} // namespace atelier::engine
