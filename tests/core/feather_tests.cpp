// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/feather.h"

#include <gtest/gtest.h>

using namespace atelier;

namespace {
MaskA8 squareMask() {
    MaskA8 m(64, 64);
    for (int y = 16; y < 48; ++y)
        for (int x = 16; x < 48; ++x) m.at(x, y) = 255;
    return m;
}
} // namespace

TEST(FeatherInward, NeverGrowsTheSelection) {
    const MaskA8 m = squareMask();
    const MaskA8 f = featherInward(m, 8.0);
    for (std::size_t i = 0; i < m.values.size(); ++i) {
        if (m.values[i] == 0) {
            ASSERT_EQ(f.values[i], 0) << "leaked at " << i;
        }
        ASSERT_LE(f.values[i], m.values[i]);
    }
}

TEST(FeatherInward, SoftensTheInnerEdgeAndKeepsTheCentre) {
    const MaskA8 f = featherInward(squareMask(), 8.0);
    EXPECT_EQ(f.at(32, 32), 255);
    EXPECT_GT(f.at(16, 32), 100);
    EXPECT_LT(f.at(16, 32), 160);                 // about half at the edge
    EXPECT_LT(f.at(16, 32), f.at(19, 32));        // rising inwards
}

TEST(FeatherInward, ZeroRadiusIsIdentity) {
    const MaskA8 m = squareMask();
    EXPECT_EQ(featherInward(m, 0.0), m);
}

TEST(GaussianBlurMask, SpreadsOutwards) {
    const MaskA8 b = gaussianBlurMask(squareMask(), 8.0);
    EXPECT_GT(b.at(14, 32), 0);
    EXPECT_EQ(b.at(0, 0), 0);
}
