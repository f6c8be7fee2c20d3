// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: the KL-regularised autoencoder of latent diffusion (Rombach
// et al., CVPR 2022; diffusers v0.25 models/autoencoders/autoencoder_kl.py and vae.py).
#pragma once

#include "engine/models/attention.h"
#include "engine/models/resnet.h"
#include "engine/models/vae_config.h"

#include <torch/torch.h>

namespace atelier::engine {

/// UNetMidBlock2D without time embedding: resnet, self-attention (one head,
/// GroupNorm, residual), resnet.
struct VAEMidBlock : torch::nn::Module {
    VAEMidBlock(int channels, int groups);
    torch::Tensor forward(torch::Tensor h);

    torch::nn::ModuleList resnets{nullptr}, attentions{nullptr};
};

/// Image [B, 3, H, W] in [-1, 1] -> moments [B, 2 * latentChannels, H/8, W/8] (before quant_conv).
struct VAEEncoder : torch::nn::Module {
    explicit VAEEncoder(const VAEConfig& c);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Conv2d conv_in{nullptr}, conv_out{nullptr};
    torch::nn::ModuleList down_blocks{nullptr};
    std::shared_ptr<VAEMidBlock> mid_block;
    torch::nn::GroupNorm conv_norm_out{nullptr};
};

/// Latent [B, latentChannels, h, w] (after post_quant_conv) -> image [B, 3, 8h, 8w], unclamped.
struct VAEDecoder : torch::nn::Module {
    explicit VAEDecoder(const VAEConfig& c);
    torch::Tensor forward(const torch::Tensor& z);

    torch::nn::Conv2d conv_in{nullptr}, conv_out{nullptr};
    torch::nn::ModuleList up_blocks{nullptr};
    std::shared_ptr<VAEMidBlock> mid_block;
    torch::nn::GroupNorm conv_norm_out{nullptr};
};

/// The diagonal Gaussian posterior q(z|x): mean and log-variance (clamped to [-30, 20]).
struct LatentDistribution {
    torch::Tensor mean;   ///< [B, C, h, w]
    torch::Tensor logvar; ///< [B, C, h, w]
    torch::Tensor std() const { return torch::exp(0.5 * logvar); }
    /// mean + std * noise; noise of the mean's shape.
    torch::Tensor sample(const torch::Tensor& noise) const { return mean + std() * noise; }
};

/// When the VAE works in overlapping tiles (see applyInTiles).
struct VAETiling {
    bool enabled = true;
    int tilePixels = 768;    ///< images with a side above this are encoded/decoded in tiles this size (multiple of 64)
    int overlapPixels = 192; ///< overlap of neighbouring tiles, blended linearly (multiple of 8, < tilePixels)
};

/// AutoencoderKL: encoder, quant_conv, post_quant_conv, decoder.
///
/// Images larger than `tiling.tilePixels` go through the networks in
/// overlapping tiles blended without seams, so memory stays bounded (a
/// 2048² decode in one piece needs ~10 GB of activations). Each tile's
/// GroupNorms see only that tile, so tiled results differ slightly in tone
/// from a one-piece pass; the blend hides the borders.
struct AutoencoderKL : torch::nn::Module {
    explicit AutoencoderKL(const VAEConfig& config);

    /// Image [B, 3, H, W] in [-1, 1] (H, W multiples of 8) -> posterior [B, C, H/8, W/8] in latent space.
    LatentDistribution encode(const torch::Tensor& image);
    /// Raw decoder-space latent [B, C, h, w] (already divided by the scaling factor) -> image [B, 3, 8h, 8w].
    torch::Tensor decode(const torch::Tensor& latent);
    const VAEConfig& config() const { return m_config; }
    /// Pixels per latent cell (8 for SD's four-level VAE).
    int scale() const { return 1 << (static_cast<int>(m_config.blockOutChannels.size()) - 1); }

    VAEConfig m_config;
    VAETiling tiling;
    std::shared_ptr<VAEEncoder> encoder;
    std::shared_ptr<VAEDecoder> decoder;
    torch::nn::Conv2d quant_conv{nullptr}, post_quant_conv{nullptr};
};

} // namespace atelier::engine
