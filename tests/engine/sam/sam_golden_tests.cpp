// SPDX-License-Identifier: GPL-3.0-or-later
// Segment Anything against segment_anything's reference tensors (tests/data/golden, case "sam"):
// every stage from its recorded input at the case's suggested tolerance, then end to end.
#include "engine/sam/sam_embedding.h"
#include "engine/sam/sam_transforms.h"
#include "sam_golden_case.h"

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

using namespace atelier;
using namespace atelier::engine;

namespace {

struct Tolerance {
    double maxAbs, relL2;
};
Tolerance stageTolerance(const test::GoldenCase& g) {
    const auto& t = g.json().at("suggested_tolerance");
    return {t.at("max_abs").get<double>(), t.at("rel_l2").get<double>()};
}
Tolerance endToEndTolerance(const test::GoldenCase& g) {
    const auto& t = g.json().at("suggested_tolerance").at("end_to_end_from_original_image");
    return {t.at("max_abs").get<double>(), t.at("rel_l2").get<double>()};
}

class SamGolden : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        golden = new test::GoldenCase("sam");
        model = new SamModel(test::loadGoldenSam(*golden));
    }
    static void TearDownTestSuite() {
        delete model;
        delete golden;
    }
    static ::testing::AssertionResult close(const torch::Tensor& out, const std::string& name) {
        return report(name, test::closeToGolden(out, golden->io(name), stageTolerance(*golden).maxAbs,
                                                stageTolerance(*golden).relL2));
    }
    static ::testing::AssertionResult closeEndToEnd(const torch::Tensor& out, const std::string& name) {
        return report("end to end " + name, test::closeToGolden(out, golden->io(name), endToEndTolerance(*golden).maxAbs,
                                                                endToEndTolerance(*golden).relL2));
    }
    // ATELIER_GOLDEN_VERBOSE=1 prints every comparison's error.
    static ::testing::AssertionResult report(const std::string& name, ::testing::AssertionResult r) {
        if (const char* v = std::getenv("ATELIER_GOLDEN_VERBOSE"); v && *v) std::cout << name << ": " << r.message() << "\n";
        return r;
    }
    static int imgSize() { return golden->json().at("config").at("img_size").get<int>(); }

    static test::GoldenCase* golden;
    static SamModel* model;
    torch::NoGradGuard m_noGrad;
};
test::GoldenCase* SamGolden::golden = nullptr;
SamModel* SamGolden::model = nullptr;

// The prompt sets the case records: (points, labels, box, mask) in model-input pixels, as recorded.
struct PromptSet {
    std::string name;
    torch::Tensor coords, labels, boxes, masks;
};
std::vector<PromptSet> promptSets(const test::GoldenCase& g) {
    return {
        {"points", g.io("point_coords_model"), g.io("point_labels"), {}, {}},
        {"box", {}, {}, g.io("box_model"), {}},
        {"point_box", g.io("pb_point_coords_model"), g.io("pb_point_labels"), g.io("box_model"), {}},
        {"box_mask", {}, {}, g.io("box_model"), g.io("mask_input")},
    };
}

} // namespace

