// SPDX-License-Identifier: GPL-3.0-or-later
// The mobilesam golden case end to end through the public SamSegmenter:
// load(mobilesam.safetensors) (config from mobilesam.json beside it) ->
// computeEmbedding(original image) -> predictMask per prompt set. The recorded
// prompts have fractional pixel coordinates, which SegmentPrompt (integer pixels)
// cannot carry, so each prompt set is checked twice: the golden-checked stages
// (prompt encoder + mask decoder on the recorded embedding) reproduce the
// recorded masks for the exact prompts, and SamSegmenter reproduces those
// stages for the prompt rounded to pixels.
#include "core/error.h"
#include "engine/sam/sam_embedding.h"
#include "engine/sam/sam_segmenter.h"
#include "engine/sam/sam_transforms.h"
#include "sam_golden_case.h"

#include <cstring>

using namespace atelier;
using namespace atelier::engine;

namespace {

/// Prompt tensors in original-image pixels: coords [1, N, 2] float, labels [1, N] int64, box [1, 4].
struct PromptTensors {
    torch::Tensor coords, labels, box, maskInput;
};

PromptTensors tensorsOf(const SegmentPrompt& prompt) {
    PromptTensors t;
    if (!prompt.points.empty()) {
        std::vector<float> xy;
        std::vector<std::int64_t> labels;
        for (const PromptPoint& p : prompt.points) {
            xy.insert(xy.end(), {static_cast<float>(p.x), static_cast<float>(p.y)});
            labels.push_back(p.foreground ? 1 : 0);
        }
        const auto n = static_cast<std::int64_t>(labels.size());
        t.coords = torch::tensor(xy).view({1, n, 2});
        t.labels = torch::tensor(labels).view({1, n});
    }
    if (prompt.box) {
        const Rect r = *prompt.box;
        t.box = torch::tensor({float(r.x), float(r.y), float(r.x + r.width), float(r.y + r.height)}).view({1, 4});
    }
    return t;
}

/// The golden-checked stages on the recorded embedding: low-res masks [B, M, 4g, 4g],
/// IoU [B, M], logits at the original size [B, M, H, W].
struct Stages {
    torch::Tensor lowRes, iou, logits;
};

Stages runStages(SamModel& model, const test::GoldenCase& g, const PromptTensors& p, bool multi) {
    torch::NoGradGuard noGrad;
    const Size original = test::goldenOriginalSize(g);
    const int side = model->config().imgSize;
    const torch::Tensor coords = p.coords.defined() ? samApplyCoords(p.coords, original, side) : torch::Tensor();
    const torch::Tensor box = p.box.defined() ? samApplyBoxes(p.box, original, side) : torch::Tensor();
    const auto [sparse, dense] = model->prompt_encoder->forward(coords, p.labels, box, p.maskInput);
    const SamDecoderOutput out =
        model->mask_decoder->forward(g.io("image_embeddings"), g.io("dense_pe"), sparse, dense, multi);
    const torch::Tensor resized = g.io("resized_image");
    const Size inputSize{static_cast<int>(resized.size(3)), static_cast<int>(resized.size(2))};
    return {out.lowResMasks, out.iouPredictions, samPostprocessMasks(out.lowResMasks, inputSize, original, side)};
}

class MobileSamGolden : public test::GoldenSamSuite<test::kMobileSamCase> {
protected:
    /// The recorded masks of `set` ("points", "box", ...) from the exact recorded prompt.
    static void expectRecorded(const std::string& set, const PromptTensors& p) {
        for (const bool multi : {true, false}) {
            const std::string name = set + (multi ? ".multi." : ".single.");
            SCOPED_TRACE(name);
            const Stages s = runStages(*model, *golden, p, multi);
            EXPECT_TRUE(test::closeToGolden(s.lowRes, golden->io(name + "low_res_masks"), 1e-4, 3e-5));
            EXPECT_TRUE(test::closeToGolden(s.iou, golden->io(name + "iou_predictions"), 1e-4, 3e-5));
            EXPECT_TRUE(test::masksMatch(s.logits > 0, golden->io(name + "masks"), golden->io(name + "masks_logits")));
        }
    }

