// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sam/two_way_transformer.h"

namespace atelier::engine {
namespace {

torch::nn::LayerNorm layerNorm(int dim) { return torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(1e-5)); }

} // namespace

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
                                                                             const torch::Tensor& keyPe,
                                                                             const SamFirstLayerCache* cache) {
    if (m_skipFirstLayerPe) {
        queries = self_attn->forward(queries, queries, queries);
    } else {
        const torch::Tensor q = queries + queryPe;
        queries = queries + self_attn->forward(q, q, queries);
    }
    queries = norm1->forward(queries);

    // keys + keyPe serves both cross attentions: keys change only at the end of the block.
    // With the first layer's cache neither needs it.
    const torch::Tensor k = cache ? torch::Tensor() : keys + keyPe;
    torch::Tensor q = queries + queryPe;
    queries = norm2->forward(cache ? cross_attn_token_to_image->forwardProjectedKeys(q, cache->tokenToImageKeysT,
                                                                                      cache->tokenToImageValues, queries)
                                   : cross_attn_token_to_image->forward(q, k, keys, queries));
    queries = norm3->forward(queries + mlp->forward(queries));

    q = queries + queryPe;
    keys = norm4->forward(cache ? cross_attn_image_to_token->forwardProjectedQueries(cache->imageToTokenQueriesT, q,
                                                                                      queries, keys)
                                : cross_attn_image_to_token->forward(k, q, queries, keys));
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

void SamTwoWayTransformerImpl::setCrossAttentionForm(SamAttentionForm form) {
    for (SamTwoWayAttentionBlock& layer : m_layers) {
        layer->cross_attn_token_to_image->setForm(form);
        layer->cross_attn_image_to_token->setForm(form);
    }
    final_attn_token_to_image->setForm(form);
}

SamFirstLayerCache SamTwoWayTransformerImpl::firstLayerCache(const torch::Tensor& image, const torch::Tensor& imagePe) {
    const torch::Tensor keys = image.flatten(2).transpose(1, 2).contiguous();
    const torch::Tensor k = keys + imagePe.flatten(2).transpose(1, 2);
    SamTwoWayAttentionBlockImpl& first = *m_layers.front();
    return {first.cross_attn_token_to_image->projectHeadsTransposed(first.cross_attn_token_to_image->k_proj, k),
            first.cross_attn_token_to_image->projectHeads(first.cross_attn_token_to_image->v_proj, keys),
            first.cross_attn_image_to_token->projectHeadsTransposed(first.cross_attn_image_to_token->q_proj, k)};
}

std::pair<torch::Tensor, torch::Tensor> SamTwoWayTransformerImpl::forward(const torch::Tensor& image,
                                                                          const torch::Tensor& imagePe,
                                                                          const torch::Tensor& tokens,
                                                                          const SamFirstLayerCache* cache) {
    // [B, C, h, w] -> [B, hw, C], made contiguous once (every projection reads them).
    const torch::Tensor keyPe = imagePe.flatten(2).transpose(1, 2).contiguous();
    torch::Tensor keys = image.flatten(2).transpose(1, 2).contiguous();
    torch::Tensor queries = tokens;
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        std::tie(queries, keys) = m_layers[i]->forward(queries, keys, tokens, keyPe, i == 0 ? cache : nullptr);
    }
    const torch::Tensor q = queries + tokens, k = keys + keyPe;
    queries = norm_final_attn->forward(final_attn_token_to_image->forward(q, k, keys, queries));
    return {queries, keys};
}

} // namespace atelier::engine
