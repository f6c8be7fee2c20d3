// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/composite.h"
#include "core/error.h"

#include <gtest/gtest.h>

using namespace atelier;

TEST(CompositeThroughMask, ZeroAlphaKeepsOriginalBitExact) {
    ImageRGBA8 original(16, 16);
    for (std::size_t i = 0; i < original.pixels.size(); ++i) original.pixels[i] = static_cast<std::uint8_t>(i * 7);
    const ImageRGBA8 edited(16, 16, 0xff00ffffu);
    MaskA8 alpha(16, 16);
    alpha.at(5, 5) = 255;
    alpha.at(6, 5) = 128;
    const ImageRGBA8 out = compositeThroughMask(original, edited, alpha);
    for (int y = 0; y < 16; ++y) {
        for (int x = 0; x < 16; ++x) {
            if (alpha.at(x, y) != 0) continue;
            for (int c = 0; c < 4; ++c) ASSERT_EQ(out.pixel(x, y)[c], original.pixel(x, y)[c]);
        }
    }
    EXPECT_EQ(out.pixel(5, 5)[0], 255);
    EXPECT_EQ(out.pixel(5, 5)[1], 0);
    const int expected = (original.pixel(6, 5)[1] * 127 + 0 * 128 + 127) / 255;
    EXPECT_EQ(out.pixel(6, 5)[1], expected);
}

TEST(CompositeThroughMask, SizeMismatchThrows) {
    EXPECT_THROW(compositeThroughMask(ImageRGBA8(4, 4), ImageRGBA8(4, 5), MaskA8(4, 4)), Error);
}
