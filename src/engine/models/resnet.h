// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: diffusers' ResnetBlock2D, Downsample2D and Upsample2D
// (diffusers v0.25 src/diffusers/models/resnet.py), registered under the same names.
#pragma once

#include <torch/torch.h>

#include <optional>

namespace atelier::engine {

/// Residual block: GroupNorm -> SiLU -> conv3x3 (+ projected time embedding)
/// -> GroupNorm -> SiLU -> conv3x3, plus a 1x1 `conv_shortcut` when the channel
/// count changes. x: [B, inChannels, H, W], temb: [B, tembChannels] or undefined.
/// Returns [B, outChannels, H, W].
struct ResnetBlock2D : torch::nn::Module {
    ResnetBlock2D(int inChannels, int outChannels, int tembChannels, int groups, double eps);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& temb);

    torch::nn::GroupNorm norm1{nullptr}, norm2{nullptr};
    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, conv_shortcut{nullptr};
    torch::nn::Linear time_emb_proj{nullptr};
};

/// Stride-2 3x3 convolution `conv`. With padding 0 (the VAE encoder) the input
/// is first zero-padded on the right and bottom by one pixel, as diffusers does.
/// x: [B, C, H, W] -> [B, C, ceil(H/2), ceil(W/2)].
struct Downsample2D : torch::nn::Module {
    Downsample2D(int channels, int padding);
    torch::Tensor forward(const torch::Tensor& x);

    int m_padding;
    torch::nn::Conv2d conv{nullptr};
};

/// Nearest-neighbour 2x upsampling (or to `size`) followed by a 3x3 `conv`.
struct Upsample2D : torch::nn::Module {
    explicit Upsample2D(int channels);
    torch::Tensor forward(const torch::Tensor& x, std::optional<std::vector<int64_t>> size = std::nullopt);

    torch::nn::Conv2d conv{nullptr};
};

/// nn.Conv2d with "same" padding for odd kernels, bias on.
torch::nn::Conv2d conv2d(int in, int out, int kernel, int stride = 1, int padding = -1);
/// nn.GroupNorm with affine parameters.
torch::nn::GroupNorm groupNorm(int groups, int channels, double eps);

} // namespace atelier::engine
