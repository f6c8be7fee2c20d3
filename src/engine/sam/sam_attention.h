// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (uses torch): SAM's multi-head attention (modeling/transformer.py Attention).
#pragma once

#include <torch/torch.h>

namespace atelier::engine {

/// Which computation SamAttention::forward() runs (see SamAttentionImpl).
enum class SamAttentionForm {
    Auto,      ///< the one with fewer multiply-adds for the shapes at hand
    Projected, ///< segment_anything's as written
    LowRank,   ///< the low-rank rewrite on the shorter side (queries or keys)
};

/// Multi-head attention whose projections may shrink the width by
/// `downsampleRate` (q_proj, k_proj, v_proj: C -> Ci = C / rate; out_proj back
/// to C), scaled dot products (Vaswani et al. 2017) as segment_anything's
/// `Attention`. Names equal segment_anything's.
///
/// The mask decoder's cross attentions pair a few prompt tokens (T, about 7)
/// with all image tokens (N = 4096). When heads * T is small, forward() never
/// projects the N image tokens: it folds the projections into the few tokens'
/// side instead (a low-rank rewrite, exact up to float rounding):
/// - few queries: q_h . (W_k,h x + b_k,h) = (W_k,h^T q_h) . x + const, and the
///   constant cancels in the softmax; sum_n p_n (W_v,h x_n + b_v,h) =
///   W_v,h (sum_n p_n x_n) + b_v,h since the weights sum to one.
/// - few keys: (W_q,h x + b_q,h) . k_h is x . (W_q,h^T k_h) + b_q,h . k_h, and
///   out_proj(concat_h sum_t p_t v_t) = sum_h,t p_t (W_o,h v_t), with b_o spread
///   over the heads (each head's weights sum to one).
/// Each costs 2 N C (heads T) multiply-adds instead of 2 N C Ci for the two
/// projections of the image tokens: 2.3x fewer for SAM's 8 heads and 7 tokens.
class SamAttentionImpl : public torch::nn::Module {
public:
    SamAttentionImpl(int embeddingDim, int numHeads, int downsampleRate = 1);

    /// q [B, Nq, C], k and v [B, Nk, C] -> residual + attention, [B, Nq, C].
    /// `residual` (optional, [B, Nq, C]) is added in the last product.
    /// Runs form() (Auto: the low-rank form above when it needs fewer multiply-adds).
    torch::Tensor forward(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                          const torch::Tensor& residual = {});

    /// segment_anything's computation as written: project q, k and v, split
    /// the heads, softmax(q k^T / sqrt(d)) v, recombine, out_proj.
    torch::Tensor forwardProjected(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v);
    /// The low-rank form for few queries over many keys (token-to-image).
    torch::Tensor forwardFewQueries(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v);
    /// The low-rank form for many queries over few keys (image-to-token),
    /// returning residual + attention when `residual` is defined.
    torch::Tensor forwardFewKeys(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                 const torch::Tensor& residual = {});

    /// Per-head projections of many tokens made once and reused (the image tokens of the first
    /// decoder layer, which no prompt changes): [1, heads, d, N] "transposed" (q_proj or k_proj)
    /// or [1, heads, N, d] (v_proj), d = Ci / heads.
    torch::Tensor projectHeadsTransposed(const torch::nn::Linear& projection, const torch::Tensor& x) const;
    torch::Tensor projectHeads(const torch::nn::Linear& projection, const torch::Tensor& x) const;
    /// Few queries q [B, T, C] over keys and values projected by projectHeadsTransposed(k_proj)
    /// and projectHeads(v_proj): residual + attention, [B, T, C].
    torch::Tensor forwardProjectedKeys(const torch::Tensor& q, const torch::Tensor& keysT, const torch::Tensor& values,
                                       const torch::Tensor& residual = {});
    /// Many queries projected by projectHeadsTransposed(q_proj) over few keys k, v [B, T, C]:
    /// residual ([B, N, C], optional) + attention, with the output side of forwardFewKeys().
    torch::Tensor forwardProjectedQueries(const torch::Tensor& queriesT, const torch::Tensor& k, const torch::Tensor& v,
                                          const torch::Tensor& residual = {});

    void setForm(SamAttentionForm form) { m_form = form; }
    SamAttentionForm form() const { return m_form; }

    torch::nn::Linear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, out_proj{nullptr};

private:
    /// True when the low-rank form costs fewer multiply-adds for `few` tokens
    /// on the short side.
    bool lowRankIsCheaper(std::int64_t few) const;

    int m_numHeads;
    SamAttentionForm m_form = SamAttentionForm::Auto;
};
TORCH_MODULE(SamAttention);

} // namespace atelier::engine
