// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/models/resnet.h"

namespace F = torch::nn::functional;

namespace atelier::engine {

torch::nn::Conv2d conv2d(int in, int out, int kernel, int stride, int padding) {
    return torch::nn::Conv2d(
        torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding < 0 ? kernel / 2 : padding));
}

torch::nn::GroupNorm groupNorm(int groups, int channels, double eps) {
    return torch::nn::GroupNorm(torch::nn::GroupNormOptions(groups, channels).eps(eps).affine(true));
}

ResnetBlock2D::ResnetBlock2D(int inChannels, int outChannels, int tembChannels, int groups, double eps) {
    norm1 = register_module("norm1", groupNorm(groups, inChannels, eps));
    conv1 = register_module("conv1", conv2d(inChannels, outChannels, 3));
    if (tembChannels > 0) time_emb_proj = register_module("time_emb_proj", torch::nn::Linear(tembChannels, outChannels));
    norm2 = register_module("norm2", groupNorm(groups, outChannels, eps));
    conv2 = register_module("conv2", conv2d(outChannels, outChannels, 3));
    if (inChannels != outChannels) conv_shortcut = register_module("conv_shortcut", conv2d(inChannels, outChannels, 1));
}

torch::Tensor ResnetBlock2D::forward(const torch::Tensor& x, const torch::Tensor& temb) {
    // In-place activations and sums (inference only): at 512² the VAE's full-resolution
    // tensors are 134-268 MB each, so every temporary not kept saves that much at the peak.
    torch::Tensor h = norm1->forward(x);
    h = conv1->forward(torch::silu_(h));
    if (time_emb_proj && temb.defined()) {
        h.add_(time_emb_proj->forward(F::silu(temb)).unsqueeze(-1).unsqueeze(-1)); // [B, C, 1, 1]
    }
    h = norm2->forward(h);
    h = conv2->forward(torch::silu_(h));
    return h.add_(conv_shortcut ? conv_shortcut->forward(x) : x); // shortcut + h
}

Downsample2D::Downsample2D(int channels, int padding) : m_padding(padding) {
    conv = register_module("conv", conv2d(channels, channels, 3, 2, padding));
}

torch::Tensor Downsample2D::forward(const torch::Tensor& x) {
    if (m_padding == 0) return conv->forward(F::pad(x, F::PadFuncOptions({0, 1, 0, 1})));
    return conv->forward(x);
}

Upsample2D::Upsample2D(int channels) { conv = register_module("conv", conv2d(channels, channels, 3)); }

torch::Tensor Upsample2D::forward(const torch::Tensor& x, std::optional<std::vector<int64_t>> size) {
    auto options = F::InterpolateFuncOptions().mode(torch::kNearest);
    if (size) options.size(*size);
    else options.scale_factor(std::vector<double>{2.0, 2.0});
    return conv->forward(F::interpolate(x, options));
}

} // namespace atelier::engine
