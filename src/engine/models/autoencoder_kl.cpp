// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/models/autoencoder_kl.h"

#include "engine/models/tiled_apply.h"

#include <algorithm>

namespace atelier::engine {
namespace {

constexpr double kEps = 1e-6; // the VAE's resnet and norm epsilon

// DownEncoderBlock2D / UpDecoderBlock2D: resnets without time embedding, then a resampler.
struct ResampleBlock : torch::nn::Module {
    ResampleBlock(int in, int out, int layers, int groups, bool down, bool resample) {
        resnets = register_module("resnets", torch::nn::ModuleList());
        for (int i = 0; i < layers; ++i) {
            resnets->push_back(std::make_shared<ResnetBlock2D>(i == 0 ? in : out, out, 0, groups, kEps));
        }
        if (!resample) return;
        if (down) {
            torch::nn::ModuleList list = register_module("downsamplers", torch::nn::ModuleList());
            list->push_back(std::make_shared<Downsample2D>(out, 0));
            resampler = list[0];
        } else {
            torch::nn::ModuleList list = register_module("upsamplers", torch::nn::ModuleList());
            list->push_back(std::make_shared<Upsample2D>(out));
            resampler = list[0];
        }
        m_down = down;
    }
    torch::Tensor forward(torch::Tensor h) {
        for (const auto& r : *resnets) h = r->as<ResnetBlock2D>()->forward(h, {});
        if (!resampler) return h;
        return m_down ? resampler->as<Downsample2D>()->forward(h) : resampler->as<Upsample2D>()->forward(h);
    }
    torch::nn::ModuleList resnets{nullptr};
    std::shared_ptr<torch::nn::Module> resampler;
    bool m_down = true;
};

} // namespace

VAEMidBlock::VAEMidBlock(int channels, int groups) {
    resnets = register_module("resnets", torch::nn::ModuleList());
    attentions = register_module("attentions", torch::nn::ModuleList());
    resnets->push_back(std::make_shared<ResnetBlock2D>(channels, channels, 0, groups, kEps));
    Attention::Options a;
    a.queryDim = channels;
    a.heads = 1;
    a.headDim = channels;
    a.qkvBias = true;
    a.groupNormGroups = groups;
    a.groupNormEps = kEps;
    attentions->push_back(std::make_shared<Attention>(a));
    resnets->push_back(std::make_shared<ResnetBlock2D>(channels, channels, 0, groups, kEps));
}

torch::Tensor VAEMidBlock::forward(torch::Tensor h) {
    h = resnets[0]->as<ResnetBlock2D>()->forward(h, {});
    h = attentions[0]->as<Attention>()->forward(h);
    return resnets[1]->as<ResnetBlock2D>()->forward(h, {});
}

VAEEncoder::VAEEncoder(const VAEConfig& c) {
    const int blocks = static_cast<int>(c.blockOutChannels.size());
    conv_in = register_module("conv_in", conv2d(c.inChannels, c.blockOutChannels[0], 3));
    down_blocks = register_module("down_blocks", torch::nn::ModuleList());
    int out = c.blockOutChannels[0];
    for (int i = 0; i < blocks; ++i) {
        const int in = out;
        out = c.blockOutChannels[i];
        down_blocks->push_back(std::make_shared<ResampleBlock>(in, out, c.layersPerBlock, c.normNumGroups, true, i != blocks - 1));
    }
    mid_block = register_module("mid_block", std::make_shared<VAEMidBlock>(c.blockOutChannels.back(), c.normNumGroups));
    conv_norm_out = register_module("conv_norm_out", groupNorm(c.normNumGroups, c.blockOutChannels.back(), kEps));
    conv_out = register_module("conv_out", conv2d(c.blockOutChannels.back(), 2 * c.latentChannels, 3));
}

torch::Tensor VAEEncoder::forward(const torch::Tensor& x) {
    torch::Tensor h = conv_in->forward(x);
    for (const auto& block : *down_blocks) h = block->as<ResampleBlock>()->forward(h);
    h = mid_block->forward(h);
    return conv_out->forward(torch::silu(conv_norm_out->forward(h)));
}

VAEDecoder::VAEDecoder(const VAEConfig& c) {
    const int blocks = static_cast<int>(c.blockOutChannels.size());
    conv_in = register_module("conv_in", conv2d(c.latentChannels, c.blockOutChannels.back(), 3));
    mid_block = register_module("mid_block", std::make_shared<VAEMidBlock>(c.blockOutChannels.back(), c.normNumGroups));
    up_blocks = register_module("up_blocks", torch::nn::ModuleList());
    std::vector<int> reversed(c.blockOutChannels.rbegin(), c.blockOutChannels.rend());
    int out = reversed[0];
    for (int i = 0; i < blocks; ++i) {
        const int in = out;
        out = reversed[i];
        up_blocks->push_back(std::make_shared<ResampleBlock>(in, out, c.layersPerBlock + 1, c.normNumGroups, false, i != blocks - 1));
    }
    conv_norm_out = register_module("conv_norm_out", groupNorm(c.normNumGroups, c.blockOutChannels[0], kEps));
    conv_out = register_module("conv_out", conv2d(c.blockOutChannels[0], c.outChannels, 3));
}

torch::Tensor VAEDecoder::forward(const torch::Tensor& z) {
    torch::Tensor h = mid_block->forward(conv_in->forward(z));
    for (const auto& block : *up_blocks) h = block->as<ResampleBlock>()->forward(h);
    return conv_out->forward(torch::silu(conv_norm_out->forward(h)));
}

AutoencoderKL::AutoencoderKL(const VAEConfig& config) : m_config(config) {
    encoder = register_module("encoder", std::make_shared<VAEEncoder>(config));
    decoder = register_module("decoder", std::make_shared<VAEDecoder>(config));
    quant_conv = register_module("quant_conv", conv2d(2 * config.latentChannels, 2 * config.latentChannels, 1));
    post_quant_conv = register_module("post_quant_conv", conv2d(config.latentChannels, config.latentChannels, 1));
}

LatentDistribution AutoencoderKL::encode(const torch::Tensor& image) {
    const auto moments = [this](const torch::Tensor& x) { return quant_conv->forward(encoder->forward(x)); };
    const bool tiled = tiling.enabled && std::max(image.size(2), image.size(3)) > tiling.tilePixels;
    const torch::Tensor m = tiled ? applyInTiles(image, tiling.tilePixels, tiling.overlapPixels, 1, scale(), moments)
                                  : moments(image);
    const auto parts = m.chunk(2, 1);
    return {parts[0], torch::clamp(parts[1], -30.0, 20.0)};
}

torch::Tensor AutoencoderKL::decode(const torch::Tensor& latent) {
    const auto decoded = [this](const torch::Tensor& z) { return decoder->forward(post_quant_conv->forward(z)); };
    const int s = scale();
    if (!tiling.enabled || std::max(latent.size(2), latent.size(3)) * s <= tiling.tilePixels) return decoded(latent);
    return applyInTiles(latent, tiling.tilePixels / s, tiling.overlapPixels / s, s, 1, decoded);
}

} // namespace atelier::engine
