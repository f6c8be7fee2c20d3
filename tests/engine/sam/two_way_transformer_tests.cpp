// SPDX-License-Identifier: GPL-3.0-or-later
// The two-way transformer with its first layer's image projections made once (SamFirstLayerCache)
// against the same transformer computing them per call, at the released mask decoder's sizes
// (C 256, 8 heads, MLP 2048, downsample 2, depth 2) with random weights.
#include "engine/sam/two_way_transformer.h"

#include <gtest/gtest.h>

using namespace atelier::engine;

namespace {

double relativeMaxError(const torch::Tensor& a, const torch::Tensor& b) {
    return (a - b).abs().max().item<double>() / std::max(1.0, b.abs().max().item<double>());
}

} // namespace

TEST(SamTwoWayTransformer, FirstLayerCacheGivesTheSameQueriesAndKeys) {
    torch::NoGradGuard noGrad;
    torch::manual_seed(5);
    SamTwoWayTransformer transformer(2, 256, 8, 2048, 2);
    for (auto& p : transformer->parameters()) p.normal_(0.0, 0.05);
    const torch::Tensor image = torch::randn({1, 256, 32, 32}), pe = torch::randn({1, 256, 32, 32});
    const SamFirstLayerCache cache = transformer->firstLayerCache(image, pe);
    ASSERT_EQ(cache.tokenToImageKeysT.sizes(), (std::vector<std::int64_t>{1, 8, 16, 1024}));
    ASSERT_EQ(cache.tokenToImageValues.sizes(), (std::vector<std::int64_t>{1, 8, 1024, 16}));
    ASSERT_EQ(cache.imageToTokenQueriesT.sizes(), (std::vector<std::int64_t>{1, 8, 16, 1024}));
    for (const std::int64_t batch : {1, 2}) {
        SCOPED_TRACE("prompt sets: " + std::to_string(batch));
        const torch::Tensor tokens = torch::randn({batch, 7, 256});
        const torch::Tensor images = image.expand({batch, -1, -1, -1}), pes = pe.expand({batch, -1, -1, -1});
        const auto [queries, keys] = transformer->forward(images, pes, tokens);
        const auto [cachedQueries, cachedKeys] = transformer->forward(images, pes, tokens, &cache);
        EXPECT_LT(relativeMaxError(cachedQueries, queries), 1e-4);
        EXPECT_LT(relativeMaxError(cachedKeys, keys), 1e-4);
    }
}
