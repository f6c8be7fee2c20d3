// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (uses torch): SAM's two-way transformer (modeling/transformer.py).
#pragma once

#include "engine/sam/sam_attention.h"
#include "engine/sam/sam_common.h"

#include <torch/torch.h>

#include <utility>
#include <vector>

namespace atelier::engine {

/// What the first two-way layer computes from the image tokens alone: with no
/// mask prompt the decoder's image input is the embedding plus one constant
/// vector, the same for every click, so these projections are made once per
/// image (SamTwoWayTransformerImpl::firstLayerCache) instead of per click.
/// Batch 1; they serve any number of prompt sets.
struct SamFirstLayerCache {
    torch::Tensor tokenToImageKeysT;    ///< k_proj(keys + PE), [1, heads, d, N]
    torch::Tensor tokenToImageValues;   ///< v_proj(keys), [1, heads, N, d]
    torch::Tensor imageToTokenQueriesT; ///< q_proj(keys + PE), [1, heads, d, N]
};

/// One layer: token self-attention (without positional encoding in the first
/// layer), token-to-image cross-attention, ReLU MLP, image-to-token
/// cross-attention; each followed by a LayerNorm (norm1..norm4, eps 1e-5).
class SamTwoWayAttentionBlockImpl : public torch::nn::Module {
public:
    SamTwoWayAttentionBlockImpl(int dim, int numHeads, int mlpDim, int downsampleRate, bool skipFirstLayerPe);
    /// queries [B, Nq, C], keys [B, HW, C] with their positional encodings -> (queries, keys).
    /// `cache` (optional): this layer's projections of these keys (first layer only).
    std::pair<torch::Tensor, torch::Tensor> forward(torch::Tensor queries, torch::Tensor keys,
                                                    const torch::Tensor& queryPe, const torch::Tensor& keyPe,
                                                    const SamFirstLayerCache* cache = nullptr);

    SamAttention self_attn{nullptr}, cross_attn_token_to_image{nullptr}, cross_attn_image_to_token{nullptr};
    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr}, norm3{nullptr}, norm4{nullptr};
    SamMLPBlock mlp{nullptr};

private:
    bool m_skipFirstLayerPe;
};
TORCH_MODULE(SamTwoWayAttentionBlock);

/// SAM's TwoWayTransformer: `depth` two-way layers, then a final token-to-image
/// attention and norm_final_attn.
class SamTwoWayTransformerImpl : public torch::nn::Module {
public:
    SamTwoWayTransformerImpl(int depth, int dim, int numHeads, int mlpDim, int downsampleRate);
    /// image [B, C, h, w], imagePe [B, C, h, w], tokens [B, N, C] ->
    /// (queries [B, N, C], keys [B, h*w, C]).
    /// `cache` (optional): firstLayerCache() of this same `image` and `imagePe`.
    std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor& image, const torch::Tensor& imagePe,
                                                    const torch::Tensor& tokens, const SamFirstLayerCache* cache = nullptr);
    /// The first layer's projections of image [1, C, h, w] with imagePe [1, C, h, w].
    SamFirstLayerCache firstLayerCache(const torch::Tensor& image, const torch::Tensor& imagePe);

    /// Sets the form of every token-to-image and image-to-token attention (checks and benchmarks).
    void setCrossAttentionForm(SamAttentionForm form);

    torch::nn::ModuleList layers{nullptr};
    SamAttention final_attn_token_to_image{nullptr};
    torch::nn::LayerNorm norm_final_attn{nullptr};

private:
    std::vector<SamTwoWayAttentionBlock> m_layers;
};
TORCH_MODULE(SamTwoWayTransformer);

} // namespace atelier::engine
