// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (uses torch): Segment Anything's ViT image encoder (modeling/image_encoder.py).
#pragma once

#include "engine/sam/sam_common.h"
#include "engine/sam/sam_config.h"

#include <torch/torch.h>

#include <functional>
#include <vector>

namespace atelier::engine {

/// Decomposed relative positions for `qSize` queries and `kSize` keys along one
/// axis: rel_pos [L, C] (linearly resized to 2 * max(q, k) - 1 rows when L
/// differs) indexed by the scaled query-key offset -> [qSize, kSize, C].
torch::Tensor samRelativePositions(int qSize, int kSize, const torch::Tensor& relPos);

/// Splits [B, H, W, C] into [B * nWindows, window, window, C] windows, zero-padding
/// H and W at the bottom/right to multiples of `window`. Returns the windows and
/// the padded (Hp, Wp).
std::pair<torch::Tensor, std::pair<int64_t, int64_t>> samWindowPartition(const torch::Tensor& x, int window);
/// Inverse of samWindowPartition: back to [B, H, W, C], dropping the padding.
torch::Tensor samWindowUnpartition(const torch::Tensor& windows, int window, std::pair<int64_t, int64_t> padded,
                                   std::pair<int64_t, int64_t> original);

/// Patch embedding: a patch x patch convolution with stride patch, "proj";
/// [B, C, H, W] -> [B, H/p, W/p, E] (channels last, as the blocks take it).
class SamPatchEmbedImpl : public torch::nn::Module {
public:
    SamPatchEmbedImpl(int patchSize, int inChans, int embedDim);
    torch::Tensor forward(const torch::Tensor& x);
    torch::nn::Conv2d proj{nullptr};
};
TORCH_MODULE(SamPatchEmbed);

/// Multi-head self-attention with decomposed relative position embeddings
/// (Li et al. 2022, "MViTv2"): qkv, proj, rel_pos_h [2S - 1, head_dim], rel_pos_w.
/// Queries run in blocks of image rows so the scores of a 64 x 64 global block
/// (4096 x 4096 per head) never exist at once. [B, H, W, C] -> [B, H, W, C].
class SamViTAttentionImpl : public torch::nn::Module {
public:
    /// `inputSize`: the token grid side the rel_pos tables are made for (grid or window).
    SamViTAttentionImpl(int dim, int numHeads, bool qkvBias, bool useRelPos, int inputSize);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Linear qkv{nullptr}, proj{nullptr};
    torch::Tensor rel_pos_h, rel_pos_w;

    /// Upper bound on one block of attention scores (64 MiB: 4 of 64 rows at a time
    /// for ViT-H's 16 heads on the 64 x 64 grid).
    static constexpr std::int64_t kScoreBlockBytes = 64ll << 20;
    std::int64_t scoreBlockBytes = kScoreBlockBytes; ///< tests lower it to exercise the blocking

private:
    int m_numHeads;
    bool m_useRelPos;
};
TORCH_MODULE(SamViTAttention);

/// A transformer block: norm1, attn (windowed when windowSize > 0, padding to
/// whole windows), norm2, mlp (GELU); LayerNorm eps 1e-6. [B, H, W, C] -> same.
class SamViTBlockImpl : public torch::nn::Module {
public:
    SamViTBlockImpl(const SamViTConfig& config, int windowSize);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr};
    SamViTAttention attn{nullptr};
    SamMLPBlock mlp{nullptr};

private:
    int m_windowSize;
};
TORCH_MODULE(SamViTBlock);

/// Segment Anything's image encoder (Kirillov et al. 2023; ViTDet-style
/// backbone): patch_embed, pos_embed [1, g, g, E], blocks.N, neck (1x1 conv,
/// LayerNorm2d, 3x3 conv, LayerNorm2d). Names equal segment_anything's under "image_encoder.".
class ImageEncoderViTImpl : public torch::nn::Module {
public:
    explicit ImageEncoderViTImpl(const SamViTConfig& config);
    /// [B, 3, S, S] normalised, padded image (S = imgSize) -> [B, outChans, S/p, S/p].
    /// `shouldStop` is asked before every block; when it says true the result is undefined.
    torch::Tensor forward(const torch::Tensor& x, const std::function<bool()>& shouldStop = {});

    const SamViTConfig& config() const { return m_config; }

    SamPatchEmbed patch_embed{nullptr};
    torch::Tensor pos_embed;
    torch::nn::ModuleList blocks{nullptr};
    torch::nn::Sequential neck{nullptr};
    std::vector<SamViTBlock> blockList; ///< the same modules as `blocks`, typed

private:
    SamViTConfig m_config;
};
TORCH_MODULE(ImageEncoderViT);

} // namespace atelier::engine
