// SPDX-License-Identifier: GPL-3.0-or-later
// UNet2DConditionModel against diffusers' reference tensors: SD1.x (conv
// projection), SD2 (linear projection, per-block heads) and 9-channel inpainting.
#include "engine/models/unet_2d_condition.h"
#include "golden_case.h"

using namespace atelier;
using namespace atelier::engine;

namespace {

void checkCase(const std::string& name) {
    const test::GoldenCase golden(name);
    UNet2DConditionModel unet(UNetConfig::fromJson(golden.configText()));
    loadStateDict(unet, golden.weights());
    unet.eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor sample = golden.io("sample"), context = golden.io("encoder_hidden_states");
    EXPECT_TRUE(test::closeToGolden(unet.forward(sample, golden.io("timestep"), context), golden.io("out_sample")))
        << name << " out_sample";
    EXPECT_TRUE(test::closeToGolden(unet.forward(sample, golden.io("timestep_b"), context), golden.io("out_sample_b")))
        << name << " out_sample_b";
}

} // namespace

TEST(UNetGolden, SD15) { checkCase("unet_sd15"); }
TEST(UNetGolden, SD2LinearProjection) { checkCase("unet_sd2"); }
TEST(UNetGolden, SD15Inpainting9Channels) { checkCase("unet_inpaint"); }
