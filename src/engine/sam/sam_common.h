// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (uses torch): building blocks segment_anything shares (modeling/common.py).
#pragma once

#include <torch/torch.h>

namespace atelier::engine {

/// segment_anything's LayerNorm2d: LayerNorm over the channels of [B, C, H, W]
/// (weight and bias [C], eps 1e-6).
class SamLayerNorm2dImpl : public torch::nn::Module {
public:
    explicit SamLayerNorm2dImpl(int channels, double eps = 1e-6);
    /// [B, C, H, W] -> [B, C, H, W]
    torch::Tensor forward(const torch::Tensor& x);
    double eps() const { return m_eps; }

    torch::Tensor weight, bias;

private:
    double m_eps;
};
TORCH_MODULE(SamLayerNorm2d);

/// The activation an MLPBlock uses: GELU in the image encoder, ReLU in the two-way transformer.
enum class SamActivation { GELU, ReLU };

/// segment_anything's MLPBlock: lin2(act(lin1(x))), names lin1, lin2.
class SamMLPBlockImpl : public torch::nn::Module {
public:
    SamMLPBlockImpl(int embeddingDim, int mlpDim, SamActivation activation);
    /// [..., embeddingDim] -> [..., embeddingDim]
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Linear lin1{nullptr}, lin2{nullptr};

private:
    SamActivation m_activation;
};
TORCH_MODULE(SamMLPBlock);

} // namespace atelier::engine
