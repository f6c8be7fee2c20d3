// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (uses torch): the building blocks of MobileSAM's TinyViT
// (mobile_sam/modeling/tiny_vit_sam.py), registered under its state-dict names.
// Inference only: BatchNorm always uses its running statistics.
#pragma once

#include <torch/torch.h>

#include <functional>
#include <string>

namespace atelier::engine::tinyvit {

/// Receives a named intermediate tensor (names as in tests/data/golden/README.md
/// "### mobilesam", relative to "image_encoder."). Empty = record nothing.
using Recorder = std::function<void(const std::string& name, const torch::Tensor& value)>;

/// Conv2d (no bias) + BatchNorm2d ("c", "bn"). The BatchNorm is folded into the
/// convolution's weight and bias on every call (cheap next to the convolution,
/// and never stale after a reload). [B, in, H, W] -> [B, out, H', W'].
class Conv2dBNImpl : public torch::nn::Module {
public:
    Conv2dBNImpl(int in, int out, int kernel, int stride, int padding, int groups);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Conv2d c{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};

private:
    int m_stride, m_padding, m_groups;
};
TORCH_MODULE(Conv2dBN);

/// SAM's LayerNorm2d: LayerNorm over the channels of an NCHW tensor (eps 1e-6).
class LayerNorm2dImpl : public torch::nn::Module {
public:
    explicit LayerNorm2dImpl(int channels);
    torch::Tensor forward(const torch::Tensor& x);

    torch::Tensor weight, bias;
};
TORCH_MODULE(LayerNorm2d);

/// Two stride-2 Conv2d_BN with a GELU between ("seq.0", "seq.2"):
/// [B, 3, H, W] -> [B, dim, H/4, W/4].
class PatchEmbedImpl : public torch::nn::Module {
public:
    PatchEmbedImpl(int inChans, int dim);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Sequential seq{nullptr};
};
TORCH_MODULE(PatchEmbed);

/// Inverted residual block of stage 0: GELU(x + conv3(GELU(dw3x3(GELU(conv1(x)))))),
/// NCHW in and out, channels unchanged.
class MBConvImpl : public torch::nn::Module {
public:
    MBConvImpl(int dim, double expandRatio);
    torch::Tensor forward(const torch::Tensor& x);

    Conv2dBN conv1{nullptr}, conv2{nullptr}, conv3{nullptr};
};
TORCH_MODULE(MBConv);

/// conv1x1 -> GELU -> depthwise 3x3 (stride 1 or 2) -> GELU -> conv1x1.
/// Input NCHW [B, dim, H, W]; output NCHW [B, outDim, H', W'] (H' = ceil(H/stride)).
class PatchMergingImpl : public torch::nn::Module {
public:
    PatchMergingImpl(int dim, int outDim, int stride);
    torch::Tensor forward(const torch::Tensor& x);

    Conv2dBN conv1{nullptr}, conv2{nullptr}, conv3{nullptr};
};
TORCH_MODULE(PatchMerging);

/// LeViT-style attention with a learned bias per head and relative offset
/// (|dr|, |dc|) inside a ws x ws window. qkv is split per head into q|k|v.
/// [Bw, ws*ws, C] -> [Bw, ws*ws, C].
class AttentionImpl : public torch::nn::Module {
public:
    AttentionImpl(int dim, int numHeads, int windowSize);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::LayerNorm norm{nullptr};
    torch::nn::Linear qkv{nullptr}, proj{nullptr};
    torch::Tensor attention_biases; ///< [heads, ws*ws] parameter

private:
    int m_heads;
    torch::Tensor m_biasIdxs; ///< [N*N] int64, |r_i-r_j|*ws + |c_i-c_j| (not in the state dict)
};
TORCH_MODULE(Attention);

/// LayerNorm -> fc1 -> GELU -> fc2 on tokens [B, L, C].
class MlpImpl : public torch::nn::Module {
public:
    MlpImpl(int dim, int hidden);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::LayerNorm norm{nullptr};
    torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(Mlp);

/// TinyViT block on tokens [B, H*W, C] (row-major over (h, w)):
/// x += windowed attention (bottom/right zero padding to whole windows);
/// x = local_conv(x) (depthwise Conv2d_BN, replaces x); x += mlp(x).
class TinyViTBlockImpl : public torch::nn::Module {
public:
    TinyViTBlockImpl(int dim, int numHeads, int windowSize, double mlpRatio, int localConvSize);
    /// `name` prefixes what `record` receives (".attn", ".local_conv", ".mlp").
    torch::Tensor forward(const torch::Tensor& x, int64_t H, int64_t W, const Recorder* record = nullptr,
                          const std::string& name = {});

    Attention attn{nullptr};
    Mlp mlp{nullptr};
    Conv2dBN local_conv{nullptr};

private:
    int m_windowSize;
};
TORCH_MODULE(TinyViTBlock);

} // namespace atelier::engine::tinyvit
