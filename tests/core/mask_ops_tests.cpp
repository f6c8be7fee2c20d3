// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mask_ops.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace atelier;

namespace {

MaskA8 dot(int w, int h, int x, int y) {
    MaskA8 m(w, h);
    m.at(x, y) = 255;
    return m;
}

int selectedCount(const MaskA8& m) {
    int n = 0;
    for (std::uint8_t v : m.values) n += v >= 128;
    return n;
}

} // namespace

TEST(MaskOps, InvertFlipsEveryValue) {
    MaskA8 m(3, 1);
    m.values = {0, 100, 255};
    EXPECT_EQ(invertMask(m).values, (std::vector<std::uint8_t>{255, 155, 0}));
}

TEST(MaskOps, GrowMakesADiscOfTheRadius) {
    const MaskA8 grown = growMask(dot(41, 41, 20, 20), 10);
    EXPECT_EQ(grown.at(30, 20), 255); // distance 10
    EXPECT_EQ(grown.at(31, 20), 0);   // 11
    EXPECT_EQ(grown.at(27, 27), 255); // sqrt(98) < 10
    EXPECT_EQ(grown.at(28, 28), 0);   // sqrt(128) > 10
    EXPECT_EQ(selectedCount(grown), 317); // lattice points with x^2 + y^2 <= 100
}

TEST(MaskOps, ShrinkUndoesGrowOnAConvexShape) {
    MaskA8 square(60, 60);
    for (int y = 20; y < 40; ++y)
        for (int x = 20; x < 40; ++x) square.at(x, y) = 255;
    const MaskA8 shrunk = shrinkMask(square, 3);
    EXPECT_EQ(shrunk.bounds(), (Rect{23, 23, 14, 14}));
    EXPECT_EQ(shrinkMask(MaskA8(10, 10, 255), 4), MaskA8(10, 10, 255)); // the border is not unselected
}

TEST(MaskOps, DistanceTransformMatchesBruteForce) {
    std::mt19937 rng(7);
    const int w = 37, h = 23;
    std::vector<std::uint8_t> src(static_cast<std::size_t>(w) * h, 0);
    for (int i = 0; i < 12; ++i) src[rng() % src.size()] = 1;
    const std::vector<float> d = squaredDistanceTransform(src, w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            double best = 1e30;
            for (int sy = 0; sy < h; ++sy)
                for (int sx = 0; sx < w; ++sx)
                    if (src[static_cast<std::size_t>(sy) * w + sx])
                        best = std::min(best, double((x - sx) * (x - sx) + (y - sy) * (y - sy)));
            ASSERT_EQ(d[static_cast<std::size_t>(y) * w + x], best) << x << "," << y;
        }
}

TEST(MaskOps, FillHolesFillsOnlyEnclosedRegions) {
    MaskA8 ring(30, 30);
    for (int y = 5; y < 25; ++y)
        for (int x = 5; x < 25; ++x) ring.at(x, y) = (x < 8 || x >= 22 || y < 8 || y >= 22) ? 255 : 0;
    ring.at(0, 0) = 0;
    const MaskA8 filled = fillMaskHoles(ring);
    EXPECT_EQ(filled.at(15, 15), 255);
    EXPECT_EQ(filled.at(2, 2), 0);
    EXPECT_EQ(filled.bounds(), (Rect{5, 5, 20, 20}));
    EXPECT_EQ(selectedCount(filled), 400);
}
