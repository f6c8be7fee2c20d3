// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"
#include "tools/brush.h"

#include <gtest/gtest.h>

using namespace atelier;
using namespace atelier::tools;

TEST(DabProfile, FullAtTheCentreAndZeroFromTheRadiusOn) {
    for (double hardness : {0.0, 0.5, 0.8, 1.0}) {
        EXPECT_DOUBLE_EQ(dabProfile(0.0, 10.0, hardness), 1.0) << hardness;
        EXPECT_DOUBLE_EQ(dabProfile(10.0, 10.0, hardness), 0.0) << hardness;
        EXPECT_DOUBLE_EQ(dabProfile(15.0, 10.0, hardness), 0.0) << hardness;
    }
}

TEST(DabProfile, HardBrushHasAHardEdge) {
    EXPECT_DOUBLE_EQ(dabProfile(9.99, 10.0, 1.0), 1.0);
    EXPECT_DOUBLE_EQ(dabProfile(10.0, 10.0, 1.0), 0.0);
}

TEST(DabProfile, SoftBrushFallsOffSmoothlyFromHardnessTimesRadius) {
    // hardness 0.5: full strength to 5 px, then a smoothstep down to 0 at 10 px.
    EXPECT_DOUBLE_EQ(dabProfile(5.0, 10.0, 0.5), 1.0);
    EXPECT_NEAR(dabProfile(7.5, 10.0, 0.5), 0.5, 1e-12);
    EXPECT_GT(dabProfile(6.0, 10.0, 0.5), dabProfile(7.0, 10.0, 0.5));
    EXPECT_GT(dabProfile(9.0, 10.0, 0.5), 0.0);
    // hardness 0: the falloff starts at the centre.
    EXPECT_NEAR(dabProfile(5.0, 10.0, 0.0), 0.5, 1e-12);
    double previous = 1.0;
    for (double d = 0.0; d <= 10.0; d += 0.25) {
        const double v = dabProfile(d, 10.0, 0.3);
        EXPECT_LE(v, previous);
        previous = v;
    }
}

TEST(DabBounds, CoversEveryPixelTheDabMayTouch) {
    EXPECT_EQ(dabBounds(PointF{10.5, 10.5}, 3.0), (Rect{7, 7, 7, 7}));
    EXPECT_EQ(dabBounds(PointF{0.0, 0.0}, 2.0), (Rect{-2, -2, 4, 4}));
}

TEST(InkValue, PaintRaisesAndEraseLowers) {
    EXPECT_EQ(inkValue(BrushMode::Paint, 0, 255), 255);
    EXPECT_EQ(inkValue(BrushMode::Paint, 0, 128), 128);
    EXPECT_EQ(inkValue(BrushMode::Paint, 100, 0), 100);
    EXPECT_EQ(inkValue(BrushMode::Paint, 128, 128), 192);
    EXPECT_EQ(inkValue(BrushMode::Erase, 255, 255), 0);
    EXPECT_EQ(inkValue(BrushMode::Erase, 200, 0), 200);
    EXPECT_EQ(inkValue(BrushMode::Erase, 255, 128), 127);
}

TEST(BrushSettings, ValidateRejectsOutOfRangeValues) {
    BrushSettings s;
    EXPECT_NO_THROW(validate(s));
    s.radius = 0.0;
    EXPECT_THROW(validate(s), Error);
    s = BrushSettings{};
    s.hardness = 1.5;
    EXPECT_THROW(validate(s), Error);
    s = BrushSettings{};
    s.opacity = -0.1;
    EXPECT_THROW(validate(s), Error);
    s = BrushSettings{};
    s.spacing = 0.0;
    EXPECT_THROW(validate(s), Error);
}
