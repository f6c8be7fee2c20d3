// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: Stable Diffusion's denoiser (diffusers v0.25
// models/unets/unet_2d_condition.py; Rombach et al., "High-Resolution Image
// Synthesis with Latent Diffusion Models", CVPR 2022). Registered names equal
// diffusers' state-dict keys.
#pragma once

#include "engine/models/embeddings.h"
#include "engine/models/unet_blocks.h"
#include "engine/models/unet_config.h"

#include <torch/torch.h>

namespace atelier::engine {

/// The conditional UNet: predicts noise (or v) for latents at a timestep given
/// text embeddings.
struct UNet2DConditionModel : torch::nn::Module {
    explicit UNet2DConditionModel(const UNetConfig& config);

    /// sample [B, inChannels, h, w] float; timesteps: [1] or [B] (float or int);
    /// context [B, 77*k, crossAttentionDim]. Returns [B, outChannels, h, w].
    torch::Tensor forward(const torch::Tensor& sample, const torch::Tensor& timesteps, const torch::Tensor& context);

    const UNetConfig& config() const { return m_config; }

    UNetConfig m_config;
    torch::nn::Conv2d conv_in{nullptr}, conv_out{nullptr};
    std::shared_ptr<TimestepEmbedding> time_embedding;
    torch::nn::ModuleList down_blocks{nullptr}, up_blocks{nullptr};
    std::shared_ptr<MidBlockCrossAttn> mid_block;
    torch::nn::GroupNorm conv_norm_out{nullptr};
};

} // namespace atelier::engine
