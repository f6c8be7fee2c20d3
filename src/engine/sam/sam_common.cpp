// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sam/sam_common.h"

namespace F = torch::nn::functional;

namespace atelier::engine {

SamLayerNorm2dImpl::SamLayerNorm2dImpl(int channels, double eps) : m_eps(eps) {
    weight = register_parameter("weight", torch::ones({channels}));
    bias = register_parameter("bias", torch::zeros({channels}));
}

torch::Tensor SamLayerNorm2dImpl::forward(const torch::Tensor& x) {
    // common.py LayerNorm2d: biased variance over dim 1, then a per-channel affine.
    const torch::Tensor u = x.mean(1, true);
    const torch::Tensor centred = x - u;
    const torch::Tensor s = centred.pow(2).mean(1, true);
    const torch::Tensor normed = centred / torch::sqrt(s + m_eps);
    return weight.view({1, -1, 1, 1}) * normed + bias.view({1, -1, 1, 1});
}

SamMLPBlockImpl::SamMLPBlockImpl(int embeddingDim, int mlpDim, SamActivation activation) : m_activation(activation) {
    lin1 = register_module("lin1", torch::nn::Linear(embeddingDim, mlpDim));
    lin2 = register_module("lin2", torch::nn::Linear(mlpDim, embeddingDim));
}

torch::Tensor SamMLPBlockImpl::forward(const torch::Tensor& x) {
    torch::Tensor h = lin1->forward(x);
    h = m_activation == SamActivation::GELU ? F::gelu(h) : torch::relu(h);
    return lin2->forward(h);
}

} // namespace atelier::engine