TEST_F(SamGolden, DetectedConfigMatchesTheCase) {
    const SamConfig& c = (*model)->config();
    const auto& j = golden->json().at("config");
    EXPECT_EQ(c.architecture, SamArchitecture::ViT);
    EXPECT_EQ(c.imgSize, j.at("img_size").get<int>());
    EXPECT_EQ(c.vit.patchSize, j.at("patch_size").get<int>());
    EXPECT_EQ(c.vit.embedDim, j.at("embed_dim").get<int>());
    EXPECT_EQ(c.vit.depth, j.at("depth").get<int>());
    EXPECT_EQ(c.vit.numHeads, j.at("num_heads").get<int>());
    EXPECT_EQ(c.vit.windowSize, j.at("window_size").get<int>());
    EXPECT_EQ(c.vit.globalAttnIndexes, j.at("global_attn_indexes").get<std::vector<int>>());
    EXPECT_EQ(c.vit.outChans, j.at("out_chans").get<int>());
    EXPECT_EQ(c.promptEncoder.maskInChans, j.at("mask_in_chans").get<int>());
    EXPECT_EQ(c.maskDecoder.depth, j.at("dec_depth").get<int>());
    EXPECT_EQ(c.maskDecoder.mlpDim, j.at("dec_mlp_dim").get<int>());
    EXPECT_EQ(c.maskDecoder.numHeads, j.at("dec_num_heads").get<int>());
    EXPECT_EQ(c.maskDecoder.iouHeadDepth, j.at("iou_head_depth").get<int>());
    EXPECT_EQ(c.maskDecoder.iouHeadHiddenDim, j.at("iou_head_hidden_dim").get<int>());
    EXPECT_EQ(c.maskDecoder.numMultimaskOutputs, j.at("num_multimask_outputs").get<int>());
}

TEST_F(SamGolden, ResizeAndPreprocess) {
    EXPECT_TRUE(close(samResizeImage(golden->io("original_image"), imgSize()), "resized_image"));
    EXPECT_TRUE(close(samPreprocess(golden->io("resized_image"), imgSize()), "input_image"));
}

TEST_F(SamGolden, PromptCoordinateTransforms) {
    const Size original = test::goldenOriginalSize(*golden);
    EXPECT_TRUE(close(samApplyCoords(golden->io("point_coords"), original, imgSize()), "point_coords_model"));
    EXPECT_TRUE(close(samApplyCoords(golden->io("pb_point_coords"), original, imgSize()), "pb_point_coords_model"));
    EXPECT_TRUE(close(samApplyBoxes(golden->io("box"), original, imgSize()), "box_model"));
}

TEST_F(SamGolden, ImageEncoderStages) {
    ImageEncoderViT& encoder = (*model)->vitEncoder;
    ASSERT_TRUE(encoder);
    EXPECT_TRUE(close(encoder->patch_embed->forward(golden->io("input_image")), "inter.image_encoder.patch_embed"));
    const torch::Tensor x0 = golden->io("inter.image_encoder.patch_embed") + encoder->pos_embed;
    EXPECT_TRUE(close(encoder->blockList[0]->forward(x0), "inter.image_encoder.blocks.0"));     // windowed, padded
    EXPECT_TRUE(close(encoder->blockList[1]->forward(golden->io("inter.image_encoder.blocks.0")),
                      "inter.image_encoder.blocks.1"));                                        // global
    EXPECT_TRUE(close(encoder->neck->forward(golden->io("inter.image_encoder.blocks.1").permute({0, 3, 1, 2})),
                      "inter.image_encoder.neck"));
    EXPECT_TRUE(close((*model)->encodeImage(golden->io("input_image")), "image_embeddings"));
}

TEST_F(SamGolden, DensePositionalEncoding) {
    EXPECT_TRUE(close((*model)->prompt_encoder->getDensePe(), "dense_pe"));
}

TEST_F(SamGolden, PromptEncoderForEveryPromptSet) {
    for (const PromptSet& p : promptSets(*golden)) {
        SCOPED_TRACE(p.name);
        const auto [sparse, dense] = (*model)->prompt_encoder->forward(p.coords, p.labels, p.boxes, p.masks);
        EXPECT_TRUE(close(sparse, p.name + ".sparse_embeddings"));
        EXPECT_TRUE(close(dense, p.name + ".dense_embeddings"));
    }
}

