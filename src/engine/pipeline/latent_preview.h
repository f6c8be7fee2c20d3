// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: a cheap RGB preview of SD latents, no VAE.
#pragma once

#include "core/image.h"

#include <torch/torch.h>

namespace atelier::engine {

/// Approximates the decoded image of SD 1.x/2.x latents [1, 4, h, w] with a
/// fixed linear map from the four latent channels to RGB (the factors
/// AUTOMATIC1111's "Approx NN"-free preview uses), at latent resolution.
/// Other channel counts give a grey image of the first channel. O(h * w).
ImageRGBA8 latentPreview(const torch::Tensor& latents);

} // namespace atelier::engine
