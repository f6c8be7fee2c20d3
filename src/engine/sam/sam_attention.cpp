// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sam/sam_attention.h"

#include <cmath>

namespace atelier::engine {

SamAttentionImpl::SamAttentionImpl(int embeddingDim, int numHeads, int downsampleRate) : m_numHeads(numHeads) {
    const int internal = embeddingDim / downsampleRate;
    q_proj = register_module("q_proj", torch::nn::Linear(embeddingDim, internal));
    k_proj = register_module("k_proj", torch::nn::Linear(embeddingDim, internal));
    v_proj = register_module("v_proj", torch::nn::Linear(embeddingDim, internal));
    out_proj = register_module("out_proj", torch::nn::Linear(internal, embeddingDim));
}

bool SamAttentionImpl::lowRankIsCheaper(std::int64_t few) const {
    // Projected: 2 N Ci (C + T) multiply-adds; low-rank: 2 N C heads T (N cancels).
    const std::int64_t c = q_proj->weight.size(1), ci = q_proj->weight.size(0);
    return c * m_numHeads * few < ci * (c + few);
}

torch::Tensor SamAttentionImpl::forward(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                        const torch::Tensor& residual) {
    const std::int64_t nq = q.size(1), nk = k.size(1);
    const bool lowRank = m_form == SamAttentionForm::LowRank ||
                         (m_form == SamAttentionForm::Auto && lowRankIsCheaper(std::min(nq, nk)));
    if (lowRank && nk <= nq) return forwardFewKeys(q, k, v, residual);
    torch::Tensor out = lowRank ? forwardFewQueries(q, k, v) : forwardProjected(q, k, v);
    return residual.defined() ? out.add_(residual) : out;
}

torch::Tensor SamAttentionImpl::forwardProjected(const torch::Tensor& qIn, const torch::Tensor& kIn,
                                                 const torch::Tensor& vIn) {
    // [B, N, Ci] -> [B, heads, N, Ci/heads]
    const auto split = [this](const torch::Tensor& t) {
        return t.view({t.size(0), t.size(1), m_numHeads, t.size(2) / m_numHeads}).transpose(1, 2);
    };
    torch::Tensor q = split(q_proj->forward(qIn)), k = split(k_proj->forward(kIn));
    const torch::Tensor v = split(v_proj->forward(vIn));
    // Scale the shorter side by 1/sqrt(d) (the tokens, not the image positions).
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

torch::Tensor SamAttentionImpl::forwardFewQueries(const torch::Tensor& qIn, const torch::Tensor& kIn,
                                                  const torch::Tensor& vIn) {
    const std::int64_t b = qIn.size(0), t = qIn.size(1), c = kIn.size(2), heads = m_numHeads;
    const std::int64_t ci = q_proj->weight.size(0), d = ci / heads;
    const double scale = 1.0 / std::sqrt(static_cast<double>(d));
    // a_h = q_h W_k,h / sqrt(d): each head's query as a vector over the C input channels.
    const torch::Tensor q = q_proj->forward(qIn).view({b, t, heads, d}).permute({0, 2, 1, 3}); // [B, H, T, d]
    const torch::Tensor a = torch::matmul(q, k_proj->weight.view({heads, d, c})).mul_(scale).reshape({b, heads * t, c});
    // One product for all heads and tokens against the raw keys; b_k drops out of the softmax.
    const torch::Tensor p = torch::softmax(torch::matmul(a, kIn.transpose(1, 2)), -1); // [B, H*T, N]
    // Weighted sums of the raw values, then W_v per head (+ b_v: the weights sum to one).
    const torch::Tensor s = torch::matmul(p, vIn).view({b, heads, t, c});                 // [B, H, T, C]
    torch::Tensor out = torch::matmul(s, v_proj->weight.view({heads, d, c}).transpose(1, 2)); // [B, H, T, d]
    if (v_proj->bias.defined()) out.add_(v_proj->bias.view({heads, 1, d}));
    return out_proj->forward(out.permute({0, 2, 1, 3}).reshape({b, t, ci}));
}

torch::Tensor SamAttentionImpl::projectHeadsTransposed(const torch::nn::Linear& projection,
                                                       const torch::Tensor& x) const {
    const std::int64_t n = x.size(1), d = projection->weight.size(0) / m_numHeads;
    return torch::linear(x, projection->weight, projection->bias).view({1, n, m_numHeads, d}).permute({0, 2, 3, 1}).contiguous();
}

torch::Tensor SamAttentionImpl::projectHeads(const torch::nn::Linear& projection, const torch::Tensor& x) const {
    const std::int64_t n = x.size(1), d = projection->weight.size(0) / m_numHeads;
    return torch::linear(x, projection->weight, projection->bias).view({1, n, m_numHeads, d}).permute({0, 2, 1, 3}).contiguous();
}

torch::Tensor SamAttentionImpl::forwardProjectedKeys(const torch::Tensor& qIn, const torch::Tensor& keysT,
                                                     const torch::Tensor& values, const torch::Tensor& residual) {
    const std::int64_t b = qIn.size(0), t = qIn.size(1), heads = m_numHeads, d = keysT.size(2);
    const double scale = 1.0 / std::sqrt(static_cast<double>(d));
    const torch::Tensor q = q_proj->forward(qIn).mul_(scale).view({b, t, heads, d}).permute({0, 2, 1, 3});
    const torch::Tensor p = torch::softmax(torch::matmul(q, keysT), -1); // [B, H, T, N]
    const torch::Tensor out = torch::matmul(p, values).permute({0, 2, 1, 3}).reshape({b, t, heads * d});
    torch::Tensor projected = out_proj->forward(out);
    return residual.defined() ? projected.add_(residual) : projected;
}

torch::Tensor SamAttentionImpl::forwardProjectedQueries(const torch::Tensor& queriesT, const torch::Tensor& kIn,
                                                        const torch::Tensor& vIn, const torch::Tensor& residual) {
    const std::int64_t b = kIn.size(0), t = kIn.size(1), c = kIn.size(2), heads = m_numHeads, d = queriesT.size(2);
    const std::int64_t n = queriesT.size(3);
    const double scale = 1.0 / std::sqrt(static_cast<double>(d));
    const torch::Tensor k = k_proj->forward(kIn).mul_(scale).view({b, t, heads, d}).permute({0, 2, 1, 3}); // [B, H, T, d]
    const torch::Tensor v = v_proj->forward(vIn).view({b, t, heads, d}).permute({0, 2, 1, 3});               // [B, H, T, d]
    // Logits [B, H, T, N]: the softmax over each head's T keys runs along dimension 2.
    const torch::Tensor p = torch::softmax(torch::matmul(k, queriesT), 2).view({b, heads * t, n});
    torch::Tensor m = torch::matmul(v, out_proj->weight.view({c, heads, d}).permute({1, 2, 0})).reshape({b, heads * t, c});
    if (out_proj->bias.defined()) m.add_(out_proj->bias / static_cast<double>(heads));
    const torch::Tensor pT = p.transpose(1, 2); // [B, N, H*T]
    return residual.defined() ? torch::baddbmm(residual, pT, m) : torch::matmul(pT, m);
}

torch::Tensor SamAttentionImpl::forwardFewKeys(const torch::Tensor& qIn, const torch::Tensor& kIn,
                                               const torch::Tensor& vIn, const torch::Tensor& residual) {
    const std::int64_t b = qIn.size(0), n = qIn.size(1), t = kIn.size(1), c = qIn.size(2), heads = m_numHeads;
    const std::int64_t ci = q_proj->weight.size(0), d = ci / heads;
    const double scale = 1.0 / std::sqrt(static_cast<double>(d));
    const torch::Tensor k = k_proj->forward(kIn).view({b, t, heads, d}).permute({0, 2, 1, 3}); // [B, H, T, d]
    const torch::Tensor v = v_proj->forward(vIn).view({b, t, heads, d}).permute({0, 2, 1, 3}); // [B, H, T, d]
    // g_h = k_h W_q,h / sqrt(d): each key as a vector over the C input channels, [B, H*T, C].
    const torch::Tensor g = torch::matmul(k, q_proj->weight.view({heads, d, c})).mul_(scale).reshape({b, heads * t, c});
    // Logits laid out [B, H*T, N]: the softmax then runs over each head's T rows for all N image
    // tokens at once (a softmax along a last dimension of only T values is 15x slower here).
    torch::Tensor logits;
    if (q_proj->bias.defined()) {
        const torch::Tensor gBias = torch::matmul(k, q_proj->bias.view({heads, d, 1})).mul_(scale); // [B, H, T, 1]
        logits = torch::baddbmm(gBias.reshape({b, heads * t, 1}), g, qIn.transpose(1, 2));
    } else {
        logits = torch::matmul(g, qIn.transpose(1, 2));
    }
    const torch::Tensor p = torch::softmax(logits.view({b, heads, t, n}), 2).view({b, heads * t, n});
    // m_h = v_h W_o,h^T: each token's value already through out_proj, [B, H*T, C].
    torch::Tensor m = torch::matmul(v, out_proj->weight.view({c, heads, d}).permute({1, 2, 0})).reshape({b, heads * t, c});
    // b_o / heads on every row: each head's weights sum to one, so the heads add up to b_o.
    if (out_proj->bias.defined()) m.add_(out_proj->bias / static_cast<double>(heads));
    const torch::Tensor pT = p.transpose(1, 2); // [B, N, H*T]
    return residual.defined() ? torch::baddbmm(residual, pT, m) : torch::matmul(pT, m);
}

} // namespace atelier::engine
