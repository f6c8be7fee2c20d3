// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (no torch): Segment Anything configurations, detected from tensor shapes.
#pragma once

#include "engine/models/config_detection.h" // ShapeMap
#include "engine/sam/sam_segmenter.h"       // SamArchitecture

#include <optional>
#include <vector>

namespace atelier::engine {

/// segment_anything's ImageEncoderViT (build_sam._build_sam): defaults are ViT-B.
struct SamViTConfig {
    int imgSize = 1024;       ///< input side (pixels); img_size
    int patchSize = 16;       ///< vit_patch_size
    int inChans = 3;
    int embedDim = 768;       ///< encoder_embed_dim: 768 B, 1024 L, 1280 H
    int depth = 12;           ///< encoder_depth: 12 B, 24 L, 32 H
    int numHeads = 12;        ///< encoder_num_heads: 12 B, 16 L, 16 H
    double mlpRatio = 4.0;
    int windowSize = 14;      ///< window of the windowed (non-global) blocks
    std::vector<int> globalAttnIndexes{2, 5, 8, 11}; ///< blocks with global attention
    int outChans = 256;       ///< neck channels = prompt_embed_dim
    bool qkvBias = true;
    bool useRelPos = true;    ///< decomposed relative position embeddings (rel_pos_h/w)
    bool useAbsPos = true;    ///< pos_embed present

    int grid() const { return imgSize / patchSize; }
};

/// segment_anything's PromptEncoder.
struct SamPromptEncoderConfig {
    int embedDim = 256;            ///< prompt_embed_dim
    int imageEmbeddingSize = 64;   ///< image_size // 16 (grid of the image embedding)
    int inputImageSize = 1024;     ///< img_size
    int maskInChans = 16;          ///< channels of mask_downscaling's second conv
};

/// segment_anything's MaskDecoder with its TwoWayTransformer.
struct SamMaskDecoderConfig {
    int transformerDim = 256;      ///< prompt_embed_dim
    int depth = 2;                 ///< TwoWayTransformer layers
    int mlpDim = 2048;
    int numHeads = 8;              ///< not visible in shapes: SAM's released value unless overridden
    int attentionDownsampleRate = 2;
    int numMultimaskOutputs = 3;
    int iouHeadDepth = 3;
    int iouHeadHiddenDim = 256;
};

/// The whole model: which image encoder, and the shared prompt encoder and mask decoder.
struct SamConfig {
    SamArchitecture architecture = SamArchitecture::ViT;
    int imgSize = 1024;            ///< side the image is resized and padded to
    SamViTConfig vit;              ///< valid when architecture == ViT (TinyViT is detected by tiny_vit.h)
    SamPromptEncoderConfig promptEncoder;
    SamMaskDecoderConfig maskDecoder;
};

/// What tensor shapes cannot tell, from a model's own configuration
/// (e.g. a golden case's JSON). Unset fields follow the detection rules.
struct SamConfigOverrides {
    std::optional<int> imgSize;            ///< needed for TinyViT (default 1024) or a ViT without pos_embed
    std::optional<int> encoderNumHeads;    ///< ViT heads (default: from rel_pos widths, else the released table)
    std::optional<std::vector<int>> globalAttnIndexes;
    std::optional<int> windowSize;
    std::optional<int> decoderNumHeads;    ///< TwoWayTransformer heads (default 8, SAM's released value)
};

/// Derives the SAM configuration from the shapes of a segment_anything /
/// mobile_sam state dict (keys "image_encoder.*", "prompt_encoder.*", "mask_decoder.*").
///
/// Rules (ViT encoder):
///  - patch_embed.proj.weight [E, C, p, p] gives the width E, channels and patch p;
///    pos_embed [1, g, g, E] the grid g, so img_size = p * g; depth counts blocks.N;
///    mlp ratio = mlp.lin1 rows / E; neck.0.weight rows give out_chans.
///  - rel_pos_h [2s - 1, head_dim] per block: s == g marks a global-attention
///    block, any other s is the window size; num_heads = E / head_dim.
///  - Without rel_pos tensors, heads and global blocks follow the released
///    models: ViT-B (768: 12 heads, [2,5,8,11]), ViT-L (1024: 16, [5,11,17,23]),
///    ViT-H (1280: 16, [7,15,23,31]), window 14.
/// TinyViT (MobileSAM: keys image_encoder.patch_embed.seq.* / image_encoder.layers.*):
/// img_size cannot be seen and is 1024 unless overridden.
/// Prompt encoder and decoder: widths, mask_in_chans, depth, mlp_dim, downsample rate,
/// mask tokens and IoU head from shapes; decoder heads cannot be seen and are 8
/// (SAM's released value) unless overridden.
/// Throws atelier::Error naming the first missing tensor when `shapes` is not a SAM state dict.
SamConfig detectSamConfig(const ShapeMap& shapes, const SamConfigOverrides& overrides = {});

/// "vit_b", "vit_l", "vit_h" for the released ViT widths and depths, "vit"
/// for another ViT, "mobilesam" for TinyViT.
std::string samArchitectureName(const SamConfig& config);

} // namespace atelier::engine
