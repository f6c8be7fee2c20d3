// SPDX-License-Identifier: GPL-3.0-or-later
// A project with every kind of content, for the project tests.
#pragma once

#include "core/error.h"
#include "project/project.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>

#include <unistd.h>

namespace atelier::test {

/// Random pixels (every byte, alpha included), so a lossy path would show.
inline ImageRGBA8 randomImage(int w, int h, unsigned seed) {
    ImageRGBA8 image(w, h);
    std::mt19937 rng(seed);
    for (auto& b : image.pixels) b = static_cast<std::uint8_t>(rng());
    return image;
}

inline MaskA8 randomMask(int w, int h, unsigned seed) {
    MaskA8 mask(w, h);
    std::mt19937 rng(seed);
    for (auto& v : mask.values) v = static_cast<std::uint8_t>(rng() % 3 == 0 ? rng() : 0);
    return mask;
}

inline engine::Recipe sampleRecipe(int index, std::uint64_t seed) {
    engine::Recipe r;
    r.mode = engine::EditMode::Inpaint;
    r.prompt = "a red cup on a wooden table, \"studio\" light — ünïcode";
    r.negativePrompt = "blurry";
    r.promptUsed = true;
    r.seed = seed;
    r.steps = 25;
    r.cfgScale = 6.5;
    r.strength = 0.8;
    r.sampler = "dpmpp_2m";
    r.variationIndex = index;
    r.variationCount = 3;
    r.featherPx = 6.0;
    r.sourceSize = {150, 100};
    r.cropRect = {10, 12, 96, 64};
    r.sourceSha256 = std::string(64, 'a');
    r.maskSha256 = std::string(64, 'b');
    r.model = {"diffusion", "sd15.safetensors", "/models/sd15.safetensors", "sd15", std::string(64, 'c')};
    r.device = "cpu";
    r.appVersion = "0.1.0";
    r.timings.sharedSeconds = 0.25;
    r.timings.variationSeconds = 1.5;
    r.timings.stepSeconds = {0.5, 0.5, 0.5};
    return r;
}

/// 150x100 image (edge tiles are partial), two mask layers with their own
/// appearance, a reference, an outpaint frame, three variations (one of
/// another size) in each approval state, prompt state and audit events.
inline project::Project sampleProject() {
    project::Project p;
    p.document = doc::Document(randomImage(150, 100, 1), randomMask(150, 100, 2));
    const int first = p.document.activeMaskId();
    p.document.setMaskAppearance(first, 0x12ab34, 0.25);
    const int second = p.document.addMaskLayer("Sky");
    p.document.maskForWriting(second).paste(randomMask(150, 100, 3), 0, 0);
    p.document.setMaskVisible(second, false);
    p.document.setMaskAppearance(second, 0x00ff80, 0.75);
    p.document.setActiveMask(first);
    p.document.addReference("style.png", randomImage(33, 47, 4));
    p.document.setOutpaintFrame({8, 0, 16, 4});
    p.sourcePath = "/home/designer/cup.png";
    const project::Approval approvals[] = {project::Approval::Approved, project::Approval::Rejected,
                                           project::Approval::None};
    for (int i = 0; i < 3; ++i) {
        project::ProjectVariation v;
        v.jobId = 2;
        v.approval = approvals[i];
        auto variation = std::make_shared<engine::Variation>();
        variation->image = i == 2 ? randomImage(174, 104, 10 + i) : randomImage(150, 100, 10 + i);
        variation->recipe = sampleRecipe(i, 1234 + i);
        v.variation = variation;
        p.variations.push_back(v);
    }
    p.prompt.prompt = "a red cup";
    p.prompt.negativePrompt = "blurry, lowres";
    p.prompt.modelPath = "/models/sd15.safetensors";
    p.prompt.seed = 9876543210ull;
    p.prompt.steps = 25;
    p.prompt.variationCount = 3;
    p.prompt.cfgScale = 6.5;
    p.prompt.strength = 0.8;
    p.prompt.sampler = "dpmpp_2m";
    p.audit.push_back({"job_requested", "2", "2026-11-21T08:30:00.123Z", R"({"mode":"inpaint"})"});
    p.audit.push_back({"variation_approved", "2", "2026-11-21T08:31:00.000Z", R"({"index":1,"seed":1234})"});
    return p;
}

/// A fresh folder under the test's temporary directory.
inline std::filesystem::path tempFolder(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("atelier_project_tests_" + std::to_string(::getpid())) / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace atelier::test
