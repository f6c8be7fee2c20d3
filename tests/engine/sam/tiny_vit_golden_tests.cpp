// SPDX-License-Identifier: GPL-3.0-or-later
// MobileSAM's TinyViT image encoder against the mobilesam golden case: every
// recorded encoder stage and the image embedding, from the recorded input_image.
#include "core/error.h"
#include "engine/sam/tiny_vit.h"
#include "models/golden_case.h"

#include <iostream>
#include <map>

using namespace atelier;
using namespace atelier::engine;

namespace {

ShapeMap shapesOf(const SafetensorsFile& file) {
    ShapeMap shapes;
    for (const auto& [name, info] : file.tensors()) shapes[name] = info.shape;
    return shapes;
}

struct LoadedEncoder {
    test::GoldenCase golden{"mobilesam"};
    TinyViT encoder{nullptr};
    double maxAbs = 0, relL2 = 0;

    LoadedEncoder() {
        const int imgSize = golden.json().at("config").at("img_size").get<int>();
        encoder = TinyViT(detectTinyViTConfig(shapesOf(golden.weights()), imgSize));
        loadStateDict(*encoder, golden.weights(), "image_encoder.");
        encoder->eval();
        const auto& tolerance = golden.json().at("suggested_tolerance");
        maxAbs = tolerance.at("max_abs").get<double>();
        relL2 = tolerance.at("rel_l2").get<double>();
    }
};

} // namespace

TEST(TinyViTGolden, ConfigMatchesTheRecordedOne) {
    LoadedEncoder e;
    const auto& json = e.golden.json().at("config");
    const TinyViTConfig& c = e.encoder->config();
    EXPECT_EQ(c.embedDims, json.at("embed_dims").get<std::vector<int>>());
    EXPECT_EQ(c.depths, json.at("depths").get<std::vector<int>>());
    EXPECT_EQ(c.patchMergingStrides, json.at("patch_merging_strides").get<std::vector<int>>());
    EXPECT_EQ(c.outChans, json.at("out_chans").get<int>());
    EXPECT_EQ(c.numClasses, json.at("num_classes").get<int>());
    EXPECT_EQ(c.gridSize(), json.at("image_embedding_size").get<int>());
    const auto heads = json.at("num_heads").get<std::vector<int>>();
    const auto windows = json.at("window_sizes").get<std::vector<int>>();
    for (size_t i = 1; i < heads.size(); ++i) { // stage 0 is convolutional: no heads, no window
        EXPECT_EQ(c.numHeads[i], heads[i]) << "stage " << i;
        EXPECT_EQ(c.windowSizes[i], windows[i]) << "stage " << i;
    }
    EXPECT_DOUBLE_EQ(c.mlpRatio, json.at("mlp_ratio").get<double>());
    EXPECT_DOUBLE_EQ(c.mbconvExpandRatio, json.at("mbconv_expand_ratio").get<double>());
    EXPECT_EQ(c.localConvSize, json.at("local_conv_size").get<int>());
}

TEST(TinyViTGolden, EveryRecordedStageAndTheImageEmbedding) {
    LoadedEncoder e;
    torch::NoGradGuard noGrad;
    std::map<std::string, torch::Tensor> recorded;
    TinyViTImpl::Hooks hooks;
    hooks.record = [&](const std::string& name, const torch::Tensor& value) { recorded[name] = value.clone(); };
    const torch::Tensor embeddings = e.encoder->forward(e.golden.io("input_image"), hooks);
    const ::testing::AssertionResult close = test::closeToGolden(embeddings, e.golden.io("image_embeddings"), e.maxAbs, e.relL2);
    EXPECT_TRUE(close);
    std::cout << "  image_embeddings: " << close.message() << '\n';

    int compared = 0;
    for (const auto& [name, info] : e.golden.json().at("io_tensors").items()) {
        const std::string prefix = "inter.image_encoder.";
        if (name.rfind(prefix, 0) != 0) continue;
        const std::string stage = name.substr(prefix.size());
        const auto it = recorded.find(stage);
        ASSERT_NE(it, recorded.end()) << "the encoder recorded no " << stage;
        const ::testing::AssertionResult close = test::closeToGolden(it->second, e.golden.io(name), e.maxAbs, e.relL2);
        EXPECT_TRUE(close) << name;
        std::cout << "  " << name << ": " << close.message() << '\n';
        ++compared;
    }
    EXPECT_GE(compared, 20); // patch_embed, MBConvs, merges, attn/local_conv/mlp per block, neck
}

TEST(TinyViTGolden, AttentionBiasIndicesMatchTheRecordedBuffers) {
    // The recorded buffers are [N, N]; bias(i, j) must be attention_biases[:, idx(i, j)].
    LoadedEncoder e;
    torch::NoGradGuard noGrad;
    for (size_t stage = 1; stage < e.encoder->config().embedDims.size(); ++stage) {
        const std::string name = "buffer.image_encoder.layers." + std::to_string(stage) + ".blocks.0.attn.attention_bias_idxs";
        if (!e.golden.hasIo(name)) continue;
        const torch::Tensor idx = e.golden.io(name);
        const int64_t ws = e.encoder->config().windowSizes[stage], n = ws * ws;
        ASSERT_EQ(idx.size(0), n);
        for (int64_t i = 0; i < n; ++i) {
            for (int64_t j = 0; j < n; ++j) {
                EXPECT_EQ(idx[i][j].item<int64_t>(), std::abs(i / ws - j / ws) * ws + std::abs(i % ws - j % ws));
            }
        }
    }
}

TEST(TinyViTGolden, StopRequestEndsTheForwardEarly) {
    LoadedEncoder e;
    torch::NoGradGuard noGrad;
    TinyViTImpl::Hooks hooks;
    hooks.shouldStop = [] { return true; };
    EXPECT_FALSE(e.encoder->forward(e.golden.io("input_image"), hooks).defined());
}

TEST(TinyViTGolden, RejectsAnImageWithTheWrongChannels) {
    LoadedEncoder e;
    EXPECT_THROW(e.encoder->forward(torch::zeros({1, 4, 64, 64})), Error);
}