TEST_F(SamGolden, MaskDecoderAndPostprocessForEveryPromptSet) {
    const Size original = test::goldenOriginalSize(*golden);
    const torch::Tensor resized = golden->io("resized_image");
    const Size inputSize{static_cast<int>(resized.size(3)), static_cast<int>(resized.size(2))};
    // Both forms of the cross attentions (this small case would pick the projected one by itself).
    for (const SamAttentionForm form : {SamAttentionForm::Projected, SamAttentionForm::LowRank}) {
        SCOPED_TRACE(form == SamAttentionForm::LowRank ? "low-rank cross attention" : "projected cross attention");
        (*model)->mask_decoder->transformer->setCrossAttentionForm(form);
        for (const PromptSet& p : promptSets(*golden)) {
            for (const bool multi : {true, false}) {
                const std::string prefix = p.name + (multi ? ".multi." : ".single.");
                SCOPED_TRACE(prefix);
                const SamDecoderOutput out = (*model)->mask_decoder->forward(
                    golden->io("image_embeddings"), golden->io("dense_pe"), golden->io(p.name + ".sparse_embeddings"),
                    golden->io(p.name + ".dense_embeddings"), multi);
                if (golden->hasIo(prefix + "inter.transformer_queries")) {
                    EXPECT_TRUE(close(out.transformerQueries, prefix + "inter.transformer_queries"));
                    EXPECT_TRUE(close(out.transformerKeys, prefix + "inter.transformer_keys"));
                }
                EXPECT_TRUE(close(out.lowResMasks, prefix + "low_res_masks"));
                EXPECT_TRUE(close(out.iouPredictions, prefix + "iou_predictions"));
                const torch::Tensor logits =
                    samPostprocessMasks(golden->io(prefix + "low_res_masks"), inputSize, original, imgSize());
                EXPECT_TRUE(close(logits, prefix + "masks_logits"));
                EXPECT_TRUE(test::masksMatch(logits > 0, golden->io(prefix + "masks"), golden->io(prefix + "masks_logits")));
            }
        }
    }
    (*model)->mask_decoder->transformer->setCrossAttentionForm(SamAttentionForm::Auto);
}

// Everything from original_image and the prompts in original pixels, nothing recorded in between.
TEST_F(SamGolden, EndToEndFromOriginalImage) {
    const Size original = test::goldenOriginalSize(*golden);
    const torch::Tensor resized = samResizeImage(golden->io("original_image"), imgSize());
    const Size inputSize{static_cast<int>(resized.size(3)), static_cast<int>(resized.size(2))};
    const torch::Tensor embedding = (*model)->encodeImage(samPreprocess(resized, imgSize()));
    EXPECT_TRUE(closeEndToEnd(embedding, "image_embeddings"));
    const torch::Tensor box = samApplyBoxes(golden->io("box"), original, imgSize());
    const std::vector<PromptSet> sets{
        {"points", samApplyCoords(golden->io("point_coords"), original, imgSize()), golden->io("point_labels"), {}, {}},
        {"box", {}, {}, box, {}},
        {"point_box", samApplyCoords(golden->io("pb_point_coords"), original, imgSize()), golden->io("pb_point_labels"), box, {}},
        {"box_mask", {}, {}, box, golden->io("mask_input")},
    };
    for (const PromptSet& p : sets) {
        for (const bool multi : {true, false}) {
            const std::string prefix = p.name + (multi ? ".multi." : ".single.");
            SCOPED_TRACE(prefix);
            const auto [sparse, dense] = (*model)->prompt_encoder->forward(p.coords, p.labels, p.boxes, p.masks);
            const SamDecoderOutput out = (*model)->mask_decoder->forward(
                embedding, (*model)->prompt_encoder->getDensePe(), sparse, dense, multi);
            EXPECT_TRUE(closeEndToEnd(out.lowResMasks, prefix + "low_res_masks"));
            EXPECT_TRUE(closeEndToEnd(out.iouPredictions, prefix + "iou_predictions"));
            const torch::Tensor logits = samPostprocessMasks(out.lowResMasks, inputSize, original, imgSize());
            EXPECT_TRUE(closeEndToEnd(logits, prefix + "masks_logits"));
            EXPECT_TRUE(test::masksMatch(logits > 0, golden->io(prefix + "masks"), golden->io(prefix + "masks_logits")));
        }
    }
}
