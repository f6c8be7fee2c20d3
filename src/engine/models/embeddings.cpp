// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/models/embeddings.h"

#include <cmath>

namespace atelier::engine {

torch::Tensor timestepEmbedding(const torch::Tensor& timesteps, int dim, bool flipSinToCos, double freqShift) {
    const int half = dim / 2;
    torch::Tensor exponent = -std::log(10000.0) * torch::arange(0, half, torch::TensorOptions().dtype(torch::kFloat32));
    exponent = exponent / (half - freqShift);
    torch::Tensor emb = timesteps.to(torch::kFloat32).unsqueeze(1) * torch::exp(exponent).unsqueeze(0); // [B, half]
    emb = torch::cat({torch::sin(emb), torch::cos(emb)}, -1);
    if (flipSinToCos) emb = torch::cat({emb.slice(1, half), emb.slice(1, 0, half)}, -1);
    if (dim % 2 == 1) emb = torch::nn::functional::pad(emb, torch::nn::functional::PadFuncOptions({0, 1}));
    return emb;
}

TimestepEmbedding::TimestepEmbedding(int inDim, int outDim) {
    linear_1 = register_module("linear_1", torch::nn::Linear(inDim, outDim));
    linear_2 = register_module("linear_2", torch::nn::Linear(outDim, outDim));
}

torch::Tensor TimestepEmbedding::forward(const torch::Tensor& x) {
    return linear_2->forward(torch::silu(linear_1->forward(x)));
}

} // namespace atelier::engine
