// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (uses torch): SAM's two-way transformer (modeling/transformer.py).
#pragma once

#include "engine/sam/sam_attention.h"
#include "engine/sam/sam_common.h"

#include <torch/torch.h>

#include <utility>
#include <vector>

namespace atelier::engine {

/// One layer: token self-attention (without positional encoding in the first
/// layer), token-to-image cross-attention, ReLU MLP, image-to-token
/// cross-attention; each followed by a LayerNorm (norm1..norm4, eps 1e-5).
class SamTwoWayAttentionBlockImpl : public torch::nn::Module {
public:
    SamTwoWayAttentionBlockImpl(int dim, int numHeads, int mlpDim, int downsampleRate, bool skipFirstLayerPe);
    /// queries [B, Nq, C], keys [B, HW, C] with their positional encodings -> (queries, keys).
    std::pair<torch::Tensor, torch::Tensor> forward(torch::Tensor queries, torch::Tensor keys,
                                                    const torch::Tensor& queryPe, const torch::Tensor& keyPe);

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
    std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor& image, const torch::Tensor& imagePe,
                                                    const torch::Tensor& tokens);

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
