// SPDX-License-Identifier: GPL-3.0-or-later
// SamAttention's low-rank cross-attention forms against segment_anything's computation as written,
// at the released mask decoder's sizes (C 256, 8 heads, downsample 2) with random weights.
#include "engine/sam/sam_attention.h"

#include <gtest/gtest.h>

using namespace atelier::engine;

namespace {

constexpr int kDim = 256, kHeads = 8, kDownsample = 2;

SamAttention randomAttention(std::uint64_t seed) {
    torch::manual_seed(seed);
    SamAttention attention(kDim, kHeads, kDownsample);
    torch::NoGradGuard noGrad;
    for (auto& p : attention->parameters()) p.normal_(0.0, 0.1); // biases too, so none is silently dropped
    return attention;
}

double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

class SamAttentionForms : public ::testing::Test {
protected:
    torch::NoGradGuard m_noGrad;
};

} // namespace

TEST_F(SamAttentionForms, FewQueriesOverImageTokensMatchesProjected) {
    SamAttention attention = randomAttention(1);
    for (const std::int64_t batch : {1, 2}) {
        const torch::Tensor q = torch::randn({batch, 7, kDim}), k = torch::randn({batch, 1024, kDim}),
                            v = torch::randn({batch, 1024, kDim});
        const torch::Tensor expected = attention->forwardProjected(q, k, v);
        const torch::Tensor lowRank = attention->forwardFewQueries(q, k, v);
        ASSERT_EQ(lowRank.sizes(), expected.sizes());
        EXPECT_LT(maxAbsDiff(lowRank, expected), 1e-4 * std::max(1.0, expected.abs().max().item<double>()));
    }
}

TEST_F(SamAttentionForms, ImageTokensOverFewKeysMatchesProjectedWithResidual) {
    SamAttention attention = randomAttention(2);
    for (const std::int64_t batch : {1, 2}) {
        const torch::Tensor q = torch::randn({batch, 1024, kDim}), k = torch::randn({batch, 7, kDim}),
                            v = torch::randn({batch, 7, kDim}), residual = torch::randn({batch, 1024, kDim});
        const torch::Tensor expected = attention->forwardProjected(q, k, v);
        const torch::Tensor lowRank = attention->forwardFewKeys(q, k, v);
        ASSERT_EQ(lowRank.sizes(), expected.sizes());
        EXPECT_LT(maxAbsDiff(lowRank, expected), 1e-4 * std::max(1.0, expected.abs().max().item<double>()));
        EXPECT_LT(maxAbsDiff(attention->forwardFewKeys(q, k, v, residual), expected + residual), 1e-4);
    }
}

TEST_F(SamAttentionForms, EveryFormGivesTheSameResultThroughForward) {
    SamAttention attention = randomAttention(3);
    const torch::Tensor tokens = torch::randn({1, 9, kDim}), image = torch::randn({1, 4096, kDim});
    const torch::Tensor residualTokens = torch::randn({1, 9, kDim}), residualImage = torch::randn({1, 4096, kDim});
    attention->setForm(SamAttentionForm::Projected);
    const torch::Tensor tokenToImage = attention->forward(tokens, image, image, residualTokens);
    const torch::Tensor imageToToken = attention->forward(image, tokens, tokens, residualImage);
    for (const SamAttentionForm form : {SamAttentionForm::LowRank, SamAttentionForm::Auto}) {
        attention->setForm(form);
        EXPECT_LT(maxAbsDiff(attention->forward(tokens, image, image, residualTokens), tokenToImage), 1e-4);
        EXPECT_LT(maxAbsDiff(attention->forward(image, tokens, tokens, residualImage), imageToToken), 1e-4);
    }
}

// Auto picks the low-rank form while heads * tokens * C < Ci * (C + tokens): up to 17 tokens for
// the released decoder (5 output tokens + 12 prompt tokens), the projected one beyond.
TEST_F(SamAttentionForms, AutoStillMatchesWithManyPromptTokens) {
    SamAttention attention = randomAttention(4);
    const torch::Tensor tokens = torch::randn({1, 30, kDim}), image = torch::randn({1, 256, kDim});
    const torch::Tensor expected = attention->forwardProjected(tokens, image, image);
    EXPECT_LT(maxAbsDiff(attention->forward(tokens, image, image), expected), 1e-4);
    EXPECT_LT(maxAbsDiff(attention->forwardFewQueries(tokens, image, image), expected), 1e-4);
}
