// SPDX-License-Identifier: GPL-3.0-or-later
// The "sam" golden case as a model: configuration from the weights' shapes plus
// what the case's JSON says and shapes cannot (decoder heads), loaded strictly.
#pragma once

#include "engine/sam/sam_config_json.h"
#include "engine/sam/sam_embedding.h"
#include "engine/sam/sam_model.h"
#include "engine/sam/sam_segmenter.h"
#include "models/golden_case.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>

namespace atelier::test {

inline engine::ShapeMap goldenShapes(const GoldenCase& golden) {
    engine::ShapeMap shapes;
    for (const auto& [name, info] : golden.weights().tensors()) shapes[name] = info.shape;
    return shapes;
}

inline engine::SamModel loadGoldenSam(const GoldenCase& golden) {
    const engine::ShapeMap shapes = goldenShapes(golden);
    engine::SamModel model(engine::detectSamConfig(shapes, engine::samOverridesFromJson(golden.configText())), shapes);
    engine::loadStateDict(*model, golden.weights());
    model->eval();
    return model;
}

/// The case's original image size (W x H of original_image [1, 3, H, W]).
inline Size goldenOriginalSize(const GoldenCase& golden) {
    const torch::Tensor image = golden.io("original_image");
    return {static_cast<int>(image.size(3)), static_cast<int>(image.size(2))};
}

/// The case's original_image ([1, 3, H, W], values 0..255) as an opaque RGBA image.
inline ImageRGBA8 goldenImage(const GoldenCase& golden) {
    const torch::Tensor rgb =
        golden.io("original_image")[0].permute({1, 2, 0}).round().clamp(0, 255).to(torch::kUInt8).contiguous();
    ImageRGBA8 image(static_cast<int>(rgb.size(1)), static_cast<int>(rgb.size(0)));
    const std::uint8_t* src = rgb.data_ptr<std::uint8_t>();
    for (std::size_t i = 0; i < static_cast<std::size_t>(image.width) * image.height; ++i) {
        std::memcpy(&image.pixels[4 * i], src + 3 * i, 3);
        image.pixels[4 * i + 3] = 255;
    }
    return image;
}

/// A mask as a [H, W] uint8 tensor (a copy).
inline torch::Tensor maskTensor(const MaskA8& m) {
    return torch::from_blob(const_cast<std::uint8_t*>(m.values.data()), {m.height, m.width}, torch::kUInt8).clone();
}

/// Binary masks equal, except where the reference logit is within `margin` of 0.
inline ::testing::AssertionResult masksMatch(const torch::Tensor& masks, const torch::Tensor& refMasks,
                                             const torch::Tensor& refLogits, double margin = 1e-4) {
    if (masks.sizes() != refMasks.sizes()) {
        return ::testing::AssertionFailure() << "shape " << masks.sizes() << " != golden " << refMasks.sizes();
    }
    const torch::Tensor differ = masks.to(torch::kBool) != refMasks.to(torch::kBool);
    const torch::Tensor bad = differ & (refLogits.abs() >= margin);
    const auto flips = differ.sum().item<std::int64_t>(), badFlips = bad.sum().item<std::int64_t>();
    if (badFlips == 0) return ::testing::AssertionSuccess() << flips << " flip(s) at |logit| < " << margin;
    return ::testing::AssertionFailure() << badFlips << " pixel(s) differ where |logit| >= " << margin;
}

/// A test suite that shares, for golden case `CaseName` ("sam", "mobilesam"): the case, its
/// model built for stage-by-stage checks, the public SamSegmenter loaded from the same weights
/// file, and that segmenter's embedding of original_image. Made once per suite.
template <const char* CaseName>
class GoldenSamSuite : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        golden = new GoldenCase(CaseName);
        model = new engine::SamModel(loadGoldenSam(*golden));
        segmenter = new engine::SamSegmenter(engine::SamSegmenter::load(goldenPath(std::string(CaseName) + ".safetensors")));
        embedding = segmenter->computeEmbedding(goldenImage(*golden));
    }
    static void TearDownTestSuite() {
        embedding.reset();
        delete segmenter;
        delete model;
        delete golden;
    }

    static inline GoldenCase* golden = nullptr;
    static inline engine::SamModel* model = nullptr;
    static inline engine::SamSegmenter* segmenter = nullptr;
    static inline std::shared_ptr<const engine::SamEmbedding> embedding;
};

inline constexpr char kSamCase[] = "sam";
inline constexpr char kMobileSamCase[] = "mobilesam";

} // namespace atelier::test
