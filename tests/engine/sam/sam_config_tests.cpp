// SPDX-License-Identifier: GPL-3.0-or-later
// detectSamConfig on synthetic shape maps of the released ViT-B/L/H (no tensors allocated)
// and on the golden tiny model.
#include "core/error.h"
#include "engine/sam/sam_config.h"
#include "engine/sam/sam_config_json.h"
#include "sam_golden_case.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

using namespace atelier;
using namespace atelier::engine;

namespace {

// The shapes of a segment_anything state dict built by build_sam._build_sam.
ShapeMap samShapes(int embed, int depth, int heads, const std::vector<int>& globals, int imgSize = 1024) {
    ShapeMap s;
    const int grid = imgSize / 16, window = 14, headDim = embed / heads, out = 256;
    const std::string e = "image_encoder.";
    s[e + "patch_embed.proj.weight"] = {embed, 3, 16, 16};
    s[e + "patch_embed.proj.bias"] = {embed};
    s[e + "pos_embed"] = {1, grid, grid, embed};
    for (int i = 0; i < depth; ++i) {
        const std::string b = e + "blocks." + std::to_string(i) + ".";
        const bool global = std::find(globals.begin(), globals.end(), i) != globals.end();
        const int side = global ? grid : window;
        for (const char* n : {"norm1", "norm2"}) s[b + n + ".weight"] = s[b + n + ".bias"] = {embed};
        s[b + "attn.qkv.weight"] = {3 * embed, embed};
        s[b + "attn.qkv.bias"] = {3 * embed};
        s[b + "attn.proj.weight"] = {embed, embed};
        s[b + "attn.proj.bias"] = {embed};
        s[b + "attn.rel_pos_h"] = s[b + "attn.rel_pos_w"] = {2 * side - 1, headDim};
        s[b + "mlp.lin1.weight"] = {4 * embed, embed};
        s[b + "mlp.lin2.weight"] = {embed, 4 * embed};
    }
    s[e + "neck.0.weight"] = {out, embed, 1, 1};
    s[e + "neck.2.weight"] = {out, out, 3, 3};
    const std::string p = "prompt_encoder.";
    s[p + "pe_layer.positional_encoding_gaussian_matrix"] = {2, out / 2};
    s[p + "no_mask_embed.weight"] = {1, out};
    s[p + "mask_downscaling.0.weight"] = {4, 1, 2, 2};
    s[p + "mask_downscaling.3.weight"] = {16, 4, 2, 2};
    s[p + "mask_downscaling.6.weight"] = {out, 16, 1, 1};
    const std::string d = "mask_decoder.";
    s[d + "iou_token.weight"] = {1, out};
    s[d + "mask_tokens.weight"] = {4, out};
    for (int i = 0; i < 2; ++i) {
        const std::string l = d + "transformer.layers." + std::to_string(i) + ".";
        s[l + "norm1.weight"] = {out};
        s[l + "mlp.lin1.weight"] = {2048, out};
        s[l + "cross_attn_token_to_image.q_proj.weight"] = {out / 2, out};
    }
    for (int i = 0; i < 3; ++i) s[d + "iou_prediction_head.layers." + std::to_string(i) + ".weight"] = {i == 2 ? 4 : 256, 256};
    return s;
}

void expectReleased(const SamConfig& c, int embed, int depth, int heads, const std::vector<int>& globals) {
    EXPECT_EQ(c.architecture, SamArchitecture::ViT);
    EXPECT_EQ(c.imgSize, 1024);
    EXPECT_EQ(c.vit.patchSize, 16);
    EXPECT_EQ(c.vit.embedDim, embed);
    EXPECT_EQ(c.vit.depth, depth);
    EXPECT_EQ(c.vit.numHeads, heads);
    EXPECT_EQ(c.vit.windowSize, 14);
    EXPECT_EQ(c.vit.globalAttnIndexes, globals);
    EXPECT_DOUBLE_EQ(c.vit.mlpRatio, 4.0);
    EXPECT_EQ(c.vit.outChans, 256);
    EXPECT_EQ(c.promptEncoder.embedDim, 256);
    EXPECT_EQ(c.promptEncoder.imageEmbeddingSize, 64);
    EXPECT_EQ(c.promptEncoder.maskInChans, 16);
    EXPECT_EQ(c.maskDecoder.transformerDim, 256);
    EXPECT_EQ(c.maskDecoder.depth, 2);
    EXPECT_EQ(c.maskDecoder.mlpDim, 2048);
    EXPECT_EQ(c.maskDecoder.numHeads, 8);
    EXPECT_EQ(c.maskDecoder.attentionDownsampleRate, 2);
    EXPECT_EQ(c.maskDecoder.numMultimaskOutputs, 3);
    EXPECT_EQ(c.maskDecoder.iouHeadDepth, 3);
    EXPECT_EQ(c.maskDecoder.iouHeadHiddenDim, 256);
}

} // namespace

TEST(SamConfigDetection, ViTB) {
    const SamConfig c = detectSamConfig(samShapes(768, 12, 12, {2, 5, 8, 11}));
    expectReleased(c, 768, 12, 12, {2, 5, 8, 11});
    EXPECT_EQ(samArchitectureName(c), "vit_b");
}

TEST(SamConfigDetection, ViTL) {
    const SamConfig c = detectSamConfig(samShapes(1024, 24, 16, {5, 11, 17, 23}));
    expectReleased(c, 1024, 24, 16, {5, 11, 17, 23});
    EXPECT_EQ(samArchitectureName(c), "vit_l");
}

