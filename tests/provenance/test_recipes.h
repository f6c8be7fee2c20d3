// SPDX-License-Identifier: GPL-3.0-or-later
// Recipes for the provenance tests.
#pragma once

#include "engine/variation.h"

namespace atelier::test {

/// A diffusion inpaint recipe with every field set.
inline engine::Recipe diffusionInpaintRecipe() {
    engine::Recipe r;
    r.mode = engine::EditMode::Inpaint;
    r.prompt = "a red bicycle, leaning on a wall";
    r.negativePrompt = "blurry, lowres";
    r.promptUsed = true;
    r.seed = 1659960289;
    r.steps = 20;
    r.cfgScale = 8.0;
    r.strength = 0.91;
    r.sampler = "dpmpp_2m_karras";
    r.variationIndex = 1;
    r.variationCount = 4;
    r.featherPx = 6.0;
    r.sourceSize = {985, 1266};
    r.cropRect = {100, 200, 512, 512};
    r.sourceSha256 = std::string(64, '1');
    r.maskSha256 = std::string(64, '2');
    r.model = {"diffusion", "realism_engine.safetensors", "/models/realism_engine.safetensors", "sd1",
               "b513c6287d" + std::string(54, '0')};
    r.device = "cpu";
    r.appVersion = "0.1.0";
    r.timings = {1.5, 2.25, {0.5, 0.75}};
    return r;
}

} // namespace atelier::test
