// SPDX-License-Identifier: GPL-3.0-or-later
// detectTinyViTConfig on the real MobileSAM layout (a synthetic shape map written
// from mobile_sam's build_sam_vit_t sizes) and on the golden tiny model.
#include "core/error.h"
#include "engine/sam/tiny_vit.h"
#include "models/golden_case.h"

#include <gtest/gtest.h>

using namespace atelier;
using namespace atelier::engine;

namespace {

/// The image-encoder shapes of mobile_sam.pt (TinyViT-5M: 64/128/160/320,
/// depths 2/2/6/2, heads 2/4/5/10, windows 7/7/14/7, neck 256, 1000 classes),
/// enough for detection: one entry per block plus the tensors sizes are read from.
ShapeMap mobileSamShapes() {
    const std::string p = "image_encoder.";
    const std::vector<std::int64_t> dims{64, 128, 160, 320}, depths{2, 2, 6, 2}, heads{2, 4, 5, 10}, windows{7, 7, 14, 7};
    ShapeMap s;
    s[p + "patch_embed.seq.0.c.weight"] = {32, 3, 3, 3};
    s[p + "patch_embed.seq.2.c.weight"] = {64, 32, 3, 3};
    for (size_t i = 0; i < dims.size(); ++i) {
        const std::int64_t C = dims[i];
        const std::string layer = p + "layers." + std::to_string(i) + ".";
        for (std::int64_t b = 0; b < depths[i]; ++b) {
            const std::string block = layer + "blocks." + std::to_string(b) + ".";
            if (i == 0) {
                s[block + "conv1.c.weight"] = {4 * C, C, 1, 1};
                s[block + "conv2.c.weight"] = {4 * C, 1, 3, 3};
                s[block + "conv3.c.weight"] = {C, 4 * C, 1, 1};
            } else {
                s[block + "attn.attention_biases"] = {heads[i], windows[i] * windows[i]};
                s[block + "attn.qkv.weight"] = {3 * C, C};
                s[block + "mlp.fc1.weight"] = {4 * C, C};
                s[block + "local_conv.c.weight"] = {C, 1, 3, 3};
            }
        }
        if (i + 1 < dims.size()) s[layer + "downsample.conv1.c.weight"] = {dims[i + 1], C, 1, 1};
    }
    s[p + "norm_head.weight"] = {320};
    s[p + "head.weight"] = {1000, 320};
    s[p + "neck.0.weight"] = {256, 320, 1, 1};
    s[p + "neck.2.weight"] = {256, 256, 3, 3};
    return s;
}

} // namespace

TEST(TinyViTConfig, DetectsTheRealMobileSAMEncoder) {
    const TinyViTConfig c = detectTinyViTConfig(mobileSamShapes(), 1024);
    EXPECT_EQ(c.imgSize, 1024);
    EXPECT_EQ(c.inChans, 3);
    EXPECT_EQ(c.embedDims, (std::vector<int>{64, 128, 160, 320}));
    EXPECT_EQ(c.depths, (std::vector<int>{2, 2, 6, 2}));
    EXPECT_EQ(std::vector<int>(c.numHeads.begin() + 1, c.numHeads.end()), (std::vector<int>{4, 5, 10}));
    EXPECT_EQ(std::vector<int>(c.windowSizes.begin() + 1, c.windowSizes.end()), (std::vector<int>{7, 14, 7}));
    EXPECT_EQ(c.patchMergingStrides, (std::vector<int>{2, 2, 1}));
    EXPECT_DOUBLE_EQ(c.mlpRatio, 4.0);
    EXPECT_DOUBLE_EQ(c.mbconvExpandRatio, 4.0);
    EXPECT_EQ(c.localConvSize, 3);
    EXPECT_EQ(c.outChans, 256);
    EXPECT_EQ(c.numClasses, 1000);
    EXPECT_EQ(c.gridSize(), 64);
}

TEST(TinyViTConfig, BuiltModuleHasTheShapesItWasDetectedFrom) {
    const ShapeMap shapes = mobileSamShapes();
    TinyViT encoder(detectTinyViTConfig(shapes, 1024));
    std::map<std::string, std::vector<std::int64_t>> ours;
    for (const auto& item : encoder->named_parameters()) ours["image_encoder." + item.key()] = item.value().sizes().vec();
    for (const auto& [name, shape] : shapes) {
        const auto it = ours.find(name);
        ASSERT_NE(it, ours.end()) << name;
        EXPECT_EQ(it->second, shape) << name;
    }
}

TEST(TinyViTConfig, DetectsTheGoldenTinyModel) {
    const test::GoldenCase golden("mobilesam");
    ShapeMap shapes;
    for (const auto& [name, info] : golden.weights().tensors()) shapes[name] = info.shape;
    const auto& json = golden.json().at("config");
    const TinyViTConfig c = detectTinyViTConfig(shapes, json.at("img_size").get<int>());
    EXPECT_EQ(c.embedDims, json.at("embed_dims").get<std::vector<int>>());
    EXPECT_EQ(c.depths, json.at("depths").get<std::vector<int>>());
    EXPECT_EQ(c.patchMergingStrides, json.at("patch_merging_strides").get<std::vector<int>>());
    EXPECT_EQ(c.outChans, json.at("out_chans").get<int>());
    EXPECT_EQ(c.gridSize(), json.at("image_embedding_size").get<int>());
}

TEST(TinyViTConfig, MissingTensorIsNamedInTheError) {
    ShapeMap shapes = mobileSamShapes();
    shapes.erase("image_encoder.neck.0.weight");
    try {
        detectTinyViTConfig(shapes, 1024);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("image_encoder.neck.0.weight"), std::string::npos) << e.what();
    }
}

TEST(TinyViTConfig, NonSquareAttentionBiasIsRejected) {
    ShapeMap shapes = mobileSamShapes();
    shapes["image_encoder.layers.2.blocks.0.attn.attention_biases"] = {5, 195};
    EXPECT_THROW(detectTinyViTConfig(shapes, 1024), Error);
}

TEST(TinyViTConfig, EncoderOutputIsTheEmbeddingGrid) {
    // A small random model: the grid follows imgSize/16 through the stride-1 last merge.
    TinyViTConfig c;
    c.imgSize = 64;
    c.embedDims = {8, 16, 24, 32};
    c.numHeads = {1, 2, 3, 2};
    c.windowSizes = {7, 4, 3, 4};
    c.depths = {1, 1, 1, 1};
    c.outChans = 16;
    c.numClasses = 0;
    TinyViT encoder(c);
    torch::NoGradGuard noGrad;
    const torch::Tensor out = encoder->forward(torch::randn({2, 3, 64, 64}));
    EXPECT_EQ(out.sizes(), (std::vector<std::int64_t>{2, 16, 4, 4}));
    EXPECT_TRUE(torch::isfinite(out).all().item<bool>());
}
