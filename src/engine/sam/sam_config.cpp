// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sam/sam_config.h"

#include "core/error.h"

#include <string>

namespace atelier::engine {
namespace {

const std::vector<std::int64_t>& shapeOf(const ShapeMap& shapes, const std::string& key, std::size_t rank) {
    const auto it = shapes.find(key);
    if (it == shapes.end()) throw Error("not a Segment Anything state dict: tensor '" + key + "' is missing");
    if (it->second.size() != rank) {
        throw Error("tensor '" + key + "' has " + std::to_string(it->second.size()) + " dimensions, expected " +
                    std::to_string(rank));
    }
    return it->second;
}

bool has(const ShapeMap& shapes, const std::string& key) { return shapes.count(key) != 0; }

// Number of consecutive modules `prefix + N + suffix` from N = 0.
int countIndexed(const ShapeMap& shapes, const std::string& prefix, const std::string& suffix) {
    int n = 0;
    while (has(shapes, prefix + std::to_string(n) + suffix)) ++n;
    return n;
}

struct ReleasedViT {
    int embedDim, depth, numHeads;
    std::vector<int> globalAttnIndexes;
    const char* name;
};
const std::vector<ReleasedViT>& releasedViTs() {
    static const std::vector<ReleasedViT> table{
        {768, 12, 12, {2, 5, 8, 11}, "vit_b"},
        {1024, 24, 16, {5, 11, 17, 23}, "vit_l"},
        {1280, 32, 16, {7, 15, 23, 31}, "vit_h"},
    };
    return table;
}

SamViTConfig detectViT(const ShapeMap& shapes, const SamConfigOverrides& o) {
    SamViTConfig c;
    const std::string p = "image_encoder.";
    const auto& patch = shapeOf(shapes, p + "patch_embed.proj.weight", 4); // [E, C, p, p]
    c.embedDim = static_cast<int>(patch[0]);
    c.inChans = static_cast<int>(patch[1]);
    c.patchSize = static_cast<int>(patch[2]);
    c.useAbsPos = has(shapes, p + "pos_embed");
    if (c.useAbsPos) {
        const auto& pos = shapeOf(shapes, p + "pos_embed", 4); // [1, g, g, E]
        c.imgSize = c.patchSize * static_cast<int>(pos[1]);
    }
    if (o.imgSize) c.imgSize = *o.imgSize;
    c.depth = countIndexed(shapes, p + "blocks.", ".norm1.weight");
    if (c.depth == 0) throw Error("not a Segment Anything state dict: no image_encoder.blocks.N");
    c.mlpRatio = static_cast<double>(shapeOf(shapes, p + "blocks.0.mlp.lin1.weight", 2)[0]) / c.embedDim;
    c.outChans = static_cast<int>(shapeOf(shapes, p + "neck.0.weight", 4)[0]);
    c.qkvBias = has(shapes, p + "blocks.0.attn.qkv.bias");
    c.useRelPos = has(shapes, p + "blocks.0.attn.rel_pos_h");

    // Defaults from the released model of this width (ViT-B for any other width).
    const ReleasedViT* released = &releasedViTs()[0];
    for (const ReleasedViT& r : releasedViTs()) {
        if (r.embedDim == c.embedDim) released = &r;
    }
    c.numHeads = released->numHeads;
    c.globalAttnIndexes = released->globalAttnIndexes;
    c.windowSize = 14;
    if (c.useRelPos) {
        // rel_pos_h [2s - 1, head_dim]: s = grid for global blocks, the window otherwise.
        const int grid = c.grid();
        c.globalAttnIndexes.clear();
        int window = 0;
        for (int i = 0; i < c.depth; ++i) {
            const auto& rel = shapeOf(shapes, p + "blocks." + std::to_string(i) + ".attn.rel_pos_h", 2);
            const int side = static_cast<int>((rel[0] + 1) / 2);
            if (i == 0) c.numHeads = c.embedDim / static_cast<int>(rel[1]);
            if (side == grid) {
                c.globalAttnIndexes.push_back(i);
            } else if (window == 0) {
                window = side;
            } else if (window != side) {
                throw Error("image encoder blocks have different window sizes (" + std::to_string(window) + " and " +
                            std::to_string(side) + ")");
            }
        }
        if (window > 0) c.windowSize = window;
    }
    if (o.encoderNumHeads) c.numHeads = *o.encoderNumHeads;
    if (o.globalAttnIndexes) c.globalAttnIndexes = *o.globalAttnIndexes;
    if (o.windowSize) c.windowSize = *o.windowSize;
    if (c.numHeads <= 0 || c.embedDim % c.numHeads != 0) {
        throw Error("image encoder width " + std::to_string(c.embedDim) + " is not divisible by " +
                    std::to_string(c.numHeads) + " heads");
    }
    return c;
}

SamPromptEncoderConfig detectPromptEncoder(const ShapeMap& shapes, int imgSize) {
    SamPromptEncoderConfig c;
    c.embedDim = static_cast<int>(shapeOf(shapes, "prompt_encoder.no_mask_embed.weight", 2)[1]);
    shapeOf(shapes, "prompt_encoder.pe_layer.positional_encoding_gaussian_matrix", 2);
    c.maskInChans = static_cast<int>(shapeOf(shapes, "prompt_encoder.mask_downscaling.3.weight", 4)[0]);
    c.inputImageSize = imgSize;
    c.imageEmbeddingSize = imgSize / 16; // build_sam: image_size // vit_patch_size (16 for SAM and MobileSAM)
    return c;
}

SamMaskDecoderConfig detectMaskDecoder(const ShapeMap& shapes, const SamConfigOverrides& o) {
    SamMaskDecoderConfig c;
    const std::string p = "mask_decoder.";
    c.transformerDim = static_cast<int>(shapeOf(shapes, p + "iou_token.weight", 2)[1]);
    c.numMultimaskOutputs = static_cast<int>(shapeOf(shapes, p + "mask_tokens.weight", 2)[0]) - 1;
    c.depth = countIndexed(shapes, p + "transformer.layers.", ".norm1.weight");
    if (c.depth == 0) throw Error("not a Segment Anything state dict: no mask_decoder.transformer.layers.N");
    c.mlpDim = static_cast<int>(shapeOf(shapes, p + "transformer.layers.0.mlp.lin1.weight", 2)[0]);
    const auto internal = shapeOf(shapes, p + "transformer.layers.0.cross_attn_token_to_image.q_proj.weight", 2)[0];
    c.attentionDownsampleRate = static_cast<int>(c.transformerDim / internal);
    c.iouHeadDepth = countIndexed(shapes, p + "iou_prediction_head.layers.", ".weight");
    c.iouHeadHiddenDim = static_cast<int>(shapeOf(shapes, p + "iou_prediction_head.layers.0.weight", 2)[0]);
    if (o.decoderNumHeads) c.numHeads = *o.decoderNumHeads;
    if (c.numHeads <= 0 || internal % c.numHeads != 0) {
        throw Error("mask decoder attention width " + std::to_string(internal) + " is not divisible by " +
                    std::to_string(c.numHeads) + " heads");
    }
    return c;
}

} // namespace

SamConfig detectSamConfig(const ShapeMap& shapes, const SamConfigOverrides& overrides) {
    SamConfig c;
    if (has(shapes, "image_encoder.patch_embed.proj.weight")) {
        c.architecture = SamArchitecture::ViT;
        c.vit = detectViT(shapes, overrides);
        c.imgSize = c.vit.imgSize;
    } else if (has(shapes, "image_encoder.patch_embed.seq.0.c.weight") ||
               has(shapes, "image_encoder.layers.0.blocks.0.conv1.c.weight")) {
        c.architecture = SamArchitecture::TinyViT;
        c.imgSize = overrides.imgSize.value_or(1024);
    } else {
        throw Error("not a Segment Anything state dict: no image encoder (image_encoder.patch_embed.proj.weight "
                    "for SAM's ViT or image_encoder.patch_embed.seq.0.c.weight for MobileSAM's TinyViT)");
    }
    c.promptEncoder = detectPromptEncoder(shapes, c.imgSize);
    c.maskDecoder = detectMaskDecoder(shapes, overrides);
    if (c.architecture == SamArchitecture::ViT && c.vit.outChans != c.promptEncoder.embedDim) {
        throw Error("image embedding width " + std::to_string(c.vit.outChans) + " differs from the prompt width " +
                    std::to_string(c.promptEncoder.embedDim));
    }
    return c;
}

std::string samArchitectureName(const SamConfig& config) {
    if (config.architecture == SamArchitecture::TinyViT) return "mobilesam";
    for (const ReleasedViT& r : releasedViTs()) {
        if (r.embedDim == config.vit.embedDim && r.depth == config.vit.depth) return r.name;
    }
    return "vit";
}

} // namespace atelier::engine
