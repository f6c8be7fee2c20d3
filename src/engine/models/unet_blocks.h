// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: the UNet's down, mid and up blocks (diffusers v0.25
// models/unets/unet_2d_blocks.py), with and without cross-attention.
#pragma once

#include "engine/models/attention.h"
#include "engine/models/resnet.h"

#include <torch/torch.h>

#include <optional>
#include <vector>

namespace atelier::engine {

/// Settings shared by every block of one UNet.
struct UNetBlockOptions {
    int tembChannels = 0;
    int groups = 32;
    double eps = 1e-5;
    int contextDim = 0;
    int transformerLayers = 1;
    bool linearProjection = false;
};

/// CrossAttnDownBlock2D / DownBlock2D: `layers` resnets (each followed by a
/// Transformer2DModel when `heads` > 0), then an optional stride-2 downsampler.
/// forward appends every intermediate output to `skips` (for the up blocks).
struct DownBlock : torch::nn::Module {
    DownBlock(int in, int out, int layers, int heads, bool downsample, int downsamplePadding, const UNetBlockOptions& o);
    torch::Tensor forward(torch::Tensor h, const torch::Tensor& temb, const torch::Tensor& context,
                          std::vector<torch::Tensor>& skips);

    torch::nn::ModuleList resnets{nullptr}, attentions{nullptr}, downsamplers{nullptr};
};

/// UNetMidBlock2DCrossAttn: resnet, then (transformer, resnet) per layer.
struct MidBlockCrossAttn : torch::nn::Module {
    MidBlockCrossAttn(int channels, int heads, const UNetBlockOptions& o);
    torch::Tensor forward(torch::Tensor h, const torch::Tensor& temb, const torch::Tensor& context);

    torch::nn::ModuleList resnets{nullptr}, attentions{nullptr};
};

/// CrossAttnUpBlock2D / UpBlock2D: `layers` resnets fed with the skip popped
/// from `skips` concatenated on channels, each followed by a transformer when
/// `heads` > 0, then an optional 2x upsampler (to `upsampleSize` when given).
struct UpBlock : torch::nn::Module {
    UpBlock(int in, int out, int prevOut, int layers, int heads, bool upsample, const UNetBlockOptions& o);
    torch::Tensor forward(torch::Tensor h, const torch::Tensor& temb, const torch::Tensor& context,
                          std::vector<torch::Tensor>& skips,
                          std::optional<std::vector<int64_t>> upsampleSize = std::nullopt);

    torch::nn::ModuleList resnets{nullptr}, attentions{nullptr}, upsamplers{nullptr};
};

} // namespace atelier::engine
