// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sam/tiny_vit.h"

#include "core/error.h"

namespace atelier::engine {

using namespace tinyvit;

int TinyViTConfig::gridSize() const {
    int side = (imgSize + 3) / 4; // two stride-2 3x3 convolutions, padding 1
    for (int stride : patchMergingStrides) side = (side + stride - 1) / stride;
    return side;
}

namespace {

void checkConfig(const TinyViTConfig& c) {
    const size_t stages = c.embedDims.size();
    if (stages < 2 || c.depths.size() != stages || c.numHeads.size() != stages || c.windowSizes.size() != stages ||
        c.patchMergingStrides.size() != stages - 1) {
        throw Error("TinyViT config: embedDims, depths, numHeads and windowSizes need one entry per stage (at least 2) "
                    "and patchMergingStrides one fewer; got " + std::to_string(stages) + ", " +
                    std::to_string(c.depths.size()) + ", " + std::to_string(c.numHeads.size()) + ", " +
                    std::to_string(c.windowSizes.size()) + ", " + std::to_string(c.patchMergingStrides.size()));
    }
    for (size_t i = 0; i < stages; ++i) {
        if (c.embedDims[i] <= 0 || c.depths[i] < 0 || c.windowSizes[i] <= 0 || (i > 0 && c.numHeads[i] <= 0)) {
            throw Error("TinyViT config: stage " + std::to_string(i) + " has a non-positive size");
        }
    }
    if (c.embedDims[0] % 2 != 0) throw Error("TinyViT config: embedDims[0] must be even (patch_embed halves it)");
}

} // namespace

TinyViTImpl::TinyViTImpl(const TinyViTConfig& config) : m_config(config) {
    checkConfig(config);
    const size_t stages = config.embedDims.size();
    patch_embed = register_module("patch_embed", PatchEmbed(config.inChans, config.embedDims[0]));
    layers = register_module("layers", torch::nn::ModuleList());
    m_vitBlocks.resize(stages - 1);
    for (size_t i = 0; i < stages; ++i) {
        auto layer = std::make_shared<torch::nn::Module>();
        auto blocks = layer->register_module("blocks", torch::nn::ModuleList());
        const int dim = config.embedDims[i];
        for (int b = 0; b < config.depths[i]; ++b) {
            if (i == 0) {
                m_convBlocks.push_back(MBConv(dim, config.mbconvExpandRatio));
                blocks->push_back(m_convBlocks.back());
            } else {
                m_vitBlocks[i - 1].push_back(TinyViTBlock(dim, config.numHeads[i], config.windowSizes[i],
                                                          config.mlpRatio, config.localConvSize));
                blocks->push_back(m_vitBlocks[i - 1].back());
            }
        }
        if (i + 1 < stages) {
            m_merges.push_back(PatchMerging(dim, config.embedDims[i + 1], config.patchMergingStrides[i]));
            layer->register_module("downsample", m_merges.back());
        }
        layers->push_back(layer);
    }
    if (config.numClasses > 0) {
        norm_head = register_module("norm_head", torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.embedDims.back()})));
        head = register_module("head", torch::nn::Linear(config.embedDims.back(), config.numClasses));
    }
    neck = register_module(
        "neck", torch::nn::Sequential(
                    torch::nn::Conv2d(torch::nn::Conv2dOptions(config.embedDims.back(), config.outChans, 1).bias(false)),
                    LayerNorm2d(config.outChans),
                    torch::nn::Conv2d(torch::nn::Conv2dOptions(config.outChans, config.outChans, 3).padding(1).bias(false)),
                    LayerNorm2d(config.outChans)));
}

torch::Tensor TinyViTImpl::forward(const torch::Tensor& x) { return forward(x, Hooks{}); }

torch::Tensor TinyViTImpl::forward(const torch::Tensor& x, const Hooks& hooks) {
    if (x.dim() != 4 || x.size(1) != m_config.inChans) {
        throw Error("TinyViT: expected an image [B, " + std::to_string(m_config.inChans) + ", H, W], got " +
                    c10::str(x.sizes()));
    }
    const Recorder* record = hooks.record ? &hooks.record : nullptr;
    const auto stopped = [&] { return hooks.shouldStop && hooks.shouldStop(); };

    torch::Tensor h = patch_embed->forward(x); // [B, C0, H/4, W/4]
    if (record) (*record)("patch_embed", h);
    for (size_t b = 0; b < m_convBlocks.size(); ++b) {
        if (stopped()) return {};
        h = m_convBlocks[b]->forward(h);
        if (record) (*record)("layers.0.blocks." + std::to_string(b), h);
    }
    // From here on: tokens [B, H*W, C], row-major over (h, w).
    const int64_t batch = h.size(0);
    int64_t H = 0, W = 0;
    torch::Tensor tokens;
    for (size_t stage = 0; stage < m_merges.size() + 1; ++stage) {
        if (stage > 0) {
            for (size_t b = 0; b < m_vitBlocks[stage - 1].size(); ++b) {
                if (stopped()) return {};
                const std::string name = "layers." + std::to_string(stage) + ".blocks." + std::to_string(b);
                tokens = m_vitBlocks[stage - 1][b]->forward(tokens, H, W, record, name);
                if (record) (*record)(name, tokens);
            }
        }
        if (stage < m_merges.size()) {
            // NCHW view of the tokens (channels-last strides) for the convolutions.
            const torch::Tensor nchw = stage == 0 ? h : tokens.view({batch, H, W, tokens.size(2)}).permute({0, 3, 1, 2});
            const torch::Tensor merged = m_merges[stage]->forward(nchw); // [B, C', H', W']
            H = merged.size(2);
            W = merged.size(3);
            tokens = merged.permute({0, 2, 3, 1}).reshape({batch, H * W, merged.size(1)});
            if (record) (*record)("layers." + std::to_string(stage) + ".downsample", tokens);
        }
    }
    if (stopped()) return {};
    torch::Tensor out = neck->forward(tokens.view({batch, H, W, tokens.size(2)}).permute({0, 3, 1, 2})).contiguous();
    if (record) (*record)("neck", out);
    return out; // [B, outChans, H/16, W/16]
}

} // namespace atelier::engine
