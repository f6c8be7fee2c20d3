// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/raster_shapes.h"

#include <gtest/gtest.h>

using namespace atelier;
using namespace atelier::tools;

namespace {

int area(const Coverage& c) {
    int n = 0;
    for (std::uint8_t v : c.values.values) n += v == 255;
    return n;
}

} // namespace

TEST(RasterShapes, PolygonFillTakesPixelsWhoseCentreIsInside) {
    // A right triangle with legs of 20 px: 200 pixels of area, diagonal through pixel corners.
    const Coverage c = rasterizePolygon({{10, 10}, {30, 10}, {10, 30}}, Size{50, 50});
    EXPECT_EQ(c.at(10, 10), 255);
    EXPECT_EQ(c.at(28, 10), 255); // centre (28.5, 10.5): x + y = 39, inside the diagonal x + y = 40
    EXPECT_EQ(c.at(29, 10), 0);   // centre (29.5, 10.5): on the diagonal, outside (half-open)
    EXPECT_EQ(c.at(20, 20), 0);   // centre (20.5, 20.5) lies beyond the diagonal x + y = 40
    EXPECT_EQ(c.at(19, 19), 255);
    EXPECT_EQ(c.at(9, 10), 0);
    EXPECT_NEAR(area(c), 200, 20);
}

TEST(RasterShapes, PolygonUsesEvenOddForSelfIntersections) {
    // A bow tie: the left and right triangles meeting at (20, 20).
    const Coverage c = rasterizePolygon({{0, 0}, {40, 40}, {40, 0}, {0, 40}}, Size{40, 40});
    EXPECT_EQ(c.at(5, 20), 255);
    EXPECT_EQ(c.at(35, 20), 255);
    EXPECT_EQ(c.at(20, 5), 0);
    EXPECT_EQ(c.at(20, 35), 0);
}

TEST(RasterShapes, PolygonNeedsThreePointsAndIsClipped) {
    EXPECT_TRUE(rasterizePolygon({{1, 1}, {5, 5}}, Size{10, 10}).isEmpty());
    const Coverage c = rasterizePolygon({{-10, -10}, {20, -10}, {20, 20}, {-10, 20}}, Size{10, 10});
    EXPECT_EQ(c.rect, (Rect{0, 0, 10, 10}));
    EXPECT_EQ(area(c), 100);
}

TEST(RasterShapes, RectangleAndEllipse) {
    const Coverage r = rasterizeRectangle({30.4, 20.6}, {10.2, 5.0}, Size{100, 100});
    EXPECT_EQ(r.rect, (Rect{10, 5, 20, 16}));
    const Coverage e = rasterizeEllipse({0, 0}, {40, 20}, Size{100, 100});
    EXPECT_EQ(e.at(20, 10), 255);
    EXPECT_EQ(e.at(0, 0), 0);
    EXPECT_EQ(e.at(1, 10), 255);
    EXPECT_NEAR(area(e), 3.14159 * 20 * 10, 15);
}
