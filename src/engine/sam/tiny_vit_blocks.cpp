// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sam/tiny_vit_blocks.h"

#include "core/error.h"

#include <cmath>

namespace atelier::engine::tinyvit {

namespace {

constexpr double kBatchNormEps = 1e-5; // torch.nn.BatchNorm2d default
constexpr double kLayerNormEps = 1e-5; // torch.nn.LayerNorm default (attn.norm, mlp.norm)
constexpr double kLayerNorm2dEps = 1e-6;

/// nn.Linear on [..., in] as one addmm over the flattened tokens (bias added by
/// the GEMM, not in a second pass over the output).
torch::Tensor linearTokens(const torch::nn::Linear& linear, const torch::Tensor& x) {
    const torch::Tensor x2d = x.reshape({-1, x.size(-1)});
    std::vector<int64_t> shape = x.sizes().vec();
    shape.back() = linear->weight.size(0);
    return torch::addmm(linear->bias, x2d, linear->weight.t()).view(shape);
}

} // namespace

Conv2dBNImpl::Conv2dBNImpl(int in, int out, int kernel, int stride, int padding, int groups)
    : m_stride(stride), m_padding(padding), m_groups(groups) {
    c = register_module("c", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel)
                                                   .stride(stride)
                                                   .padding(padding)
                                                   .groups(groups)
                                                   .bias(false)));
    bn = register_module("bn", torch::nn::BatchNorm2d(torch::nn::BatchNormOptions(out).eps(kBatchNormEps)));
}

torch::Tensor Conv2dBNImpl::forward(const torch::Tensor& x) {
    // BN(conv(x)) = conv(x; w * s) + (beta - mean * s), s = gamma / sqrt(var + eps).
    const torch::Tensor scale = bn->weight * torch::rsqrt(bn->running_var + kBatchNormEps);
    const torch::Tensor weight = c->weight * scale.view({-1, 1, 1, 1});
    const torch::Tensor bias = bn->bias - bn->running_mean * scale;
    return torch::conv2d(x, weight, bias, m_stride, m_padding, 1, m_groups);
}

LayerNorm2dImpl::LayerNorm2dImpl(int channels) {
    weight = register_parameter("weight", torch::ones({channels}));
    bias = register_parameter("bias", torch::zeros({channels}));
}

torch::Tensor LayerNorm2dImpl::forward(const torch::Tensor& x) {
    // [B, C, H, W] viewed as [B, H, W, C] (a permutation, no copy) for layer_norm over C.
    const torch::Tensor y = torch::layer_norm(x.permute({0, 2, 3, 1}), {x.size(1)}, weight, bias, kLayerNorm2dEps);
    return y.permute({0, 3, 1, 2});
}

PatchEmbedImpl::PatchEmbedImpl(int inChans, int dim) {
    seq = register_module("seq", torch::nn::Sequential(Conv2dBN(inChans, dim / 2, 3, 2, 1, 1), torch::nn::GELU(),
                                                       Conv2dBN(dim / 2, dim, 3, 2, 1, 1)));
}

torch::Tensor PatchEmbedImpl::forward(const torch::Tensor& x) { return seq->forward(x); }

MBConvImpl::MBConvImpl(int dim, double expandRatio) {
    const int hidden = static_cast<int>(dim * expandRatio);
    conv1 = register_module("conv1", Conv2dBN(dim, hidden, 1, 1, 0, 1));
    conv2 = register_module("conv2", Conv2dBN(hidden, hidden, 3, 1, 1, hidden));
    conv3 = register_module("conv3", Conv2dBN(hidden, dim, 1, 1, 0, 1));
}

torch::Tensor MBConvImpl::forward(const torch::Tensor& x) {
    torch::Tensor y = conv1->forward(x);
    at::gelu_(y);
    y = conv2->forward(y);
    at::gelu_(y);
    y = conv3->forward(y);
    y.add_(x);
    return at::gelu_(y);
}

PatchMergingImpl::PatchMergingImpl(int dim, int outDim, int stride) {
    conv1 = register_module("conv1", Conv2dBN(dim, outDim, 1, 1, 0, 1));
    conv2 = register_module("conv2", Conv2dBN(outDim, outDim, 3, stride, 1, outDim));
    conv3 = register_module("conv3", Conv2dBN(outDim, outDim, 1, 1, 0, 1));
}

torch::Tensor PatchMergingImpl::forward(const torch::Tensor& x) {
    torch::Tensor y = conv1->forward(x);
    at::gelu_(y);
    y = conv2->forward(y);
    at::gelu_(y);
    return conv3->forward(y);
}

AttentionImpl::AttentionImpl(int dim, int numHeads, int windowSize) : m_heads(numHeads) {
    if (numHeads <= 0 || dim % numHeads != 0) {
        throw Error("TinyViT attention: width " + std::to_string(dim) + " is not divisible by " +
                    std::to_string(numHeads) + " heads");
    }
    norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(kLayerNormEps)));
    qkv = register_module("qkv", torch::nn::Linear(dim, 3 * dim));
    proj = register_module("proj", torch::nn::Linear(dim, dim));
    // tiny_vit_sam.py numbers the offsets (|dr|, |dc|) in first-seen order over
    // the window positions, which is |dr| * ws + |dc| for a square window.
    const int64_t n = static_cast<int64_t>(windowSize) * windowSize;
    attention_biases = register_parameter("attention_biases", torch::zeros({numHeads, n}));
    m_biasIdxs = torch::empty({n * n}, torch::kInt64);
    int64_t* idx = m_biasIdxs.data_ptr<int64_t>();
    for (int64_t i = 0; i < n; ++i) {
        for (int64_t j = 0; j < n; ++j) {
            idx[i * n + j] =
                std::abs(i / windowSize - j / windowSize) * windowSize + std::abs(i % windowSize - j % windowSize);
        }
    }
}

