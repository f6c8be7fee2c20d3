// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/models/attention.h"

#include "engine/models/resnet.h"

#include <algorithm>
#include <cmath>

namespace F = torch::nn::functional;

namespace atelier::engine {
namespace {

// softmax(scale * q k^T) v for q [N, L, d], k [N, S, d], v [N, S, dv].
// All heads at once, queries in blocks whose [N, rows, S] scores fit
// Attention::kScoreBlockBytes, written into one reused buffer and normalised in place, so
// the whole score matrix is never materialised.
torch::Tensor scaledDotProductAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v) {
    const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(2)));
    const std::int64_t heads = q.size(0), length = q.size(1), keys = k.size(1);
    const std::int64_t block = std::clamp<std::int64_t>(Attention::kScoreBlockBytes / (heads * keys * static_cast<std::int64_t>(sizeof(float))), 1, length);
    const torch::Tensor keysT = k.transpose(1, 2); // [N, d, S]
    const bool upcast = q.scalar_type() != torch::kFloat32;
    if (block == length && !upcast) {
        torch::Tensor s = torch::baddbmm(torch::empty({heads, length, keys}, q.options()), q, keysT, 0, scale);
        at::_softmax_out(s, s, -1, false);
        return torch::bmm(s, v);
    }
    torch::Tensor out = torch::empty({heads, length, v.size(2)}, q.options());
    torch::Tensor scores = torch::empty({heads, block, keys}, q.options());
    torch::Tensor scores32 = upcast ? torch::empty({heads, block, keys}, q.options().dtype(torch::kFloat32)) : scores;
    for (std::int64_t start = 0; start < length; start += block) {
        const std::int64_t rows = std::min(block, length - start);
        torch::Tensor s = scores.narrow(1, 0, rows);
        at::baddbmm_out(s, s, q.narrow(1, start, rows), keysT, 0, scale);
        if (upcast) { // softmax in float32 (diffusers' upcast_softmax)
            torch::Tensor s32 = scores32.narrow(1, 0, rows);
            s32.copy_(s);
            at::_softmax_out(s32, s32, -1, false);
            s.copy_(s32);
        } else {
            at::_softmax_out(s, s, -1, false);
        }
        torch::Tensor o = out.narrow(1, start, rows);
        at::bmm_out(o, s, v);
    }
    return out;
}

} // namespace

Attention::Attention(const Options& o) : m_options(o) {
    const int inner = o.heads * o.headDim;
    const int contextDim = o.contextDim > 0 ? o.contextDim : o.queryDim;
    if (o.groupNormGroups > 0) group_norm = register_module("group_norm", groupNorm(o.groupNormGroups, o.queryDim, o.groupNormEps));
    to_q = register_module("to_q", torch::nn::Linear(torch::nn::LinearOptions(o.queryDim, inner).bias(o.qkvBias)));
    to_k = register_module("to_k", torch::nn::Linear(torch::nn::LinearOptions(contextDim, inner).bias(o.qkvBias)));
    to_v = register_module("to_v", torch::nn::Linear(torch::nn::LinearOptions(contextDim, inner).bias(o.qkvBias)));
    to_out = register_module("to_out", torch::nn::Sequential(torch::nn::Linear(inner, o.queryDim)));
}

torch::Tensor Attention::forward(const torch::Tensor& input, const torch::Tensor& context) {
    const bool spatial = input.dim() == 4;
    torch::Tensor x = input;
    int64_t b = input.size(0), c = 0, h = 0, w = 0;
    if (spatial) {
        c = input.size(1), h = input.size(2), w = input.size(3);
        x = input.view({b, c, h * w}).transpose(1, 2); // [B, HW, C]
    }
    if (group_norm) x = group_norm->forward(x.transpose(1, 2)).transpose(1, 2);
    const torch::Tensor ctx = context.defined() ? context : x;
    const int heads = m_options.heads, d = m_options.headDim;
    // [B, L, H*d] -> [B*H, L, d]
    const auto split = [b, heads, d](const torch::Tensor& t) {
        return t.reshape({b, t.size(1), heads, d}).permute({0, 2, 1, 3}).reshape({b * heads, t.size(1), d});
    };
    const torch::Tensor q = split(to_q->forward(x)), k = split(to_k->forward(ctx)), v = split(to_v->forward(ctx));
    torch::Tensor out = scaledDotProductAttention(q, k, v); // [B*H, L, d]
    const int64_t len = out.size(1);
    out = out.reshape({b, heads, len, d}).permute({0, 2, 1, 3}).reshape({b, len, heads * d});
    out = to_out->forward(out);
    if (spatial) {
        out = out.transpose(1, 2).reshape({b, c, h, w});
        out = out + input; // residual_connection (VAE mid block)
    }
    return out;
}

