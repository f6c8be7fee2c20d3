// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sam/two_way_transformer.h"

#include <cmath>

namespace atelier::engine {
namespace {

torch::nn::LayerNorm layerNorm(int dim) { return torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(1e-5)); }

} // namespace

SamAttentionImpl::SamAttentionImpl(int embeddingDim, int numHeads, int downsampleRate) : m_numHeads(numHeads) {
    const int internal = embeddingDim / downsampleRate;
    q_proj = register_module("q_proj", torch::nn::Linear(embeddingDim, internal));
    k_proj = register_module("k_proj", torch::nn::Linear(embeddingDim, internal));
    v_proj = register_module("v_proj", torch::nn::Linear(embeddingDim, internal));
    out_proj = register_module("out_proj", torch::nn::Linear(internal, embeddingDim));
}

torch::Tensor SamAttentionImpl::forward(const torch::Tensor& qIn, const torch::Tensor& kIn, const torch::Tensor& vIn) {
    // [B, N, C'] -> [B, heads, N, C'/heads]
    const auto split = [this](const torch::Tensor& t) {
        return t.view({t.size(0), t.size(1), m_numHeads, t.size(2) / m_numHeads}).transpose(1, 2);
    };
    torch::Tensor q = split(q_proj->forward(qIn)), k = split(k_proj->forward(kIn));
    const torch::Tensor v = split(v_proj->forward(vIn));
    // Scale the shorter side by 1/sqrt(d) (the 7 tokens, not the 4096 image positions).
    const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(3)));
    if (q.size(2) <= k.size(2)) {
        q = q * scale;
    } else {
        k = k * scale;
    }
    const torch::Tensor attn = torch::softmax(torch::matmul(q, k.transpose(2, 3)), -1);
    torch::Tensor out = torch::matmul(attn, v).transpose(1, 2); // [B, N, heads, d]
    return out_proj->forward(out.reshape({out.size(0), out.size(1), -1}));
}

SamTwoWayAttentionBlockImpl::SamTwoWayAttentionBlockImpl(int dim, int numHeads, int mlpDim, int downsampleRate,
                                                         bool skipFirstLayerPe)
    : m_skipFirstLayerPe(skipFirstLayerPe) {
    self_attn = register_module("self_attn", SamAttention(dim, numHeads));
    norm1 = register_module("norm1", layerNorm(dim));
    cross_attn_token_to_image = register_module("cross_attn_token_to_image", SamAttention(dim, numHeads, downsampleRate));
    norm2 = register_module("norm2", layerNorm(dim));
    mlp = register_module("mlp", SamMLPBlock(dim, mlpDim, SamActivation::ReLU));
    norm3 = register_module("norm3", layerNorm(dim));
    norm4 = register_module("norm4", layerNorm(dim));
    cross_attn_image_to_token = register_module("cross_attn_image_to_token", SamAttention(dim, numHeads, downsampleRate));
}

std::pair<torch::Tensor, torch::Tensor> SamTwoWayAttentionBlockImpl::forward(torch::Tensor queries, torch::Tensor keys,
                                                                             const torch::Tensor& queryPe,
                                                                             const torch::Tensor& keyPe) {
    if (m_skipFirstLayerPe) {
        queries = self_attn->forward(queries, queries, queries);
    } else {
        const torch::Tensor q = queries + queryPe;
        queries = queries + self_attn->forward(q, q, queries);
    }
    queries = norm1->forward(queries);

    // keys + keyPe serves both cross attentions: keys change only at the end of the block.
    const torch::Tensor k = keys + keyPe;
    torch::Tensor q = queries + queryPe;
    queries = norm2->forward(queries + cross_attn_token_to_image->forward(q, k, keys));
    queries = norm3->forward(queries + mlp->forward(queries));

    q = queries + queryPe;
    keys = norm4->forward(keys + cross_attn_image_to_token->forward(k, q, queries));
    return {queries, keys};
}

SamTwoWayTransformerImpl::SamTwoWayTransformerImpl(int depth, int dim, int numHeads, int mlpDim, int downsampleRate) {
    layers = register_module("layers", torch::nn::ModuleList());
    for (int i = 0; i < depth; ++i) {
        m_layers.push_back(SamTwoWayAttentionBlock(dim, numHeads, mlpDim, downsampleRate, i == 0));
        layers->push_back(m_layers.back());
    }
    final_attn_token_to_image = register_module("final_attn_token_to_image", SamAttention(dim, numHeads, downsampleRate));
    norm_final_attn = register_module("norm_final_attn", layerNorm(dim));
}

std::pair<torch::Tensor, torch::Tensor> SamTwoWayTransformerImpl::forward(const torch::Tensor& image,
                                                                          const torch::Tensor& imagePe,
                                                                          const torch::Tensor& tokens) {
    // [B, C, h, w] -> [B, hw, C], made contiguous once (every projection reads them).
    const torch::Tensor keyPe = imagePe.flatten(2).transpose(1, 2).contiguous();
    torch::Tensor keys = image.flatten(2).transpose(1, 2).contiguous();
    torch::Tensor queries = tokens;
    for (SamTwoWayAttentionBlock& layer : m_layers) {
        std::tie(queries, keys) = layer->forward(queries, keys, tokens, keyPe);
    }
    const torch::Tensor q = queries + tokens, k = keys + keyPe;
    queries = norm_final_attn->forward(queries + final_attn_token_to_image->forward(q, k, keys));
    return {queries, keys};
}

} // namespace atelier::engine
