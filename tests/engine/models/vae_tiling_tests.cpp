// SPDX-License-Identifier: GPL-3.0-or-later
// Tiled VAE encode/decode: tile layout, exact blending, and no seams on a real (golden-weight) VAE.
#include "engine/models/autoencoder_kl.h"
#include "engine/models/tiled_apply.h"
#include "golden_case.h"

#include "core/error.h"

using namespace atelier;
using namespace atelier::engine;
namespace F = torch::nn::functional;

namespace {

// The largest jump between neighbouring columns, relative to the typical jump:
// a seam at a tile border shows up as one column pair far above the rest.
double worstColumnStep(const torch::Tensor& image) {
    const torch::Tensor steps = (image.narrow(3, 1, image.size(3) - 1) - image.narrow(3, 0, image.size(3) - 1))
                                    .abs()
                                    .mean({0, 1, 2}); // [W - 1]
    return (steps.max() / steps.median()).item<double>();
}

std::shared_ptr<AutoencoderKL> goldenVae() {
    const test::GoldenCase golden("vae");
    auto vae = std::make_shared<AutoencoderKL>(VAEConfig::fromJson(golden.configText()));
    loadStateDict(*vae, golden.weights());
    vae->eval();
    return vae;
}

// A smooth latent (an upsampled random field), like a real image's latents.
torch::Tensor smoothLatent(int side) {
    torch::manual_seed(7);
    return F::interpolate(torch::randn({1, 4, side / 4, side / 4}),
                          F::InterpolateFuncOptions().size(std::vector<int64_t>{side, side}).mode(torch::kBilinear).align_corners(false));
}

} // namespace

TEST(TileStarts, CoversTheAxisWithTheLastTileFlushAtTheEnd) {
    EXPECT_EQ(tileStarts(64, 96, 24), (std::vector<std::int64_t>{0}));
    EXPECT_EQ(tileStarts(96, 96, 24), (std::vector<std::int64_t>{0}));
    EXPECT_EQ(tileStarts(168, 96, 24), (std::vector<std::int64_t>{0, 72}));
    EXPECT_EQ(tileStarts(200, 96, 24), (std::vector<std::int64_t>{0, 72, 104}));
    EXPECT_THROW(tileStarts(200, 96, 96), Error);
    EXPECT_THROW(tileStarts(0, 96, 24), Error);
}

TEST(ApplyInTiles, BlendOfIdenticalTileOutputsIsExact) {
    const torch::Tensor x = torch::rand({2, 3, 40, 56});
    const auto up = [](const torch::Tensor& t) {
        return F::interpolate(t, F::InterpolateFuncOptions().scale_factor(std::vector<double>{2, 2}).mode(torch::kNearest));
    };
    const torch::Tensor tiled = applyInTiles(x, 16, 4, 2, 1, up);
    EXPECT_TRUE(torch::allclose(tiled, up(x), 1e-6, 1e-6));
    const torch::Tensor pooled = applyInTiles(x, 16, 8, 1, 2, [](const torch::Tensor& t) { return torch::avg_pool2d(t, 2); });
    EXPECT_TRUE(torch::allclose(pooled, torch::avg_pool2d(x, 2), 1e-6, 1e-6));
}

TEST(VAETiling, ImagesWithinATileTakeTheOnePiecePath) {
    const auto holder = goldenVae();
    AutoencoderKL& vae = *holder;
    torch::NoGradGuard noGrad;
    const torch::Tensor z = smoothLatent(8);
    vae.tiling.tilePixels = 64;
    const torch::Tensor tiled = vae.decode(z);
    vae.tiling.enabled = false;
    EXPECT_TRUE(torch::equal(tiled, vae.decode(z)));
}

TEST(ApplyInTiles, NoSeamsWhereTilesNormaliseDifferently) {
    // Each tile normalised by its own statistics, as a VAE's GroupNorms do: abutting tiles
    // leave visible steps at their borders; overlapping, blended tiles must not.
    torch::manual_seed(3);
    const torch::Tensor x = F::interpolate(torch::randn({1, 3, 8, 12}) + torch::linspace(-2, 2, 12).view({1, 1, 1, 12}),
                                           F::InterpolateFuncOptions().size(std::vector<int64_t>{64, 96}).mode(torch::kBilinear).align_corners(false));
    const auto normalise = [](const torch::Tensor& t) {
        const torch::Tensor n = (t - t.mean()) / t.std();
        return F::interpolate(n, F::InterpolateFuncOptions().scale_factor(std::vector<double>{2, 2}).mode(torch::kBilinear).align_corners(false));
    };
    const double reference = worstColumnStep(normalise(x));
    const double abutting = worstColumnStep(applyInTiles(x, 32, 0, 2, 1, normalise));
    const double blended = worstColumnStep(applyInTiles(x, 32, 8, 2, 1, normalise));
    EXPECT_GT(abutting, 3.0 * reference) << "the seam check must see abutting tiles";
    EXPECT_LT(blended, 1.5 * reference);
    std::cout << "worst column step / median: one piece " << reference << ", abutting tiles " << abutting
              << ", blended tiles " << blended << '\n';
}

TEST(VAETiling, LargeImagesGoThroughTilesAndKeepTheirSize) {
    const auto holder = goldenVae();
    AutoencoderKL& vae = *holder;
    torch::NoGradGuard noGrad;
    vae.tiling = {true, 64, 16};
    const torch::Tensor decoded = vae.decode(smoothLatent(24)); // 192 px: 3 x 3 tiles
    ASSERT_EQ(decoded.sizes(), (std::vector<int64_t>{1, 3, 192, 192}));
    EXPECT_TRUE(torch::isfinite(decoded).all().item<bool>());
    vae.tiling.enabled = false;
    EXPECT_FALSE(torch::equal(decoded, vae.decode(smoothLatent(24)))) << "the tiled path must have been taken";
    vae.tiling.enabled = true;
    const torch::Tensor image = decoded.clamp(-1, 1);
    const LatentDistribution posterior = vae.encode(image);
    ASSERT_EQ(posterior.mean.sizes(), (std::vector<int64_t>{1, 4, 24, 24}));
    EXPECT_TRUE(torch::isfinite(posterior.mean).all().item<bool>());
}
