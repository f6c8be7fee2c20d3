// SPDX-License-Identifier: GPL-3.0-or-later
// Variations denoised together in one UNet batch give the images they give one at a time.
#include "engine/edit_canvas.h"
#include "engine/image_io.h"
#include "engine/pipeline/diffusion_pipeline.h"
#include "tiny_model.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

using namespace atelier;
using namespace atelier::engine;
namespace fs = std::filesystem;

namespace {

int maxPixelDifference(const ImageRGBA8& a, const ImageRGBA8& b) {
    int worst = 0;
    for (size_t i = 0; i < a.pixels.size(); ++i) worst = std::max(worst, std::abs(int(a.pixels[i]) - int(b.pixels[i])));
    return worst;
}

void expectBatchingKeepsTheImages(const std::string& unetCase, const std::string& sampler) {
    const fs::path dir = fs::temp_directory_path() / ("atelier-batch-" + std::to_string(::getpid()) + unetCase);
    fs::remove_all(dir);
    test::writeTinyDiffusersFolder(dir.string(), unetCase);
    const StableDiffusionModel model = loadStableDiffusion(dir.string());
    EditRequest r;
    r.source = loadImageFile(std::string(ATELIER_SOURCE_DIR) + "/resources/samples/astronaut.png");
    r.mask = loadMaskFile(std::string(ATELIER_SOURCE_DIR) + "/resources/samples/astronaut_shuttle_mask.png");
    r.modelPath = dir.string();
    r.prompt = "grey studio backdrop";
    r.steps = 3;
    r.seed = 5;
    r.variationCount = 3;
    r.sampler = sampler;
    const EditCanvas canvas = prepareCanvas(r);
    const EditResult single = runDiffusion(model, r, canvas, nullptr, nullptr, DiffusionOptions{1});
    const EditResult batched = runDiffusion(model, r, canvas, nullptr, nullptr, DiffusionOptions{2}); // [0, 1] then [2]
    ASSERT_EQ(single.variations.size(), 3u);
    ASSERT_EQ(batched.variations.size(), 3u);
    for (size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(batched.variations[i].recipe.seed, single.variations[i].recipe.seed);
        EXPECT_LE(maxPixelDifference(batched.variations[i].image, single.variations[i].image), 1) << "variation " << i;
        EXPECT_EQ(batched.variations[i].recipe.timings.stepSeconds.size(), 3u);
    }
    EXPECT_GT(maxPixelDifference(batched.variations[0].image, batched.variations[1].image), 10);
    fs::remove_all(dir);
}

} // namespace

TEST(VariationBatch, AncestralSamplerWithMaskedLatentBlending) { expectBatchingKeepsTheImages("unet_sd15", "euler_a"); }

TEST(VariationBatch, NineChannelInpaintingModelWithDpmSolver) { expectBatchingKeepsTheImages("unet_inpaint", "dpmpp_2m"); }

TEST(VariationBatch, DefaultIsOneOnTheCpu) { EXPECT_EQ(defaultVariationBatch(torch::kCPU), 1); }
