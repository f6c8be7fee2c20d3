// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"
#include "engine/recipe_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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
    r.sourceSha256 = std::string(64, 'a');
    r.maskSha256 = std::string(64, 'b');
    r.model = {"diffusion", "sd15.safetensors", "/m/sd15.safetensors", "sd15", std::string(64, 'c')};
    r.device = "cpu";
    r.appVersion = "0.1.0";
    r.timings = {1.5, 0.25, {0.1, 0.2}};
    const Recipe back = recipeFromJson(recipeToJson(r));
    EXPECT_EQ(recipeToJson(back, 2), recipeToJson(r, 2));
    EXPECT_EQ(back.seed, r.seed);
    EXPECT_EQ(back.prompt, r.prompt);
    EXPECT_EQ(back.cropRect, r.cropRect);
    EXPECT_EQ(back.sourceSha256, r.sourceSha256);
    EXPECT_EQ(back.maskSha256, r.maskSha256);
    EXPECT_EQ(back.model.sha256, r.model.sha256);
}

TEST(RecipeJson, RecipesWithoutHashesStillParse) {
    Recipe r;
    r.model = {"diffusion", "m.safetensors", "/m.safetensors", "sd1", "abc"};
    nlohmann::json j = nlohmann::json::parse(recipeToJson(r));
    j.erase("source_sha256");
    j.erase("mask_sha256");
    j["model"].erase("sha256");
    const Recipe back = recipeFromJson(j.dump());
    EXPECT_EQ(back.sourceSha256, "");
    EXPECT_EQ(back.model.sha256, "");
    EXPECT_EQ(back.model.name, "m.safetensors");
}

TEST(RecipeJson, MalformedJsonThrowsAtelierError) {
    EXPECT_THROW(recipeFromJson("{not json"), Error);
    EXPECT_THROW(recipeFromJson("{\"mode\": \"inpaint\"}"), Error);
}
