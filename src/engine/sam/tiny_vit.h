// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (uses torch): MobileSAM's TinyViT image encoder.
#pragma once

#include "engine/models/config_detection.h" // ShapeMap
#include "engine/sam/tiny_vit_blocks.h"

#include <torch/torch.h>

#include <functional>
#include <string>
#include <vector>

namespace atelier::engine {

/// TinyViT image encoder configuration (MobileSAM: embed dims 64,128,160,320,
/// depths 2,2,6,2, heads 2,4,5,10, windows 7,7,14,7, neck 256, image 1024).
struct TinyViTConfig {
    int imgSize = 1024;
    int inChans = 3;
    std::vector<int> embedDims{64, 128, 160, 320};
    std::vector<int> depths{2, 2, 6, 2};
    std::vector<int> numHeads{2, 4, 5, 10};
    std::vector<int> windowSizes{7, 7, 14, 7};
    double mlpRatio = 4.0;
    double mbconvExpandRatio = 4.0;
    int localConvSize = 3;
    int outChans = 256; ///< neck channels = prompt embedding width
    /// Stride of each PatchMerging (one per stage but the last). tiny_vit_sam.py
    /// uses stride 1 where out_dim is 320, 448 or 576, which for every released
    /// model is the last merge: [2, 2, 1], so the grid is imgSize/16 (64 at 1024).
    std::vector<int> patchMergingStrides{2, 2, 1};
    /// Classes of TinyViT's classifier head (norm_head, head): unused by
    /// forward() but in MobileSAM's state dict (1000 in mobile_sam.pt);
    /// 0 = no head tensors.
    int numClasses = 1000;

    /// Side of the image embedding grid for an imgSize input.
    int gridSize() const;
};

/// The TinyViT configuration from the shapes of tensors named
/// "image_encoder.*" as in MobileSAM's state dict (`imgSize` cannot be seen in
/// the shapes and is passed in; neither can the stage-0 window size, which
/// stage 0 does not use, nor the merge strides: MobileSAM's [2, ..., 2, 1]).
/// Throws atelier::Error when a required tensor is missing or a shape is
/// inconsistent.
TinyViTConfig detectTinyViTConfig(const ShapeMap& shapes, int imgSize = 1024);

/// TinyViT (Wu et al. 2022, "TinyViT: Fast Pretraining Distillation for Small
/// Vision Transformers") as MobileSAM uses it, with MobileSAM's neck.
/// Registered names equal MobileSAM's state dict under "image_encoder.".
/// forward: [B, 3, imgSize, imgSize] float32 normalised image ->
/// [B, outChans, imgSize/16, imgSize/16] embedding.
///
/// Inference only: BatchNorm always uses its running statistics (folded into
/// the convolutions), whatever train()/eval() says. Throws atelier::Error for
/// an input that is not [B, inChans, H, W].
class TinyViTImpl : public torch::nn::Module {
public:
    /// Optional observers of one forward pass.
    struct Hooks {
        /// Receives stage outputs under the golden names relative to
        /// "image_encoder." ("patch_embed", "layers.0.blocks.1",
        /// "layers.1.blocks.0.attn", "layers.2.downsample", "neck", ...).
        tinyvit::Recorder record;
        /// Polled before each block; true stops the pass, which then returns
        /// an undefined tensor.
        std::function<bool()> shouldStop;
    };

    explicit TinyViTImpl(const TinyViTConfig& config);
    torch::Tensor forward(const torch::Tensor& x);
    torch::Tensor forward(const torch::Tensor& x, const Hooks& hooks);
    const TinyViTConfig& config() const { return m_config; }

    tinyvit::PatchEmbed patch_embed{nullptr};
    torch::nn::ModuleList layers{nullptr};
    torch::nn::LayerNorm norm_head{nullptr}; ///< classifier head: loaded, never run
    torch::nn::Linear head{nullptr};         ///< classifier head: loaded, never run
    torch::nn::Sequential neck{nullptr};

private:
    TinyViTConfig m_config;
    std::vector<tinyvit::MBConv> m_convBlocks;                   // stage 0
    std::vector<std::vector<tinyvit::TinyViTBlock>> m_vitBlocks; // stages 1.., index stage-1
    std::vector<tinyvit::PatchMerging> m_merges;                 // after stage i
};
TORCH_MODULE(TinyViT);

} // namespace atelier::engine
