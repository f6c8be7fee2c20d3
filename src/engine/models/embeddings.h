// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: timestep embeddings (diffusers v0.25 models/embeddings.py).
#pragma once

#include <torch/torch.h>

namespace atelier::engine {

/// Sinusoidal timestep embedding (Vaswani et al., 2017; DDPM, Ho et al., 2020):
/// timesteps [B] (float) -> [B, dim], [sin | cos] of t * 10000^(-i / (half - freqShift)),
/// halves swapped to [cos | sin] when `flipSinToCos`.
torch::Tensor timestepEmbedding(const torch::Tensor& timesteps, int dim, bool flipSinToCos, double freqShift);

/// TimestepEmbedding: linear_1 -> SiLU -> linear_2. [B, inDim] -> [B, outDim].
struct TimestepEmbedding : torch::nn::Module {
    TimestepEmbedding(int inDim, int outDim);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Linear linear_1{nullptr}, linear_2{nullptr};
};

} // namespace atelier::engine