torch::Tensor AttentionImpl::forward(const torch::Tensor& x) {
    const int64_t batch = x.size(0), n = x.size(1), dim = x.size(2), headDim = dim / m_heads;
    if (n * n != m_biasIdxs.numel()) {
        throw Error("TinyViT attention: " + std::to_string(n) + " tokens do not fill a window of " +
                    std::to_string(attention_biases.size(1)) + " positions");
    }
    // [Bw, N, 3C] holds per head q | k | v: -> [3, Bw, heads, N, hd] in one contiguous copy.
    const torch::Tensor parts = linearTokens(qkv, norm->forward(x))
                                    .view({batch, n, m_heads, 3, headDim})
                                    .permute({3, 0, 2, 1, 4})
                                    .contiguous();
    const torch::Tensor bias = attention_biases.index_select(1, m_biasIdxs.to(attention_biases.device()))
                                   .view({m_heads, n, n}); // [heads, N, N]
    torch::Tensor scores = torch::matmul(parts[0], parts[1].transpose(-2, -1)); // [Bw, heads, N, N]
    scores.mul_(1.0 / std::sqrt(static_cast<double>(headDim))).add_(bias);
    const torch::Tensor attn = torch::softmax(scores, -1);
    const torch::Tensor out = torch::matmul(attn, parts[2]).transpose(1, 2).reshape({batch, n, dim});
    return linearTokens(proj, out);
}

MlpImpl::MlpImpl(int dim, int hidden) {
    norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(kLayerNormEps)));
    fc1 = register_module("fc1", torch::nn::Linear(dim, hidden));
    fc2 = register_module("fc2", torch::nn::Linear(hidden, dim));
}

torch::Tensor MlpImpl::forward(const torch::Tensor& x) {
    torch::Tensor h = linearTokens(fc1, norm->forward(x));
    at::gelu_(h);
    return linearTokens(fc2, h);
}

TinyViTBlockImpl::TinyViTBlockImpl(int dim, int numHeads, int windowSize, double mlpRatio, int localConvSize)
    : m_windowSize(windowSize) {
    attn = register_module("attn", Attention(dim, numHeads, windowSize));
    mlp = register_module("mlp", Mlp(dim, static_cast<int>(dim * mlpRatio)));
    local_conv = register_module("local_conv", Conv2dBN(dim, dim, localConvSize, 1, localConvSize / 2, dim));
}

torch::Tensor TinyViTBlockImpl::forward(const torch::Tensor& x, int64_t H, int64_t W, const Recorder* record,
                                        const std::string& name) {
    const int64_t batch = x.size(0), L = x.size(1), C = x.size(2), ws = m_windowSize;
    if (L != H * W) {
        throw Error("TinyViT block: " + std::to_string(L) + " tokens for a " + std::to_string(H) + "x" +
                    std::to_string(W) + " grid");
    }
    torch::Tensor y;
    if (H == ws && W == ws) {
        y = attn->forward(x);
        if (record) (*record)(name + ".attn", y);
    } else {
        // The raw (un-normalised) tokens are zero-padded, as in tiny_vit_sam.py.
        const int64_t padB = (ws - H % ws) % ws, padR = (ws - W % ws) % ws;
        const int64_t pH = H + padB, pW = W + padR, nH = pH / ws, nW = pW / ws;
        torch::Tensor grid = x.view({batch, H, W, C});
        if (padB > 0 || padR > 0) grid = torch::constant_pad_nd(grid, {0, 0, 0, padR, 0, padB});
        // [B, pH, pW, C] -> [B*nH*nW, ws*ws, C], windows and positions row-major.
        const torch::Tensor windows =
            grid.view({batch, nH, ws, nW, ws, C}).permute({0, 1, 3, 2, 4, 5}).reshape({batch * nH * nW, ws * ws, C});
        const torch::Tensor out = attn->forward(windows);
        if (record) (*record)(name + ".attn", out);
        y = out.view({batch, nH, nW, ws, ws, C}).permute({0, 1, 3, 2, 4, 5}).reshape({batch, pH, pW, C});
        if (padB > 0 || padR > 0) y = y.slice(1, 0, H).slice(2, 0, W);
        y = y.reshape({batch, L, C});
    }
    y.add_(x);
    // Tokens [B, H*W, C] seen as NCHW without a copy (channels-last strides).
    torch::Tensor conv = local_conv->forward(y.view({batch, H, W, C}).permute({0, 3, 1, 2}));
    if (record) (*record)(name + ".local_conv", conv);
    torch::Tensor tokens = conv.permute({0, 2, 3, 1}).reshape({batch, L, C});
    const torch::Tensor m = mlp->forward(tokens);
    if (record) (*record)(name + ".mlp", m);
    return tokens.add(m);
}

} // namespace atelier::engine::tinyvit
