// SPDX-License-Identifier: GPL-3.0-or-later
// The public SamSegmenter API on the golden "sam" model: embedding once, answering clicks
// from it (deterministically), box and previous-mask prompts, cancel and errors.
#include "core/error.h"
#include "engine/sam/sam_embedding.h"
#include "engine/sam/sam_segmenter.h"
#include "engine/sam/sam_transforms.h"
#include "sam_golden_case.h"

#include <cstring>

using namespace atelier;
using namespace atelier::engine;

namespace {

// The same prompt through the golden-checked stages on the recorded image embedding:
// (logits [M, H, W], iou [M], low-res [M, 4g, 4g]).
struct Expected {
    torch::Tensor logits, iou, lowRes;
};
Expected expected(SamModel& model, const test::GoldenCase& g, const SegmentPrompt& prompt, const torch::Tensor& maskInput,
                  bool multi) {
    torch::NoGradGuard noGrad;
    const Size original = test::goldenOriginalSize(g);
    const int side = model->config().imgSize;
    torch::Tensor coords, labels, boxes;
    if (!prompt.points.empty()) {
        std::vector<float> xy;
        std::vector<std::int64_t> l;
        for (const PromptPoint& p : prompt.points) {
            xy.push_back(static_cast<float>(p.x));
            xy.push_back(static_cast<float>(p.y));
            l.push_back(p.foreground ? 1 : 0);
        }
        const auto n = static_cast<std::int64_t>(l.size());
        coords = samApplyCoords(torch::tensor(xy).view({1, n, 2}), original, side);
        labels = torch::tensor(l).view({1, n});
    }
    if (prompt.box) {
        const Rect r = *prompt.box;
        boxes = samApplyBoxes(torch::tensor({float(r.x), float(r.y), float(r.x + r.width), float(r.y + r.height)}).view({1, 4}),
                              original, side);
    }
    const auto [sparse, dense] = model->prompt_encoder->forward(coords, labels, boxes, maskInput);
    const SamDecoderOutput out = model->mask_decoder->forward(g.io("image_embeddings"), g.io("dense_pe"), sparse, dense, multi);
    const torch::Tensor resized = g.io("resized_image");
    const Size inputSize{static_cast<int>(resized.size(3)), static_cast<int>(resized.size(2))};
    return {samPostprocessMasks(out.lowResMasks, inputSize, original, side)[0], out.iouPredictions[0], out.lowResMasks[0]};
}

void expectPredictionMatches(const SamPrediction& p, const Expected& e) {
    ASSERT_EQ(p.masks.size(), static_cast<std::size_t>(e.logits.size(0)));
    ASSERT_EQ(p.iouScores.size(), p.masks.size());
    ASSERT_EQ(p.lowResMasks.size(), p.masks.size());
    for (std::size_t m = 0; m < p.masks.size(); ++m) {
        SCOPED_TRACE("mask " + std::to_string(m));
        EXPECT_NEAR(p.iouScores[m], e.iou[m].item<float>(), 1e-4);
        EXPECT_TRUE(test::masksMatch(test::maskTensor(p.masks[m]), e.logits[m] > 0, e.logits[m]));
        const torch::Tensor low = torch::from_blob(const_cast<float*>(p.lowResMasks[m].logits.data()),
                                                   {p.lowResMasks[m].side, p.lowResMasks[m].side}, torch::kFloat32);
        EXPECT_TRUE(test::closeToGolden(low, e.lowRes[m], 1e-4, 3e-5));
        for (std::uint8_t v : p.masks[m].values) ASSERT_TRUE(v == 0 || v == 255);
    }
    const auto best = std::max_element(p.iouScores.begin(), p.iouScores.end()) - p.iouScores.begin();
    EXPECT_EQ(p.best, best);
}

class SamSegmenterTest : public test::GoldenSamSuite<test::kSamCase> {};

} // namespace

TEST_F(SamSegmenterTest, LoadsAndDescribesTheModel) {
    EXPECT_EQ(segmenter->architecture(), SamArchitecture::ViT);
    EXPECT_EQ(segmenter->architectureName(), "vit");
    EXPECT_EQ(segmenter->inputSide(), golden->json().at("config").at("img_size").get<int>());
}

TEST_F(SamSegmenterTest, EmbeddingMatchesTheReferenceEndToEnd) {
    ASSERT_TRUE(embedding);
    EXPECT_EQ(samEmbeddingImageSize(*embedding), test::goldenOriginalSize(*golden));
    const auto& t = golden->json().at("suggested_tolerance").at("end_to_end_from_original_image");
    EXPECT_TRUE(test::closeToGolden(embedding->imageEmbedding(), golden->io("image_embeddings"),
                                    t.at("max_abs").get<double>(), t.at("rel_l2").get<double>()));
}

TEST_F(SamSegmenterTest, PointsGiveTheReferenceStagesMasks) {
    SegmentPrompt prompt;
    prompt.points = {{14, 12, true}, {39, 32, false}};
    for (const bool multi : {true, false}) {
        SCOPED_TRACE(multi ? "multimask" : "single");
        const SamPrediction p = segmenter->predictMask(*embedding, prompt, nullptr, multi);
        EXPECT_EQ(p.masks.size(), multi ? 3u : 1u);
        expectPredictionMatches(p, expected(*model, *golden, prompt, {}, multi));
    }
}

TEST_F(SamSegmenterTest, BoxAndPointWithBox) {
    SegmentPrompt box;
    box.box = Rect{6, 8, 36, 28};
    expectPredictionMatches(segmenter->predictMask(*embedding, box), expected(*model, *golden, box, {}, true));
    SegmentPrompt pointBox = box;
    pointBox.points = {{22, 18, true}};
    expectPredictionMatches(segmenter->predictMask(*embedding, pointBox), expected(*model, *golden, pointBox, {}, true));
}

