// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/clip/clip_text_model.h"

#include "core/error.h"

#include <cmath>
#include <limits>

namespace atelier::engine {

/// One pre-LN transformer layer: causal self-attention and an MLP, each with a residual.
struct CLIPEncoderLayer : torch::nn::Module {
    CLIPEncoderLayer(const CLIPTextConfig& c) : m_heads(c.numAttentionHeads), m_quickGelu(c.hiddenAct == "quick_gelu") {
        const int d = c.hiddenSize;
        auto attn = register_module("self_attn", std::make_shared<torch::nn::Module>());
        q_proj = attn->register_module("q_proj", torch::nn::Linear(d, d));
        k_proj = attn->register_module("k_proj", torch::nn::Linear(d, d));
        v_proj = attn->register_module("v_proj", torch::nn::Linear(d, d));
        out_proj = attn->register_module("out_proj", torch::nn::Linear(d, d));
        layer_norm1 = register_module("layer_norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d}).eps(c.layerNormEps)));
        auto mlp = register_module("mlp", std::make_shared<torch::nn::Module>());
        fc1 = mlp->register_module("fc1", torch::nn::Linear(d, c.intermediateSize));
        fc2 = mlp->register_module("fc2", torch::nn::Linear(c.intermediateSize, d));
        layer_norm2 = register_module("layer_norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d}).eps(c.layerNormEps)));
    }

    // x [B, L, D], mask [L, L] additive causal mask.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& mask) {
        const int64_t b = x.size(0), l = x.size(1), d = x.size(2), hd = d / m_heads;
        torch::Tensor h = layer_norm1->forward(x);
        const double scale = 1.0 / std::sqrt(static_cast<double>(hd));
        const auto heads = [&](const torch::Tensor& t) { return t.view({b, l, m_heads, hd}).transpose(1, 2); }; // [B, H, L, hd]
        const torch::Tensor q = heads(q_proj->forward(h) * scale), k = heads(k_proj->forward(h)), v = heads(v_proj->forward(h));
        torch::Tensor w = torch::matmul(q, k.transpose(-1, -2)) + mask; // [B, H, L, L]
        w = torch::softmax(w, -1);
        h = torch::matmul(w, v).transpose(1, 2).reshape({b, l, d});
        h = x + out_proj->forward(h);
        torch::Tensor m = fc1->forward(layer_norm2->forward(h));
        m = m_quickGelu ? m * torch::sigmoid(1.702 * m) : torch::gelu(m);
        return h + fc2->forward(m);
    }

    int m_heads;
    bool m_quickGelu;
    torch::nn::Linear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, out_proj{nullptr}, fc1{nullptr}, fc2{nullptr};
    torch::nn::LayerNorm layer_norm1{nullptr}, layer_norm2{nullptr};
};

CLIPTextModel::CLIPTextModel(const CLIPTextConfig& c) : m_config(c) {
    text_model = register_module("text_model", std::make_shared<torch::nn::Module>());
    auto embeddings = text_model->register_module("embeddings", std::make_shared<torch::nn::Module>());
    token_embedding = embeddings->register_module("token_embedding", torch::nn::Embedding(c.vocabSize, c.hiddenSize));
    position_embedding = embeddings->register_module("position_embedding",
                                                     torch::nn::Embedding(c.maxPositionEmbeddings, c.hiddenSize));
    auto encoder = text_model->register_module("encoder", std::make_shared<torch::nn::Module>());
    layers = encoder->register_module("layers", torch::nn::ModuleList());
    for (int i = 0; i < c.numHiddenLayers; ++i) layers->push_back(std::make_shared<CLIPEncoderLayer>(c));
    final_layer_norm = text_model->register_module(
        "final_layer_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hiddenSize}).eps(c.layerNormEps)));
}

CLIPTextOutput CLIPTextModel::forward(const torch::Tensor& ids) {
    const int64_t l = ids.size(1);
    if (l > m_config.maxPositionEmbeddings) throw Error("CLIP: sequence longer than the position table");
    const torch::Tensor positions = torch::arange(l, torch::TensorOptions().dtype(torch::kInt64).device(ids.device()));
    torch::Tensor h = token_embedding->forward(ids) + position_embedding->forward(positions).unsqueeze(0);
    const auto dtype = h.scalar_type();
    const torch::Tensor mask =
        torch::full({l, l}, std::numeric_limits<float>::lowest(), h.options()).triu(1).to(dtype); // causal
    CLIPTextOutput out;
    out.hiddenStates.push_back(h);
    for (const auto& layer : *layers) {
        h = layer->as<CLIPEncoderLayer>()->forward(h, mask);
        out.hiddenStates.push_back(h);
    }
    out.lastHiddenState = final_layer_norm->forward(h);
    torch::Tensor eos = m_config.eosTokenId == 2 ? ids.argmax(-1)
                                                 : (ids == m_config.eosTokenId).to(torch::kInt32).argmax(-1);
    out.pooled = out.lastHiddenState.index({torch::arange(ids.size(0), eos.options()), eos});
    return out;
}

torch::Tensor CLIPTextModel::encode(const torch::Tensor& ids, int clipSkip) {
    CLIPTextOutput out = forward(ids);
    if (clipSkip <= 0) return out.lastHiddenState;
    const int index = static_cast<int>(out.hiddenStates.size()) - 1 - clipSkip;
    if (index < 0) throw Error("clip_skip is larger than the text encoder's depth");
    return final_layer_norm->forward(out.hiddenStates[index]);
}

} // namespace atelier::engine