FeedForward::FeedForward(int dim, int inner) {
    // Registered as net.0.proj and net.2 to match diffusers' nn.ModuleList layout.
    auto net = register_module("net", torch::nn::ModuleList());
    auto geglu = std::make_shared<torch::nn::Module>();
    proj = geglu->register_module("proj", torch::nn::Linear(dim, 2 * inner));
    net->push_back(geglu);
    net->push_back(torch::nn::Dropout(0.0));
    out = torch::nn::Linear(inner, dim);
    net->push_back(out);
}

torch::Tensor FeedForward::forward(const torch::Tensor& x) {
    const auto parts = proj->forward(x).chunk(2, -1);
    return out->forward(parts[0] * F::gelu(parts[1]));
}

BasicTransformerBlock::BasicTransformerBlock(int dim, int heads, int headDim, int contextDim) {
    norm1 = register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(1e-5)));
    attn1 = register_module("attn1", std::make_shared<Attention>(Attention::Options{dim, 0, heads, headDim}));
    norm2 = register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(1e-5)));
    attn2 = register_module("attn2", std::make_shared<Attention>(Attention::Options{dim, contextDim, heads, headDim}));
    norm3 = register_module("norm3", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(1e-5)));
    ff = register_module("ff", std::make_shared<FeedForward>(dim, 4 * dim));
}

torch::Tensor BasicTransformerBlock::forward(const torch::Tensor& x, const torch::Tensor& context) {
    torch::Tensor h = attn1->forward(norm1->forward(x)) + x;
    h = attn2->forward(norm2->forward(h), context) + h;
    return ff->forward(norm3->forward(h)) + h;
}

Transformer2DModel::Transformer2DModel(int channels, int heads, int contextDim, int groups, int layers,
                                       bool linearProjection)
    : m_linear(linearProjection) {
    norm = register_module("norm", groupNorm(groups, channels, 1e-6));
    if (linearProjection) {
        proj_in = torch::nn::AnyModule(register_module("proj_in", torch::nn::Linear(channels, channels)));
    } else {
        proj_in = torch::nn::AnyModule(register_module("proj_in", conv2d(channels, channels, 1)));
    }
    transformer_blocks = register_module("transformer_blocks", torch::nn::ModuleList());
    for (int i = 0; i < layers; ++i) {
        transformer_blocks->push_back(std::make_shared<BasicTransformerBlock>(channels, heads, channels / heads, contextDim));
    }
    if (linearProjection) {
        proj_out = torch::nn::AnyModule(register_module("proj_out", torch::nn::Linear(channels, channels)));
    } else {
        proj_out = torch::nn::AnyModule(register_module("proj_out", conv2d(channels, channels, 1)));
    }
}

torch::Tensor Transformer2DModel::forward(const torch::Tensor& x, const torch::Tensor& context) {
    const int64_t b = x.size(0), h = x.size(2), w = x.size(3);
    torch::Tensor t = norm->forward(x);
    const auto toTokens = [&](const torch::Tensor& s) { return s.permute({0, 2, 3, 1}).reshape({b, h * w, s.size(1)}); };
    const auto toImage = [&](const torch::Tensor& s) { return s.reshape({b, h, w, s.size(2)}).permute({0, 3, 1, 2}).contiguous(); };
    if (m_linear) {
        t = proj_in.forward(toTokens(t));
    } else {
        t = toTokens(proj_in.forward(t));
    }
    for (const auto& block : *transformer_blocks) t = block->as<BasicTransformerBlock>()->forward(t, context);
    if (m_linear) {
        t = toImage(proj_out.forward(t));
    } else {
        t = proj_out.forward(toImage(t));
    }
    return t + x;
}

} // namespace atelier::engine
