// SPDX-License-Identifier: GPL-3.0-or-later
// Pieces of SAM's ViT encoder the tiny golden model cannot reach: attention in several
// blocks of query rows, and window partitioning round trips.
#include "engine/sam/image_encoder_vit.h"

#include <gtest/gtest.h>

using namespace atelier::engine;

TEST(SamViTAttention, QueryRowBlocksEqualOneBlock) {
    torch::manual_seed(7);
    torch::NoGradGuard noGrad;
    SamViTAttention attn(16, 2, true, true, 9);
    attn->rel_pos_h.normal_();
    attn->rel_pos_w.normal_();
    const torch::Tensor x = torch::randn({2, 9, 7, 16}); // H != W: the 17-row tables resize to 13 rows for W
    const torch::Tensor whole = attn->forward(x);
    attn->scoreBlockBytes = 1; // one row of queries per block
    const torch::Tensor rows = attn->forward(x);
    attn->scoreBlockBytes = 2 * 2 * 2 * 7 * 63 * 4; // two rows per block, a short last block
    const torch::Tensor pairs = attn->forward(x);
    EXPECT_TRUE(torch::allclose(whole, rows, 1e-5, 1e-6));
    EXPECT_TRUE(torch::allclose(whole, pairs, 1e-5, 1e-6));
}

TEST(SamViTAttention, RelativePositionsResizeWhenTheGridDiffers) {
    const torch::Tensor table = torch::arange(9, torch::kFloat32).view({9, 1}); // made for 5 positions
    const torch::Tensor same = samRelativePositions(5, 5, table);
    EXPECT_EQ(same.sizes(), (std::vector<std::int64_t>{5, 5, 1}));
    EXPECT_EQ(same[0][0][0].item<float>(), 4.0f); // offset 0 sits in the middle of the table
    EXPECT_EQ(same[4][0][0].item<float>(), 8.0f);
    const torch::Tensor larger = samRelativePositions(7, 7, table); // linearly resized to 13 rows
    EXPECT_EQ(larger.sizes(), (std::vector<std::int64_t>{7, 7, 1}));
    EXPECT_NEAR(larger[6][0][0].item<float>(), 8.0f, 0.5f);
}

TEST(SamWindows, PartitionPadsAndUnpartitionRestores) {
    const torch::Tensor x = torch::randn({2, 5, 4, 3});
    const auto [windows, padded] = samWindowPartition(x, 3);
    EXPECT_EQ(padded, (std::pair<int64_t, int64_t>{6, 6}));
    EXPECT_EQ(windows.sizes(), (std::vector<std::int64_t>{8, 3, 3, 3}));
    EXPECT_EQ(windows[1][0][0][0].item<float>(), x[0][0][3][0].item<float>()); // second window starts at column 3
    EXPECT_EQ(windows[1][0][1].abs().sum().item<float>(), 0.0f);             // column 4 is padding
    EXPECT_TRUE(torch::equal(samWindowUnpartition(windows, 3, padded, {5, 4}), x));
}

