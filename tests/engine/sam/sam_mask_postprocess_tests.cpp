// SPDX-License-Identifier: GPL-3.0-or-later
// samBinaryMask (fused resize + threshold, OpenCV) against segment_anything's post-processing in
// torch (samPostprocessMasks, then > 0) for up-scaled, down-scaled, same-size and thin images.
#include "core/error.h"
#include "engine/sam/sam_mask_postprocess.h"
#include "engine/sam/sam_transforms.h"
#include "sam_golden_case.h"

#include <gtest/gtest.h>

#include <iostream>

using namespace atelier;
using namespace atelier::engine;

namespace {

constexpr int kImgSize = 1024, kSide = 256;

// Smooth logits with several sign changes, like a predicted mask: noise at 1/16 size, up-sampled.
torch::Tensor lowResLogits(std::uint64_t seed) {
    torch::manual_seed(seed);
    return samPostprocessMasks(torch::randn({1, 1, 16, 16}) * 8.0, {kSide, kSide}, {kSide, kSide}, kSide);
}

} // namespace

TEST(SamBinaryMask, MatchesTorchPostprocessingAtEverySize) {
    torch::NoGradGuard noGrad;
    const std::vector<Size> originals{{2000, 1500}, {800, 600}, {1024, 1024}, {1024, 768}, {37, 1000}, {4032, 3024}};
    std::uint64_t seed = 1;
    for (const Size original : originals) {
        SCOPED_TRACE(std::to_string(original.width) + "x" + std::to_string(original.height));
        const Size resized = samPreprocessSize(original, kImgSize);
        const torch::Tensor low = lowResLogits(seed++).contiguous();
        const torch::Tensor logits = samPostprocessMasks(low, resized, original, kImgSize)[0][0];
        const MaskA8 mask = samBinaryMask(low.data_ptr<float>(), kSide, resized, original, kImgSize);
        ASSERT_EQ(mask.size(), original);
        const ::testing::AssertionResult match = test::masksMatch(test::maskTensor(mask), logits > 0, logits);
        EXPECT_TRUE(match);
        std::cout << "  " << original.width << "x" << original.height << ": " << match.message() << '\n';
        const auto positive = (logits > 0).sum().item<std::int64_t>();
        EXPECT_GT(positive, 0) << "the logits must cross zero for the comparison to mean something";
        EXPECT_LT(positive, logits.numel());
    }
}

TEST(SamBinaryMask, RejectsSizesThatDoNotFit) {
    const std::vector<float> low(kSide * kSide, 1.0f);
    EXPECT_THROW(samBinaryMask(low.data(), kSide, {1100, 800}, {1100, 800}, kImgSize), Error);
    EXPECT_THROW(samBinaryMask(low.data(), kSide, {1024, 768}, {0, 768}, kImgSize), Error);
    const MaskA8 all = samBinaryMask(low.data(), kSide, {1024, 768}, {300, 225}, kImgSize);
    EXPECT_TRUE(std::all_of(all.values.begin(), all.values.end(), [](std::uint8_t v) { return v == 255; }));
}
