// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"
#include "doc/document.h"

#include <gtest/gtest.h>

using namespace atelier;

TEST(Document, StartsWithAClearMaskOfTheImageSize) {
    const doc::Document d(ImageRGBA8(30, 20, 0xff0000ffu));
    EXPECT_EQ(d.size(), (Size{30, 20}));
    EXPECT_EQ(d.mask().size(), (Size{30, 20}));
    EXPECT_TRUE(d.mask().isClear());
    EXPECT_FALSE(d.isEmpty());
    EXPECT_TRUE(doc::Document().isEmpty());
}

TEST(Document, RejectsAMaskOfAnotherSize) { EXPECT_THROW(doc::Document(ImageRGBA8(4, 4), MaskA8(4, 5)), Error); }

TEST(Document, EveryChangeBumpsTheVersion) {
    doc::Document d(ImageRGBA8(8, 8));
    const auto v0 = d.version();
    const doc::MaskDelta md(Rect{1, 1, 2, 2}, MaskA8(2, 2, 0), MaskA8(2, 2, 200));
    d.apply(md);
    const auto v1 = d.version();
    EXPECT_GT(v1, v0);
    EXPECT_EQ(d.mask().at(2, 2), 200);
    d.revert(md);
    EXPECT_GT(d.version(), v1);
    EXPECT_TRUE(d.mask().isClear());

    const auto v2 = d.version();
    d.maskForWriting().at(0, 0) = 1;
    EXPECT_GT(d.version(), v2);
}

TEST(Document, VersionsAreUniqueAcrossDocuments) {
    const doc::Document a(ImageRGBA8(2, 2));
    const doc::Document b(ImageRGBA8(2, 2));
    EXPECT_NE(a.version(), b.version());
}

TEST(Document, ImageDeltasEditThePixels) {
    doc::Document d(ImageRGBA8(8, 8, 0x000000ffu));
    const ImageRGBA8 before = d.image();
    ImageRGBA8 after = before;
    after.paste(ImageRGBA8(3, 3, 0xffffffffu), 2, 2);
    const auto delta = doc::ImageDelta::between(before, after, before.rect());
    d.apply(delta);
    EXPECT_EQ(d.image(), after);
    d.revert(delta);
    EXPECT_EQ(d.image(), before);
}
