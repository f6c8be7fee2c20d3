// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"
#include "engine/recipe_json.h"

#include <gtest/gtest.h>

using namespace atelier;
using namespace atelier::engine;

TEST(RecipeJson, RoundTripKeepsEveryField) {
    Recipe r;
    r.mode = EditMode::Outpaint;
    r.prompt = "a \"quoted\" prompt, ünïcode";
    r.negativePrompt = "blurry";
    r.promptUsed = true;
    r.seed = 18446744073709551615ull;
    r.steps = 25;
    r.cfgScale = 6.5;
    r.strength = 0.75;
    r.sampler = "dpmpp_2m";
    r.classicalFill = ClassicalFill::Telea;
    r.variationIndex = 2;
    r.variationCount = 4;
    r.outpaint = {1, 2, 3, 4};
    r.featherPx = 5.5;
    r.sourceSize = {640, 480};
    r.cropRect = {10, 20, 300, 400};
    r.model = {"diffusion", "sd15.safetensors", "/m/sd15.safetensors", "sd15"};
    r.device = "cpu";
    r.appVersion = "0.1.0";
    r.timings = {1.5, 0.25, {0.1, 0.2}};
    const Recipe back = recipeFromJson(recipeToJson(r));
    EXPECT_EQ(recipeToJson(back, 2), recipeToJson(r, 2));
    EXPECT_EQ(back.seed, r.seed);
    EXPECT_EQ(back.prompt, r.prompt);
    EXPECT_EQ(back.cropRect, r.cropRect);
}

TEST(RecipeJson, MalformedJsonThrowsAtelierError) {
    EXPECT_THROW(recipeFromJson("{not json"), Error);
    EXPECT_THROW(recipeFromJson("{\"mode\": \"inpaint\"}"), Error);
}
