// SPDX-License-Identifier: GPL-3.0-or-later
// The AUTOMATIC1111 "parameters" text: compared with real A1111 v1.9.4 output,
// quoting like its infotext_utils.quote(), numbers as its UI writes them,
// sampler names, and what is left out when unknown.
#include "provenance/a1111_parameters.h"
#include "provenance/digital_source_type.h"
#include "provenance/number_text.h"
#include "test_recipes.h"

#include <gtest/gtest.h>

using namespace atelier;
using namespace atelier::provenance;

// Settings line of an inpaint made with AUTOMATIC1111 v1.9.4 (published in a README on GitHub):
//   Steps: 20, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 8, Seed: 1659960289, Size: 985x1266,
//   Model hash: b513c6287d, Model: realism_engine, Denoising strength: 0.91, Masked content: fill, Version: v1.9.4
// Ours has the same fields up to "Denoising strength" (A1111's inpaint-only options and version differ).
TEST(A1111Parameters, MatchesARealA1111InpaintLine) {
    const std::string real = "Steps: 20, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 8, Seed: 1659960289, "
                             "Size: 985x1266, Model hash: b513c6287d, Model: realism_engine, Denoising strength: 0.91";
    const std::string text = a1111Parameters(test::diffusionInpaintRecipe());
    EXPECT_EQ(text, "a red bicycle, leaning on a wall\n"
                    "Negative prompt: blurry, lowres\n" +
                        real + ", Version: Atelier 0.1.0");
}

// A txt2img line of A1111 v1.9 form: "Steps: 20, Sampler: Euler a, Schedule type: Automatic, CFG scale: 7, ..."
TEST(A1111Parameters, Txt2ImgHasNoDenoisingStrengthNorNegativeLineWhenEmpty) {
    engine::Recipe r = test::diffusionInpaintRecipe();
    r.mode = engine::EditMode::Txt2Img;
    r.prompt = "  a lighthouse at dusk ";
    r.negativePrompt.clear();
    r.sampler = "euler_a";
    r.cfgScale = 7.5;
    r.seed = 3001968073;
    r.sourceSize = {512, 768};
    r.model.name = "v1-5-pruned-emaonly.ckpt";
    r.model.sha256 = "6ce0161689b3853acaa03779ec93eafe75a02f4ced659bee03f50797806fa2fa";
    // Like A1111, only the whole text is stripped: the space before the newline stays.
    EXPECT_EQ(a1111Parameters(r), "a lighthouse at dusk \n"
                                  "Steps: 20, Sampler: Euler a, Schedule type: Automatic, CFG scale: 7.5, "
                                  "Seed: 3001968073, Size: 512x768, Model hash: 6ce0161689, Model: v1-5-pruned-emaonly, "
                                  "Version: Atelier 0.1.0");
}

TEST(A1111Parameters, ValuesWithCommasOrColonsAreJsonQuoted) {
    engine::Recipe r = test::diffusionInpaintRecipe();
    r.model.name = "my, \"odd\": model";
    r.model.sha256.clear();
    r.sampler = "heun";
    r.outpaint = {10, 0, 20, 5};
    const std::string text = a1111Parameters(r);
    EXPECT_NE(text.find("Sampler: heun, CFG scale: 8,"), std::string::npos) << text;
    EXPECT_NE(text.find("Size: 1015x1271, Model: \"my, \\\"odd\\\": model\", Denoising"), std::string::npos) << text;
    EXPECT_EQ(text.find("Model hash"), std::string::npos);
}

TEST(A1111Parameters, ClassicalFillHasNone) {
    engine::Recipe r = test::diffusionInpaintRecipe();
    r.model = {"classical-fill", "OpenCV FSR inpainting", "", "", ""};
    EXPECT_EQ(a1111Parameters(r), "");
}

TEST(A1111Parameters, SamplerNamesFollowA1111) {
    EXPECT_EQ(a1111Sampler("euler_a").sampler, "Euler a");
    EXPECT_EQ(a1111Sampler("euler_karras").scheduleType, "Karras");
    EXPECT_EQ(a1111Sampler("dpmpp_2m").scheduleType, "Uniform");
    EXPECT_EQ(a1111Sampler("pndm").sampler, "PLMS");
    EXPECT_EQ(a1111Sampler("ddim").sampler, "DDIM");
    EXPECT_EQ(a1111Sampler("lcm").sampler, "LCM");
    EXPECT_EQ(a1111Sampler("mystery").scheduleType, "");
}

TEST(NumberText, WholeNumbersPlainOthersShortestRoundTrip) {
    EXPECT_EQ(numberText(7.0), "7");
    EXPECT_EQ(numberText(7.5), "7.5");
    EXPECT_EQ(numberText(0.91), "0.91");
    EXPECT_EQ(numberText(0.1 + 0.2), "0.30000000000000004");
    EXPECT_EQ(numberText(1e-5), "1e-05");
    EXPECT_EQ(numberText(-2.0), "-2");
}

TEST(DigitalSourceType, FollowsWhatMadeThePixels) {
    engine::Recipe r = test::diffusionInpaintRecipe();
    const std::string base = "http://cv.iptc.org/newscodes/digitalsourcetype/";
    EXPECT_EQ(digitalSourceType(r), base + "compositeWithTrainedAlgorithmicMedia");
    r.mode = engine::EditMode::Txt2Img;
    EXPECT_EQ(digitalSourceType(r), base + "trainedAlgorithmicMedia");
    r.mode = engine::EditMode::Inpaint;
    r.model.backend = "classical-fill";
    EXPECT_EQ(digitalSourceType(r), base + "compositeSynthetic");
}
