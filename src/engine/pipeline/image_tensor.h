// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: images and masks to and from model tensors.
#pragma once

#include "core/geometry.h"
#include "core/image.h"

#include <torch/torch.h>

namespace atelier::engine {

/// The RGB of `image` inside `crop`, resized to `size` (area averaging when
/// shrinking, bicubic when enlarging), as [1, 3, H, W] float32 in [-1, 1].
torch::Tensor imageToTensor(const ImageRGBA8& image, const Rect& crop, Size size);

/// `mask` inside `crop` resized to `size`, as [1, 1, H, W] float32 in [0, 1].
torch::Tensor maskToTensor(const MaskA8& mask, const Rect& crop, Size size);

/// [1, 3, H, W] in [-1, 1] (any dtype/device) -> an RGBA8 image resized to `size`,
/// alpha 255.
ImageRGBA8 tensorToImage(const torch::Tensor& image, Size size);

} // namespace atelier::engine
