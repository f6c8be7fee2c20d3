// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/recipe_requests.h"

#include "engine/pixel_hash.h"

#include <algorithm>
#include <utility>

namespace atelier::app {
namespace {

// The generation settings a recipe shares with the request that made it.
engine::EditRequest settingsOf(const engine::Recipe& r) {
    engine::EditRequest q;
    q.prompt = r.prompt;
    q.negativePrompt = r.negativePrompt;
    q.seed = r.seed;
    q.steps = r.steps;
    q.cfgScale = r.cfgScale;
    q.strength = r.strength;
    q.sampler = r.sampler;
    q.modelPath = r.model.path;
    q.classicalFill = r.classicalFill;
    q.featherPx = r.featherPx;
    q.variationCount = 1;
    return q;
}

} // namespace

engine::EditRequest rerunRequest(const engine::Recipe& recipe, ImageRGBA8 source, MaskA8 mask) {
    engine::EditRequest q = settingsOf(recipe);
    q.mode = recipe.mode;
    q.outpaint = recipe.outpaint;
    q.source = std::move(source);
    q.mask = std::move(mask);
    return q;
}

bool sameInputs(const engine::Recipe& recipe, const ImageRGBA8& source, const MaskA8& mask) {
    if (!recipe.sourceSha256.empty() && recipe.sourceSha256 != engine::imageSha256(source)) return false;
    if (!recipe.maskSha256.empty() && recipe.maskSha256 != engine::maskSha256(mask)) return false;
    return true;
}

engine::EditRequest moreLikeThisRequest(const engine::Variation& variation, int count, double strength) {
    engine::EditRequest q = settingsOf(variation.recipe);
    q.mode = engine::EditMode::Img2Img;
    q.strength = std::clamp(strength, 0.0, 1.0);
    q.variationCount = std::clamp(count, 1, 64);
    q.source = variation.image;
    q.mask = MaskA8(variation.image.width, variation.image.height);
    return q;
}

} // namespace atelier::app