TEST(SamConfigDetection, ViTH) {
    const SamConfig c = detectSamConfig(samShapes(1280, 32, 16, {7, 15, 23, 31}));
    expectReleased(c, 1280, 32, 16, {7, 15, 23, 31});
    EXPECT_EQ(samArchitectureName(c), "vit_h");
}

TEST(SamConfigDetection, WithoutRelPosFollowsTheReleasedTable) {
    ShapeMap s = samShapes(1280, 32, 16, {7, 15, 23, 31});
    for (auto it = s.begin(); it != s.end();) it = it->first.find(".rel_pos_") != std::string::npos ? s.erase(it) : std::next(it);
    const SamConfig c = detectSamConfig(s);
    EXPECT_FALSE(c.vit.useRelPos);
    EXPECT_EQ(c.vit.numHeads, 16);
    EXPECT_EQ(c.vit.globalAttnIndexes, (std::vector<int>{7, 15, 23, 31}));
}

TEST(SamConfigDetection, OverridesWinWhereShapesCannotTell) {
    SamConfigOverrides o;
    o.decoderNumHeads = 4;
    EXPECT_EQ(detectSamConfig(samShapes(768, 12, 12, {2, 5, 8, 11}), o).maskDecoder.numHeads, 4);
    o.decoderNumHeads = 5; // 128-wide cross attention does not split into 5 heads
    EXPECT_THROW(detectSamConfig(samShapes(768, 12, 12, {2, 5, 8, 11}), o), Error);
}

TEST(SamConfigDetection, TinyViTIsRecognisedByItsKeys) {
    ShapeMap s = samShapes(768, 12, 12, {2, 5, 8, 11});
    for (auto it = s.begin(); it != s.end();) it = it->first.rfind("image_encoder.", 0) == 0 ? s.erase(it) : std::next(it);
    s["image_encoder.patch_embed.seq.0.c.weight"] = {32, 3, 3, 3};
    const SamConfig c = detectSamConfig(s);
    EXPECT_EQ(c.architecture, SamArchitecture::TinyViT);
    EXPECT_EQ(c.imgSize, 1024);
    EXPECT_EQ(c.promptEncoder.imageEmbeddingSize, 64);
    EXPECT_EQ(samArchitectureName(c), "mobilesam");
}

TEST(SamConfigDetection, NotSamNamesTheMissingTensor) {
    ShapeMap s = samShapes(768, 12, 12, {2, 5, 8, 11});
    s.erase("mask_decoder.iou_token.weight");
    try {
        detectSamConfig(s);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("mask_decoder.iou_token.weight"), std::string::npos) << e.what();
    }
    EXPECT_THROW(detectSamConfig(ShapeMap{{"model.diffusion_model.x", {1}}}), Error);
}

TEST(SamConfigDetection, GoldenTinyModel) {
    const test::GoldenCase golden("sam");
    const auto& j = golden.json().at("config");
    const SamConfig c = detectSamConfig(test::goldenShapes(golden));
    EXPECT_EQ(c.imgSize, j.at("img_size").get<int>());
    EXPECT_EQ(c.vit.embedDim, j.at("embed_dim").get<int>());
    EXPECT_EQ(c.vit.depth, j.at("depth").get<int>());
    EXPECT_EQ(c.vit.numHeads, j.at("num_heads").get<int>());          // from rel_pos widths
    EXPECT_EQ(c.vit.windowSize, j.at("window_size").get<int>());      // from rel_pos lengths
    EXPECT_EQ(c.vit.globalAttnIndexes, j.at("global_attn_indexes").get<std::vector<int>>());
    EXPECT_EQ(c.vit.outChans, j.at("out_chans").get<int>());
    EXPECT_EQ(c.promptEncoder.maskInChans, j.at("mask_in_chans").get<int>());
    EXPECT_EQ(c.maskDecoder.depth, j.at("dec_depth").get<int>());
    EXPECT_EQ(c.maskDecoder.mlpDim, j.at("dec_mlp_dim").get<int>());
    EXPECT_EQ(c.maskDecoder.numHeads, 8); // not in the shapes: SAM's released value ...
    EXPECT_EQ(detectSamConfig(test::goldenShapes(golden), samOverridesFromJson(golden.configText())).maskDecoder.numHeads,
              j.at("dec_num_heads").get<int>()); // ... unless the model's JSON says otherwise
    EXPECT_EQ(samArchitectureName(c), "vit");
}

TEST(SamConfigJson, ReadsBuildArgumentNamesAndRejectsBadTypes) {
    const SamConfigOverrides o = samOverridesFromJson(R"({"img_size": 512, "dec_num_heads": 4, "global_attn_indexes": [1, 3]})");
    EXPECT_EQ(o.imgSize, 512);
    EXPECT_EQ(o.decoderNumHeads, 4);
    EXPECT_EQ(o.globalAttnIndexes, (std::vector<int>{1, 3}));
    EXPECT_FALSE(o.encoderNumHeads);
    EXPECT_FALSE(samOverridesFromJson(R"({"num_heads": [1, 2, 3, 2]})").encoderNumHeads); // TinyViT's per-stage list
    EXPECT_THROW(samOverridesFromJson(R"({"dec_num_heads": "eight"})"), Error);
    EXPECT_THROW(samOverridesFromJson("{not json"), Error);
}
