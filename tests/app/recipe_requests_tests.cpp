// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/recipe_requests.h"
#include "app_test_support.h"
#include "engine/pixel_hash.h"

#include <gtest/gtest.h>

using namespace atelier;

namespace {

engine::Recipe sampleRecipe() {
    engine::Recipe r;
    r.mode = engine::EditMode::Outpaint;
    r.prompt = "a lighthouse";
    r.negativePrompt = "fog";
    r.seed = 1234;
    r.steps = 18;
    r.cfgScale = 5.5;
    r.strength = 0.9;
    r.sampler = "dpmpp_2m";
    r.classicalFill = engine::ClassicalFill::Telea;
    r.outpaint = {0, 32, 0, 0};
    r.featherPx = 3.0;
    r.variationIndex = 2;
    r.variationCount = 4;
    r.model.path = "/models/sd15.safetensors";
    return r;
}

} // namespace

TEST(RecipeRequests, ReRunRepeatsEverySettingWithTheVariationsOwnSeed) {
    const engine::Recipe r = sampleRecipe();
    const engine::EditRequest q = app::rerunRequest(r, test::patternImage(16, 8), MaskA8(16, 8));
    EXPECT_EQ(q.mode, engine::EditMode::Outpaint);
    EXPECT_EQ(q.prompt, r.prompt);
    EXPECT_EQ(q.negativePrompt, r.negativePrompt);
    EXPECT_EQ(q.seed, 1234u);
    EXPECT_EQ(q.steps, 18);
    EXPECT_DOUBLE_EQ(q.cfgScale, 5.5);
    EXPECT_DOUBLE_EQ(q.strength, 0.9);
    EXPECT_EQ(q.sampler, "dpmpp_2m");
    EXPECT_EQ(q.classicalFill, engine::ClassicalFill::Telea);
    EXPECT_EQ(q.outpaint.top, 32);
    EXPECT_DOUBLE_EQ(q.featherPx, 3.0);
    EXPECT_EQ(q.modelPath, "/models/sd15.safetensors");
    EXPECT_EQ(q.variationCount, 1);
    EXPECT_EQ(q.source.size(), (Size{16, 8}));
}

TEST(RecipeRequests, SameInputsComparesTheRecordedHashes) {
    engine::Recipe r = sampleRecipe();
    const ImageRGBA8 source = test::patternImage(16, 8);
    MaskA8 mask(16, 8);
    EXPECT_TRUE(app::sameInputs(r, source, mask)); // nothing recorded: nothing to compare
    r.sourceSha256 = engine::imageSha256(source);
    r.maskSha256 = engine::maskSha256(mask);
    EXPECT_TRUE(app::sameInputs(r, source, mask));
    mask.at(3, 3) = 255;
    EXPECT_FALSE(app::sameInputs(r, source, mask));
}

TEST(RecipeRequests, MoreLikeThisIsAnImg2ImgFromTheVariationWithItsSeed) {
    engine::Variation v;
    v.image = test::patternImage(24, 12);
    v.recipe = sampleRecipe();
    const engine::EditRequest q = app::moreLikeThisRequest(v, 3, 0.4);
    EXPECT_EQ(q.mode, engine::EditMode::Img2Img);
    EXPECT_EQ(q.source, v.image);
    EXPECT_EQ(q.mask.size(), v.image.size());
    EXPECT_TRUE(q.mask.isClear());
    EXPECT_EQ(q.seed, 1234u);
    EXPECT_EQ(q.prompt, "a lighthouse");
    EXPECT_EQ(q.modelPath, "/models/sd15.safetensors");
    EXPECT_DOUBLE_EQ(q.strength, 0.4);
    EXPECT_EQ(q.variationCount, 3);
    EXPECT_TRUE(q.outpaint.isNull());
}
