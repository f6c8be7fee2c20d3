// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sam/image_encoder_vit.h"

#include <algorithm>
#include <cmath>

namespace F = torch::nn::functional;

namespace atelier::engine {

torch::Tensor samRelativePositions(int qSize, int kSize, const torch::Tensor& relPos) {
    const std::int64_t maxRelDist = 2 * std::max(qSize, kSize) - 1;
    torch::Tensor table = relPos;
    if (relPos.size(0) != maxRelDist) { // image_encoder.py get_rel_pos: linear resize along the offsets
        table = F::interpolate(relPos.reshape({1, relPos.size(0), -1}).permute({0, 2, 1}),
                               F::InterpolateFuncOptions()
                                   .size(std::vector<std::int64_t>{maxRelDist})
                                   .mode(torch::kLinear)
                                   .align_corners(false));
        table = table.reshape({-1, maxRelDist}).permute({1, 0});
    }
    // Scale the coordinates of the shorter axis so both span the same range.
    const double qScale = std::max(static_cast<double>(kSize) / qSize, 1.0);
    const double kScale = std::max(static_cast<double>(qSize) / kSize, 1.0);
    const auto longs = torch::TensorOptions().dtype(torch::kLong);
    const torch::Tensor qCoords = torch::arange(qSize, longs).unsqueeze(1) * qScale; // [q, 1] float
    const torch::Tensor kCoords = torch::arange(kSize, longs).unsqueeze(0) * kScale; // [1, k]
    const torch::Tensor offsets = (qCoords - kCoords) + (kSize - 1) * kScale;
    return table.index({offsets.to(torch::kLong)}); // [q, k, C]
}

std::pair<torch::Tensor, std::pair<int64_t, int64_t>> samWindowPartition(const torch::Tensor& x, int window) {
    const std::int64_t b = x.size(0), h = x.size(1), w = x.size(2), c = x.size(3);
    const std::int64_t padH = (window - h % window) % window, padW = (window - w % window) % window;
    torch::Tensor padded = x;
    if (padH > 0 || padW > 0) padded = F::pad(x, F::PadFuncOptions({0, 0, 0, padW, 0, padH}));
    const std::int64_t hp = h + padH, wp = w + padW;
    torch::Tensor windows = padded.view({b, hp / window, window, wp / window, window, c})
                                .permute({0, 1, 3, 2, 4, 5})
                                .contiguous()
                                .view({-1, window, window, c});
    return {windows, {hp, wp}};
}

torch::Tensor samWindowUnpartition(const torch::Tensor& windows, int window, std::pair<int64_t, int64_t> padded,
                                   std::pair<int64_t, int64_t> original) {
    const auto [hp, wp] = padded;
    const auto [h, w] = original;
    const std::int64_t b = windows.size(0) / (hp * wp / window / window);
    torch::Tensor x = windows.view({b, hp / window, wp / window, window, window, -1})
                          .permute({0, 1, 3, 2, 4, 5})
                          .contiguous()
                          .view({b, hp, wp, -1});
    if (hp > h || wp > w) x = x.narrow(1, 0, h).narrow(2, 0, w).contiguous();
    return x;
}

SamPatchEmbedImpl::SamPatchEmbedImpl(int patchSize, int inChans, int embedDim) {
    proj = register_module("proj", torch::nn::Conv2d(torch::nn::Conv2dOptions(inChans, embedDim, patchSize).stride(patchSize)));
}

torch::Tensor SamPatchEmbedImpl::forward(const torch::Tensor& x) {
    return proj->forward(x).permute({0, 2, 3, 1}); // [B, H/p, W/p, E]
}

SamViTAttentionImpl::SamViTAttentionImpl(int dim, int numHeads, bool qkvBias, bool useRelPos, int inputSize)
    : m_numHeads(numHeads), m_useRelPos(useRelPos) {
    qkv = register_module("qkv", torch::nn::Linear(torch::nn::LinearOptions(dim, 3 * dim).bias(qkvBias)));
    proj = register_module("proj", torch::nn::Linear(dim, dim));
    if (useRelPos) {
        const int headDim = dim / numHeads;
        rel_pos_h = register_parameter("rel_pos_h", torch::zeros({2 * inputSize - 1, headDim}));
        rel_pos_w = register_parameter("rel_pos_w", torch::zeros({2 * inputSize - 1, headDim}));
    }
}

torch::Tensor SamViTAttentionImpl::forward(const torch::Tensor& x) {
    const std::int64_t b = x.size(0), h = x.size(1), w = x.size(2), c = x.size(3);
    const std::int64_t heads = m_numHeads, headDim = c / heads, bh = b * heads, tokens = h * w;
    const double scale = 1.0 / std::sqrt(static_cast<double>(headDim));
    // [B, HW, 3, heads, d] -> [3, B*heads, HW, d]
    const torch::Tensor qkvOut = qkv->forward(x).reshape({b, tokens, 3, heads, headDim}).permute({2, 0, 3, 1, 4})
                                     .reshape({3, bh, tokens, headDim});
    const torch::Tensor q = qkvOut[0], k = qkvOut[1], v = qkvOut[2];
    const torch::Tensor keysT = k.transpose(1, 2); // [BH, d, HW]
    torch::Tensor relH, relW;
    if (m_useRelPos) {
        relH = samRelativePositions(static_cast<int>(h), static_cast<int>(h), rel_pos_h); // [H, H, d]
        relW = samRelativePositions(static_cast<int>(w), static_cast<int>(w), rel_pos_w); // [W, W, d]
    }
    const torch::Tensor qGrid = q.view({bh, h, w, headDim});
    torch::Tensor out = torch::empty({bh, tokens, headDim}, q.options());
    const std::int64_t rowBytes = bh * w * tokens * static_cast<std::int64_t>(sizeof(float));
    const std::int64_t rowsPerBlock = std::clamp<std::int64_t>(scoreBlockBytes / rowBytes, 1, h);
    for (std::int64_t r0 = 0; r0 < h; r0 += rowsPerBlock) {
        const std::int64_t rows = std::min(rowsPerBlock, h - r0);
        const torch::Tensor qRows = qGrid.narrow(1, r0, rows);             // [BH, rows, W, d]
        const torch::Tensor qFlat = qRows.reshape({bh, rows * w, headDim});
        torch::Tensor scores = torch::bmm(qFlat * scale, keysT);           // [BH, rows*W, HW]
        if (m_useRelPos) {
            // add_decomposed_rel_pos: the unscaled query against the row and column tables.
            const torch::Tensor termH = torch::einsum("bhwc,hkc->bhwk", {qRows, relH.narrow(0, r0, rows)}); // [BH, rows, W, H]
            const torch::Tensor termW = torch::einsum("bhwc,wkc->bhwk", {qRows, relW});                      // [BH, rows, W, W]
            scores.view({bh, rows, w, h, w}).add_(termH.unsqueeze(-1)).add_(termW.unsqueeze(-2));
        }
        scores = torch::softmax(scores, -1);
        torch::Tensor o = out.narrow(1, r0 * w, rows * w);
        at::bmm_out(o, scores, v);
    }
    // [B, heads, H, W, d] -> [B, H, W, C]
    const torch::Tensor merged = out.view({b, heads, h, w, headDim}).permute({0, 2, 3, 1, 4}).reshape({b, h, w, c});
    return proj->forward(merged);
}

SamViTBlockImpl::SamViTBlockImpl(const SamViTConfig& config, int windowSize) : m_windowSize(windowSize) {
    const int dim = config.embedDim;
    norm1 = register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(1e-6)));
    attn = register_module("attn", SamViTAttention(dim, config.numHeads, config.qkvBias, config.useRelPos,
                                                   windowSize > 0 ? windowSize : config.grid()));
    norm2 = register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(1e-6)));
    mlp = register_module("mlp", SamMLPBlock(dim, static_cast<int>(dim * config.mlpRatio), SamActivation::GELU));
}