    /// SamSegmenter's answer to `prompt` equals the stages' on the recorded embedding.
    static void expectSegmenterMatches(const SegmentPrompt& prompt, const torch::Tensor& maskInput, bool multi) {
        const SamLowResMask* previous = nullptr;
        SamLowResMask low;
        if (maskInput.defined()) {
            low.side = static_cast<int>(maskInput.size(-1));
            low.logits.assign(maskInput.data_ptr<float>(), maskInput.data_ptr<float>() + maskInput.numel());
            previous = &low;
        }
        PromptTensors p = tensorsOf(prompt);
        p.maskInput = maskInput;
        const Stages s = runStages(*model, *golden, p, multi);
        const SamPrediction pred = segmenter->predictMask(*embedding, prompt, previous, multi);
        ASSERT_EQ(pred.masks.size(), static_cast<std::size_t>(s.logits.size(1)));
        for (std::size_t m = 0; m < pred.masks.size(); ++m) {
            SCOPED_TRACE("mask " + std::to_string(m));
            const auto i = static_cast<std::int64_t>(m);
            EXPECT_NEAR(pred.iouScores[m], s.iou[0][i].item<float>(), 1e-4);
            EXPECT_TRUE(test::masksMatch(test::maskTensor(pred.masks[m]), s.logits[0][i] > 0, s.logits[0][i]));
            const torch::Tensor lowRes = torch::from_blob(const_cast<float*>(pred.lowResMasks[m].logits.data()),
                                                          {pred.lowResMasks[m].side, pred.lowResMasks[m].side});
            EXPECT_TRUE(test::closeToGolden(lowRes, s.lowRes[0][i], 1e-4, 3e-5));
        }
    }

};

/// The recorded points of prompt set `b` rounded to pixels.
SegmentPrompt roundedPoints(const torch::Tensor& coords, const torch::Tensor& labels, std::int64_t b) {
    SegmentPrompt prompt;
    for (std::int64_t i = 0; i < coords.size(1); ++i) {
        prompt.points.push_back({static_cast<int>(std::lround(coords[b][i][0].item<float>())),
                                 static_cast<int>(std::lround(coords[b][i][1].item<float>())),
                                 labels[b][i].item<std::int64_t>() == 1});
    }
    return prompt;
}

Rect roundedBox(const torch::Tensor& box) {
    const auto v = [&](int i) { return static_cast<int>(std::lround(box[0][i].item<float>())); };
    return {v(0), v(1), v(2) - v(0), v(3) - v(1)};
}

} // namespace

TEST_F(MobileSamGolden, LoadsAsMobileSAM) {
    EXPECT_EQ(segmenter->architecture(), SamArchitecture::TinyViT);
    EXPECT_EQ(segmenter->architectureName(), "mobilesam");
    EXPECT_EQ(segmenter->inputSide(), golden->json().at("config").at("img_size").get<int>());
}

TEST_F(MobileSamGolden, EmbeddingFromTheOriginalImage) {
    ASSERT_TRUE(embedding);
    EXPECT_EQ(samEmbeddingImageSize(*embedding), test::goldenOriginalSize(*golden));
    const auto& t = golden->json().at("suggested_tolerance").at("end_to_end_from_original_image");
    const ::testing::AssertionResult close = test::closeToGolden(
        embedding->imageEmbedding(), golden->io("image_embeddings"), t.at("max_abs").get<double>(), t.at("rel_l2").get<double>());
    EXPECT_TRUE(close);
    std::cout << "  image_embeddings end to end: " << close.message() << '\n';
}

// The cancel check reaches TinyViT's blocks: a request after the second poll stops the pass there.
TEST_F(MobileSamGolden, CancelIsPolledBetweenEncoderBlocks) {
    torch::NoGradGuard noGrad;
    int polls = 0;
    const torch::Tensor out = (*model)->encodeImage(golden->io("input_image"), [&polls] { return ++polls > 2; });
    EXPECT_FALSE(out.defined());
    EXPECT_EQ(polls, 3);
    int all = 0;
    EXPECT_TRUE((*model)->encodeImage(golden->io("input_image"), [&all] { return ++all < 0; }).defined());
    EXPECT_GT(all, 3) << "polled once per block";
}

TEST_F(MobileSamGolden, PointSets) {
    const torch::Tensor coords = golden->io("point_coords"), labels = golden->io("point_labels");
    expectRecorded("points", {coords, labels, {}, {}});
    for (std::int64_t b = 0; b < coords.size(0); ++b) {
        SCOPED_TRACE("prompt set " + std::to_string(b));
        for (const bool multi : {true, false}) expectSegmenterMatches(roundedPoints(coords, labels, b), {}, multi);
    }
}

TEST_F(MobileSamGolden, Box) {
    expectRecorded("box", {{}, {}, golden->io("box"), {}});
    SegmentPrompt prompt;
    prompt.box = roundedBox(golden->io("box"));
    for (const bool multi : {true, false}) expectSegmenterMatches(prompt, {}, multi);
}

TEST_F(MobileSamGolden, PointWithBox) {
    expectRecorded("point_box", {golden->io("pb_point_coords"), golden->io("pb_point_labels"), golden->io("box"), {}});
    SegmentPrompt prompt = roundedPoints(golden->io("pb_point_coords"), golden->io("pb_point_labels"), 0);
    prompt.box = roundedBox(golden->io("box"));
    for (const bool multi : {true, false}) expectSegmenterMatches(prompt, {}, multi);
}

TEST_F(MobileSamGolden, BoxWithPreviousMask) {
    expectRecorded("box_mask", {{}, {}, golden->io("box"), golden->io("mask_input")});
    SegmentPrompt prompt;
    prompt.box = roundedBox(golden->io("box"));
    for (const bool multi : {true, false}) expectSegmenterMatches(prompt, golden->io("mask_input"), multi);
}
