// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/magic_wand.h"

#include <gtest/gtest.h>

using namespace atelier;
using namespace atelier::tools;

namespace {

// Left half a grey ramp (values 100 + x), right half pure blue, split by a wall.
TiledImage rampImage() {
    ImageRGBA8 img(60, 20, 0x0000ffffu);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 30; ++x) {
            std::uint8_t* p = img.pixel(x, y);
            p[0] = p[1] = p[2] = static_cast<std::uint8_t>(100 + x);
            p[3] = 255;
        }
    return TiledImage::fromFlat(img);
}

int count(const Coverage& c) {
    int n = 0;
    for (std::uint8_t v : c.values.values) n += v == 255;
    return n;
}

} // namespace

TEST(MagicWand, ToleranceSetsHowFarTheFillReaches) {
    const TiledImage img = rampImage();
    // Seed at x = 10 (value 110): tolerance t takes x in [10 - t, 10 + t].
    EXPECT_EQ(count(magicWand(img, Point{10, 5}, 0)), 20);      // one column
    EXPECT_EQ(count(magicWand(img, Point{10, 5}, 3)), 7 * 20);  // x 7..13
    const Coverage c = magicWand(img, Point{10, 5}, 12);
    EXPECT_EQ(c.rect, (Rect{0, 0, 23, 20}));                     // x 0..22
    EXPECT_EQ(count(c), 23 * 20);
    EXPECT_EQ(count(magicWand(img, Point{45, 5}, 0)), 30 * 20); // the flat blue half
}

TEST(MagicWand, StopsAtABarrierOfAnotherColour) {
    ImageRGBA8 img(30, 30, 0xffffffffu);
    for (int y = 0; y < 30; ++y) std::fill_n(img.pixel(15, y), 4, 0); // black wall, alpha 0
    const Coverage c = magicWand(TiledImage::fromFlat(img), Point{3, 3}, 50);
    EXPECT_EQ(c.rect, (Rect{0, 0, 15, 30}));
    EXPECT_EQ(count(c), 15 * 30);
}

TEST(MagicWand, OutsideTheImageSelectsNothing) {
    EXPECT_TRUE(magicWand(rampImage(), Point{-1, 5}, 10).isEmpty());
    EXPECT_TRUE(magicWand(rampImage(), Point{5, 20}, 10).isEmpty());
}