torch::Tensor SamViTBlockImpl::forward(const torch::Tensor& x) {
    torch::Tensor h = norm1->forward(x);
    if (m_windowSize > 0) {
        const std::pair<int64_t, int64_t> original{h.size(1), h.size(2)};
        auto [windows, padded] = samWindowPartition(h, m_windowSize);
        h = samWindowUnpartition(attn->forward(windows), m_windowSize, padded, original);
    } else {
        h = attn->forward(h);
    }
    const torch::Tensor y = x + h;
    return y + mlp->forward(norm2->forward(y));
}

ImageEncoderViTImpl::ImageEncoderViTImpl(const SamViTConfig& config) : m_config(config) {
    patch_embed = register_module("patch_embed", SamPatchEmbed(config.patchSize, config.inChans, config.embedDim));
    if (config.useAbsPos) {
        pos_embed = register_parameter("pos_embed", torch::zeros({1, config.grid(), config.grid(), config.embedDim}));
    }
    blocks = register_module("blocks", torch::nn::ModuleList());
    for (int i = 0; i < config.depth; ++i) {
        const bool global = std::find(config.globalAttnIndexes.begin(), config.globalAttnIndexes.end(), i) !=
                            config.globalAttnIndexes.end();
        blockList.push_back(SamViTBlock(config, global ? 0 : config.windowSize));
        blocks->push_back(blockList.back());
    }
    neck = register_module("neck", torch::nn::Sequential(
        torch::nn::Conv2d(torch::nn::Conv2dOptions(config.embedDim, config.outChans, 1).bias(false)),
        SamLayerNorm2d(config.outChans),
        torch::nn::Conv2d(torch::nn::Conv2dOptions(config.outChans, config.outChans, 3).padding(1).bias(false)),
        SamLayerNorm2d(config.outChans)));
}

torch::Tensor ImageEncoderViTImpl::forward(const torch::Tensor& input, const std::function<bool()>& shouldStop) {
    torch::Tensor x = patch_embed->forward(input); // [B, g, g, E]
    if (pos_embed.defined()) x = x + pos_embed;
    for (SamViTBlock& block : blockList) {
        if (shouldStop && shouldStop()) return {};
        x = block->forward(x);
    }
    return neck->forward(x.permute({0, 3, 1, 2})); // [B, outChans, g, g]
}

} // namespace atelier::engine