TEST_F(SamSegmenterTest, ReclickingReusesTheEmbeddingDeterministically) {
    SegmentPrompt prompt;
    prompt.points = {{28, 20, true}};
    const SamPrediction a = segmenter->predictMask(*embedding, prompt);
    const SamPrediction b = segmenter->predictMask(*embedding, prompt);
    ASSERT_EQ(a.masks.size(), b.masks.size());
    for (std::size_t m = 0; m < a.masks.size(); ++m) {
        EXPECT_EQ(a.masks[m].values, b.masks[m].values);
        EXPECT_EQ(a.iouScores[m], b.iouScores[m]);
        EXPECT_EQ(a.lowResMasks[m].logits, b.lowResMasks[m].logits);
    }
    EXPECT_EQ(a.best, b.best);
}

// All: the single answer then the three multimask candidates, from one decoder pass, equal to
// asking for each.
TEST_F(SamSegmenterTest, AllOutputsAreTheSingleThenTheMultimaskCandidates) {
    SegmentPrompt prompt;
    prompt.points = {{14, 12, true}, {39, 32, false}};
    const SamPrediction single = segmenter->predictMask(*embedding, prompt, nullptr, SamMaskOutputs::Single);
    const SamPrediction multi = segmenter->predictMask(*embedding, prompt, nullptr, SamMaskOutputs::Multimask);
    const SamPrediction all = segmenter->predictMask(*embedding, prompt, nullptr, SamMaskOutputs::All);
    ASSERT_EQ(single.masks.size(), 1u);
    ASSERT_EQ(multi.masks.size(), 3u);
    ASSERT_EQ(all.masks.size(), 4u);
    for (std::size_t m = 0; m < all.masks.size(); ++m) {
        SCOPED_TRACE("mask " + std::to_string(m));
        const SamPrediction& one = m == 0 ? single : multi;
        const std::size_t i = m == 0 ? 0 : m - 1;
        EXPECT_EQ(all.masks[m].values, one.masks[i].values);
        EXPECT_FLOAT_EQ(all.iouScores[m], one.iouScores[i]);
    }
    EXPECT_EQ(all.best, static_cast<int>(std::max_element(all.iouScores.begin(), all.iouScores.end()) -
                                         all.iouScores.begin()));
}

TEST_F(SamSegmenterTest, PreviousLowResMaskIsTheDensePrompt) {
    SegmentPrompt prompt;
    prompt.box = Rect{6, 8, 36, 28};
    const torch::Tensor maskInput = golden->io("mask_input");
    SamLowResMask previous;
    previous.side = static_cast<int>(maskInput.size(-1));
    previous.logits.assign(maskInput.data_ptr<float>(), maskInput.data_ptr<float>() + maskInput.numel());
    const SamPrediction p = segmenter->predictMask(*embedding, prompt, &previous, false);
    expectPredictionMatches(p, expected(*model, *golden, prompt, maskInput, false));

    // Feeding a prediction back (the interactive loop) works too.
    const SamPrediction first = segmenter->predictMask(*embedding, prompt);
    const SamPrediction second = segmenter->predictMask(*embedding, prompt, &first.lowResMasks[first.best]);
    EXPECT_EQ(second.masks.size(), 3u);

    SamLowResMask wrong;
    wrong.side = 8;
    wrong.logits.assign(64, 0.0f);
    EXPECT_THROW(segmenter->predictMask(*embedding, prompt, &wrong), Error);
}

TEST_F(SamSegmenterTest, RejectsBadPromptsAndImages) {
    SegmentPrompt outside;
    outside.points = {{1000, 5, true}};
    EXPECT_THROW(segmenter->predictMask(*embedding, outside), Error);
    EXPECT_THROW(segmenter->predictMask(*embedding, SegmentPrompt{}), Error);
    EXPECT_THROW(segmenter->computeEmbedding(ImageRGBA8()), Error);
}

TEST_F(SamSegmenterTest, CancelStopsTheEncoder) {
    CancelToken cancel;
    cancel.request(CancelMode::Now);
    EXPECT_EQ(segmenter->computeEmbedding(test::goldenImage(*golden), &cancel), nullptr);
}

// MobileSAM (TinyViT encoder, tests/data/golden/mobilesam.*; mobilesam.json beside it gives
// img_size and decoder heads) through the same public API.
TEST(SamSegmenterMobileSam, EmbeddingAndMasksMatchTheReference) {
    const test::GoldenCase golden("mobilesam");
    const SamSegmenter segmenter = SamSegmenter::load(test::goldenPath("mobilesam.safetensors"));
    EXPECT_EQ(segmenter.architecture(), SamArchitecture::TinyViT);
    EXPECT_EQ(segmenter.architectureName(), "mobilesam");
    EXPECT_EQ(segmenter.inputSide(), golden.json().at("config").at("img_size").get<int>());
    const auto embedding = segmenter.computeEmbedding(test::goldenImage(golden));
    ASSERT_TRUE(embedding);
    const auto& t = golden.json().at("suggested_tolerance");
    const auto& e2e = t.contains("end_to_end_from_original_image") ? t.at("end_to_end_from_original_image") : t;
    EXPECT_TRUE(test::closeToGolden(embedding->imageEmbedding(), golden.io("image_embeddings"),
                                    e2e.at("max_abs").get<double>(), e2e.at("rel_l2").get<double>()));

    SamModel model = test::loadGoldenSam(golden);
    SegmentPrompt prompt;
    prompt.points = {{14, 12, true}, {39, 32, false}};
    prompt.box = Rect{6, 8, 36, 28};
    expectPredictionMatches(segmenter.predictMask(*embedding, prompt), expected(model, golden, prompt, {}, true));
}
