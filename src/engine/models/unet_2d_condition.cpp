// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/models/unet_2d_condition.h"

#include <algorithm>

namespace atelier::engine {

UNet2DConditionModel::UNet2DConditionModel(const UNetConfig& c) : m_config(c) {
    const int blocks = static_cast<int>(c.blockOutChannels.size());
    const int timeDim = c.blockOutChannels[0] * 4;
    conv_in = register_module("conv_in", conv2d(c.inChannels, c.blockOutChannels[0], 3));
    time_embedding = register_module("time_embedding", std::make_shared<TimestepEmbedding>(c.blockOutChannels[0], timeDim));

    UNetBlockOptions o;
    o.tembChannels = timeDim;
    o.groups = c.normNumGroups;
    o.eps = c.normEps;
    o.contextDim = c.crossAttentionDim;
    o.transformerLayers = c.transformerLayersPerBlock;
    o.linearProjection = c.useLinearProjection;

    down_blocks = register_module("down_blocks", torch::nn::ModuleList());
    int out = c.blockOutChannels[0];
    for (int i = 0; i < blocks; ++i) {
        const int in = out;
        out = c.blockOutChannels[i];
        const int heads = c.downBlockTypes[i] == "CrossAttnDownBlock2D" ? c.attentionHeads[i] : 0;
        down_blocks->push_back(std::make_shared<DownBlock>(in, out, c.layersPerBlock, heads, i != blocks - 1,
                                                           c.downsamplePadding, o));
    }
    mid_block = register_module("mid_block", std::make_shared<MidBlockCrossAttn>(c.blockOutChannels.back(),
                                                                                 c.attentionHeads.back(), o));
    up_blocks = register_module("up_blocks", torch::nn::ModuleList());
    std::vector<int> reversedChannels(c.blockOutChannels.rbegin(), c.blockOutChannels.rend());
    std::vector<int> reversedHeads(c.attentionHeads.rbegin(), c.attentionHeads.rend());
    out = reversedChannels[0];
    for (int i = 0; i < blocks; ++i) {
        const int prevOut = out;
        out = reversedChannels[i];
        const int in = reversedChannels[std::min(i + 1, blocks - 1)];
        const int heads = c.upBlockTypes[i] == "CrossAttnUpBlock2D" ? reversedHeads[i] : 0;
        up_blocks->push_back(
            std::make_shared<UpBlock>(in, out, prevOut, c.layersPerBlock + 1, heads, i != blocks - 1, o));
    }
    conv_norm_out = register_module("conv_norm_out", groupNorm(c.normNumGroups, c.blockOutChannels[0], c.normEps));
    conv_out = register_module("conv_out", conv2d(c.blockOutChannels[0], c.outChannels, 3));
}

torch::Tensor UNet2DConditionModel::forward(const torch::Tensor& sample, const torch::Tensor& timesteps,
                                            const torch::Tensor& context) {
    const int64_t batch = sample.size(0);
    torch::Tensor t = timesteps.reshape({-1});
    if (t.size(0) == 1 && batch > 1) t = t.expand({batch});
    const torch::Tensor tProj = timestepEmbedding(t, m_config.blockOutChannels[0], m_config.flipSinToCos,
                                                  m_config.freqShift).to(sample.scalar_type());
    const torch::Tensor temb = time_embedding->forward(tProj); // [B, 4 * C0]

    // Latent sides that are not multiples of 2^(blocks-1) need explicit upsample sizes.
    const int64_t factor = int64_t{1} << (m_config.blockOutChannels.size() - 1);
    const bool explicitSizes = sample.size(2) % factor != 0 || sample.size(3) % factor != 0;

    torch::Tensor h = conv_in->forward(sample);
    std::vector<torch::Tensor> skips{h};
    for (const auto& block : *down_blocks) h = block->as<DownBlock>()->forward(h, temb, context, skips);
    h = mid_block->forward(h, temb, context);
    for (std::size_t i = 0; i < up_blocks->size(); ++i) {
        UpBlock* block = up_blocks[i]->as<UpBlock>();
        std::optional<std::vector<int64_t>> size;
        const std::size_t consumed = block->resnets->size();
        if (explicitSizes && block->upsamplers && skips.size() > consumed) {
            const torch::Tensor& next = skips[skips.size() - consumed - 1];
            size = std::vector<int64_t>{next.size(2), next.size(3)};
        }
        h = block->forward(h, temb, context, skips, size);
    }
    return conv_out->forward(torch::silu(conv_norm_out->forward(h)));
}

} // namespace atelier::engine
