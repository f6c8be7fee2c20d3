// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: diffusers' Attention with the default AttnProcessor, and the
// SD transformer pieces (diffusers v0.25 models/attention_processor.py, attention.py).
#pragma once

#include <torch/torch.h>

namespace atelier::engine {

/// Multi-head scaled dot-product attention (Vaswani et al., 2017) with diffusers'
/// parameter names: to_q, to_k, to_v, to_out.0, and optionally group_norm.
///
/// forward(x, context): x [B, L, queryDim] (or [B, C, H, W] when `spatial`,
/// as in the VAE mid block: group-normed, flattened, residual added back),
/// context [B, S, contextDim] or undefined for self-attention. Scores are
/// scale * q k^T with scale = headDim^-0.5, softmax in float32 (upcast).
/// Computed one block of queries at a time for all heads, the block's scores
/// (at most kScoreBlockBytes) normalised in place in one reused buffer (query
/// blocking as in FlashAttention, Dao et al. 2022, without its online softmax:
/// a block holds whole rows). A 512×512 UNet step with CFG would otherwise
/// write 1 GiB of scores and 1 GiB of probabilities per self-attention layer;
/// every query row sees all keys, so the result equals the one-matrix form.
/// 64 MiB blocks measured fastest on the CPU (2 MiB per head: 23.4 s per SD 1.5
/// step at 512², 16 MiB: 27.5 s, 64 MiB: 21.5 s; one noisy 2-core machine).
struct Attention : torch::nn::Module {
    struct Options {
        int queryDim = 0;
        int contextDim = 0;   ///< 0: same as queryDim (self-attention)
        int heads = 1;
        int headDim = 0;
        bool qkvBias = false;
        int groupNormGroups = 0; ///< > 0: spatial block with a GroupNorm and a residual (VAE)
        double groupNormEps = 1e-6;
    };
    static constexpr std::int64_t kScoreBlockBytes = 64LL << 20;
    explicit Attention(const Options& options);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& context = {});

    Options m_options;
    torch::nn::Linear to_q{nullptr}, to_k{nullptr}, to_v{nullptr};
    torch::nn::Sequential to_out{nullptr};
    torch::nn::GroupNorm group_norm{nullptr};
};

/// GEGLU feed-forward (Shazeer, "GLU Variants Improve Transformer", 2020):
/// net.0.proj: Linear(dim, 2 * inner) -> a * gelu(gate) -> net.2: Linear(inner, dim).
struct FeedForward : torch::nn::Module {
    FeedForward(int dim, int inner);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Linear proj{nullptr}, out{nullptr};
};

/// Self-attention, cross-attention and GEGLU feed-forward, each pre-LayerNorm
/// with a residual (diffusers BasicTransformerBlock). x: [B, L, dim], context: [B, S, contextDim].
struct BasicTransformerBlock : torch::nn::Module {
    BasicTransformerBlock(int dim, int heads, int headDim, int contextDim);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& context);

    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr}, norm3{nullptr};
    std::shared_ptr<Attention> attn1, attn2;
    std::shared_ptr<FeedForward> ff;
};

/// Spatial transformer (diffusers Transformer2DModel): GroupNorm (eps 1e-6),
/// proj_in (1x1 conv, or Linear when `linearProjection` as in SD2), transformer
/// blocks over the H*W tokens, proj_out, residual. x: [B, C, H, W] -> same shape.
struct Transformer2DModel : torch::nn::Module {
    Transformer2DModel(int channels, int heads, int contextDim, int groups, int layers, bool linearProjection);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& context);

    bool m_linear;
    torch::nn::GroupNorm norm{nullptr};
    torch::nn::AnyModule proj_in, proj_out;
    torch::nn::ModuleList transformer_blocks{nullptr};
};

} // namespace atelier::engine
