// SPDX-License-Identifier: GPL-3.0-or-later
// AutoencoderKL against diffusers' reference tensors, each stage from its recorded input.
#include "engine/models/autoencoder_kl.h"
#include "golden_case.h"

using namespace atelier;
using namespace atelier::engine;

TEST(AutoencoderKLGolden, EncodeDecodeAndReconstruct) {
    const test::GoldenCase golden("vae");
    const VAEConfig config = VAEConfig::fromJson(golden.configText());
    EXPECT_DOUBLE_EQ(config.scalingFactor, 0.18215);
    AutoencoderKL vae(config);
    loadStateDict(vae, golden.weights());
    vae.eval();
    torch::NoGradGuard noGrad;

    const torch::Tensor moments = vae.quant_conv->forward(vae.encoder->forward(golden.io("image")));
    EXPECT_TRUE(test::closeToGolden(moments, golden.io("moments")));
    const LatentDistribution posterior = vae.encode(golden.io("image"));
    EXPECT_TRUE(test::closeToGolden(posterior.mean, golden.io("posterior_mean")));
    EXPECT_TRUE(test::closeToGolden(posterior.logvar, golden.io("posterior_logvar")));
    EXPECT_TRUE(test::closeToGolden(posterior.std(), golden.io("posterior_std")));
    EXPECT_TRUE(test::closeToGolden(posterior.sample(golden.io("posterior_noise")), golden.io("posterior_sample")));

    EXPECT_TRUE(test::closeToGolden(vae.decode(golden.io("latent")), golden.io("decoded")));
    EXPECT_TRUE(test::closeToGolden(vae.decode(golden.io("posterior_mean")), golden.io("reconstruction")));
}
