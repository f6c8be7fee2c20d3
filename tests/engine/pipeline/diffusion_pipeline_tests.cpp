// SPDX-License-Identifier: GPL-3.0-or-later
// runEdit with a diffusion model: the tiny golden-weight model in both file
// layouts, on the sample photo. Pixels outside the mask stay bit-identical,
// seeds reproduce, both layouts give the same pixels, cancel keeps finished work.
#include "core/error.h"
#include "engine/edit_engine.h"
#include "engine/image_io.h"
#include "tiny_model.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace atelier;
using namespace atelier::engine;
namespace fs = std::filesystem;

namespace {

class DiffusionPipeline : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = fs::temp_directory_path() / ("atelier-tiny-" + std::to_string(::getpid()));
        fs::remove_all(s_dir);
        test::writeTinyDiffusersFolder((s_dir / "tiny-sd15").string());
        test::writeTinyDiffusersFolder((s_dir / "tiny-inpaint").string(), "unet_inpaint");
        test::writeTinySingleFile((s_dir / "tiny-sd15.safetensors").string());
    }
    static void TearDownTestSuite() { fs::remove_all(s_dir); }

    static EditRequest inpaintRequest(const std::string& model) {
        EditRequest r;
        r.source = loadImageFile(std::string(ATELIER_SOURCE_DIR) + "/resources/samples/astronaut.png");
        r.mask = loadMaskFile(std::string(ATELIER_SOURCE_DIR) + "/resources/samples/astronaut_shuttle_mask.png");
        r.modelPath = (s_dir / model).string();
        r.prompt = "grey studio backdrop";
        r.negativePrompt = "rocket";
        r.steps = 3;
        r.seed = 11;
        r.variationCount = 2;
        r.sampler = "euler_a";
        return r;
    }

    static void expectOutsideMaskUnchanged(const EditRequest& r, const ImageRGBA8& out) {
        ASSERT_EQ(out.size(), r.source.size());
        long differing = 0, changedInside = 0;
        for (int y = 0; y < r.mask.height; ++y) {
            for (int x = 0; x < r.mask.width; ++x) {
                const bool same = std::equal(out.pixel(x, y), out.pixel(x, y) + 4, r.source.pixel(x, y));
                if (r.mask.at(x, y) == 0) differing += !same;
                else changedInside += !same;
            }
        }
        EXPECT_EQ(differing, 0);
        EXPECT_GT(changedInside, 1000);
    }

    static fs::path s_dir;
};
fs::path DiffusionPipeline::s_dir;

} // namespace

TEST_F(DiffusionPipeline, InpaintKeepsOutsideBitIdenticalAndRecordsTheRecipe) {
    const EditRequest r = inpaintRequest("tiny-sd15");
    const EditResult result = runEdit(r);
    ASSERT_EQ(result.variations.size(), 2u);
    for (const Variation& v : result.variations) expectOutsideMaskUnchanged(r, v.image);
    EXPECT_NE(result.variations[0].image, result.variations[1].image);
    const Recipe& recipe = result.variations[1].recipe;
    EXPECT_TRUE(recipe.promptUsed);
    EXPECT_EQ(recipe.seed, 12u);
    EXPECT_EQ(recipe.model.backend, "diffusion");
    EXPECT_EQ(recipe.model.architecture, "other");
    EXPECT_EQ(recipe.timings.stepSeconds.size(), 3u);
}

TEST_F(DiffusionPipeline, SameSeedReproducesAndBothFileLayoutsAgree) {
    EditRequest r = inpaintRequest("tiny-sd15");
    r.variationCount = 1;
    const EditResult a = runEdit(r);
    const EditResult b = runEdit(r);
    ASSERT_EQ(a.variations.size(), 1u);
    EXPECT_EQ(a.variations[0].image, b.variations[0].image);
    r.modelPath = (s_dir / "tiny-sd15.safetensors").string();
    const EditResult single = runEdit(r);
    ASSERT_EQ(single.variations.size(), 1u);
    EXPECT_EQ(single.variations[0].image, a.variations[0].image);
}

TEST_F(DiffusionPipeline, NineChannelInpaintingModel) {
    const EditRequest r = inpaintRequest("tiny-inpaint");
    const EditResult result = runEdit(r);
    ASSERT_EQ(result.variations.size(), 2u);
    expectOutsideMaskUnchanged(r, result.variations[0].image);
}

TEST_F(DiffusionPipeline, EverySamplerRuns) {
    for (const char* sampler : {"ddim", "euler", "euler_a", "dpmpp_2m", "dpmpp_2m_karras", "lcm"}) {
        SCOPED_TRACE(sampler);
        EditRequest r = inpaintRequest("tiny-sd15");
        r.variationCount = 1;
        r.sampler = sampler;
        const EditResult result = runEdit(r);
        ASSERT_EQ(result.variations.size(), 1u);
        expectOutsideMaskUnchanged(r, result.variations[0].image);
    }
}

TEST_F(DiffusionPipeline, Img2ImgTxt2ImgAndOutpaint) {
    EditRequest r = inpaintRequest("tiny-sd15");
    r.variationCount = 1;
    r.mask = MaskA8();
    r.mode = EditMode::Img2Img;
    r.strength = 0.6;
    const EditResult img2img = runEdit(r);
    ASSERT_EQ(img2img.variations.size(), 1u);
    EXPECT_NE(img2img.variations[0].image, r.source);
    r.mode = EditMode::Txt2Img;
    const EditResult txt2img = runEdit(r);
    ASSERT_EQ(txt2img.variations.size(), 1u);
    EXPECT_EQ(txt2img.variations[0].image.size(), r.source.size());
    r.mode = EditMode::Outpaint;
    r.strength = 1.0;
    r.outpaint = Margins{0, 0, 64, 0};
    const EditResult outpaint = runEdit(r);
    ASSERT_EQ(outpaint.variations.size(), 1u);
    EXPECT_EQ(outpaint.variations[0].image.copy(Rect{0, 0, 512, 512}), r.source);
}

TEST_F(DiffusionPipeline, Txt2ImgIgnoresStrengthAndCountsEveryStep) {
    EditRequest r = inpaintRequest("tiny-sd15");
    r.variationCount = 1;
    r.mask = MaskA8();
    r.mode = EditMode::Txt2Img;
    r.strength = 0.5;
    struct LastStep : ProgressSink {
        int step = 0, total = 0;
        void onProgress(const ProgressEvent& e) override { step = e.step, total = e.totalSteps; }
    } sink;
    const EditResult result = runEdit(r, &sink);
    ASSERT_EQ(result.variations.size(), 1u);
    EXPECT_EQ(sink.total, 3);
    EXPECT_EQ(sink.step, 3);
}

TEST_F(DiffusionPipeline, CancelAfterTheFirstVariationKeepsIt) {
    const EditRequest r = inpaintRequest("tiny-sd15");
    CancelToken cancel;
    struct CancelOnFirst : ProgressSink {
        CancelToken* token = nullptr;
        int previews = 0;
        void onProgress(const ProgressEvent& e) override { previews += e.preview != nullptr; }
        void onVariation(const Variation&) override { token->request(CancelMode::AfterCurrentVariation); }
    } sink;
    sink.token = &cancel;
    const EditResult result = runEdit(r, &sink, &cancel);
    EXPECT_TRUE(result.cancelled);
    EXPECT_EQ(result.variations.size(), 1u);
    EXPECT_EQ(sink.previews, 3);
}
