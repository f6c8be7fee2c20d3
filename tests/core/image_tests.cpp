// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"
#include "core/image.h"

#include <gtest/gtest.h>

using namespace atelier;

TEST(ImageRGBA8, FillPacksRGBA) {
    const ImageRGBA8 img(2, 1, 0x11223344u);
    EXPECT_EQ(img.pixels, (std::vector<std::uint8_t>{0x11, 0x22, 0x33, 0x44, 0x11, 0x22, 0x33, 0x44}));
}

TEST(ImageRGBA8, NegativeSizeThrows) { EXPECT_THROW(ImageRGBA8(-1, 5), Error); }

TEST(ImageRGBA8, CopyAndPasteRoundTrip) {
    ImageRGBA8 img(8, 8, 0x000000ffu);
    img.pixel(3, 4)[0] = 200;
    const ImageRGBA8 part = img.copy(Rect{2, 3, 3, 3});
    EXPECT_EQ(part.width, 3);
    EXPECT_EQ(part.pixel(1, 1)[0], 200);
    ImageRGBA8 other(8, 8, 0x000000ffu);
    other.paste(part, 2, 3);
    EXPECT_EQ(other, img);
}

TEST(ImageRGBA8, CopyClipsToImage) {
    const ImageRGBA8 img(4, 4);
    EXPECT_EQ(img.copy(Rect{2, 2, 10, 10}).size(), (Size{2, 2}));
}

TEST(MaskA8, BoundsOfNonZeroValues) {
    MaskA8 m(10, 10);
    EXPECT_TRUE(m.isClear());
    m.at(2, 3) = 1;
    m.at(7, 5) = 255;
    EXPECT_EQ(m.bounds(), (Rect{2, 3, 6, 3}));
    EXPECT_FALSE(m.isClear());
}

TEST(MaskA8, PasteClipsAtEdges) {
    MaskA8 m(4, 4);
    m.paste(MaskA8(3, 3, 9), 2, -1);
    EXPECT_EQ(m.bounds(), (Rect{2, 0, 2, 2}));
}
