// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"
#include "doc/document.h"
#include "doc/tile_recorder.h"

#include <gtest/gtest.h>

using namespace atelier;

TEST(Document, StartsWithAClearMaskOfTheImageSize) {
    const doc::Document d(ImageRGBA8(30, 20, 0xff0000ffu));
    EXPECT_EQ(d.size(), (Size{30, 20}));
    EXPECT_EQ(d.mask().size(), (Size{30, 20}));
    EXPECT_TRUE(d.mask().isClear());
    EXPECT_FALSE(d.isEmpty());
    EXPECT_EQ(d.maskLayers().size(), 1u);
    EXPECT_TRUE(doc::Document().isEmpty());
    EXPECT_TRUE(doc::Document().mask().isEmpty());
}

TEST(Document, RejectsAMaskOfAnotherSize) { EXPECT_THROW(doc::Document(ImageRGBA8(4, 4), MaskA8(4, 5)), Error); }

TEST(Document, EveryChangeBumpsTheVersion) {
    doc::Document d(ImageRGBA8(8, 8));
    const auto v0 = d.version();
    TiledMask edited = d.mask();
    edited.paste(MaskA8(2, 2, 200), 1, 1);
    const doc::MaskDelta md = doc::MaskDelta::between(d.mask(), edited);
    d.apply(md);
    const auto v1 = d.version();
    EXPECT_GT(v1, v0);
    EXPECT_EQ(d.mask().at(2, 2), 200);
    d.revert(md);
    EXPECT_GT(d.version(), v1);
    EXPECT_TRUE(d.mask().isClear());

    const auto v2 = d.version();
    d.maskForWriting().writableTile(0, 0)[0] = 1;
    EXPECT_GT(d.version(), v2);
}

TEST(Document, VersionsAreUniqueAcrossDocuments) {
    const doc::Document a(ImageRGBA8(2, 2));
    const doc::Document b(ImageRGBA8(2, 2));
    EXPECT_NE(a.version(), b.version());
}

TEST(Document, ImageDeltasEditThePixels) {
    doc::Document d(ImageRGBA8(80, 80, 0x000000ffu));
    const TiledImage before = d.image();
    doc::ImageRecorder rec(d.imageForWriting());
    rec.paste(ImageRGBA8(3, 3, 0xffffffffu), 2, 2);
    const doc::ImageDelta delta = rec.finish();
    const TiledImage after = d.image();
    EXPECT_EQ(delta.changes().size(), 1u);
    d.revert(delta);
    EXPECT_EQ(d.image(), before);
    d.apply(delta);
    EXPECT_EQ(d.image(), after);
    EXPECT_EQ(d.image().pixel(3, 3)[0], 255);
}

TEST(Document, MaskLayersAreAddressedById) {
    doc::Document d(ImageRGBA8(100, 100));
    const int first = d.activeMaskId();
    const int second = d.addMaskLayer("Sky");
    EXPECT_NE(first, second);
    EXPECT_EQ(d.activeMaskId(), second);
    d.maskForWriting(first).paste(MaskA8(4, 4, 255), 0, 0);
    EXPECT_TRUE(d.mask().isClear()); // the active (second) layer is untouched
    EXPECT_FALSE(d.maskLayer(first)->mask.isClear());
    d.setMaskVisible(first, false);
    d.setMaskAppearance(first, 0x00ff00u, 2.0);
    EXPECT_FALSE(d.maskLayer(first)->visible);
    EXPECT_EQ(d.maskLayer(first)->opacity, 1.0);

    doc::MaskLayer removed = d.removeMaskLayer(second);
    EXPECT_EQ(d.activeMaskId(), first);
    d.insertMaskLayer(std::move(removed), 1);
    EXPECT_EQ(d.maskLayers().size(), 2u);
    EXPECT_EQ(d.maskLayers()[1].name, "Sky");
    EXPECT_THROW(d.setActiveMask(999), Error);
    EXPECT_THROW(d.maskForWriting(999), Error);
}

TEST(Document, MaskLayersCanBeRenamed) {
    doc::Document d(ImageRGBA8(10, 10));
    const int id = d.activeMaskId();
    const std::uint64_t before = d.version();
    d.setMaskName(id, "Subject");
    EXPECT_EQ(d.maskLayer(id)->name, "Subject");
    EXPECT_NE(d.version(), before);
    EXPECT_THROW(d.setMaskName(999, "x"), Error);
}

TEST(Document, HoldsReferencesAndAnOutpaintFrame) {
    doc::Document d(ImageRGBA8(100, 50));
    const int id = d.addReference("cat.png", ImageRGBA8(20, 30));
    ASSERT_EQ(d.references().size(), 1u);
    EXPECT_EQ(d.references()[0].image.size(), (Size{20, 30}));
    EXPECT_THROW(d.addReference("empty", ImageRGBA8()), Error);
    d.removeReference(id);
    EXPECT_TRUE(d.references().empty());

    d.setOutpaintFrame(Margins{10, 0, 30, 5});
    EXPECT_EQ(d.outpaintFrame().right, 30);
    EXPECT_THROW(d.setOutpaintFrame(Margins{-1, 0, 0, 0}), Error);
    EXPECT_THROW(d.setOutpaintFrame(Margins{0, 0, kMaxImageSide, 0}), Error);
}

TEST(Document, CopiesAreCheapSnapshots) {
    doc::Document d(ImageRGBA8(1024, 1024));
    const doc::Document snapshot = d;
    EXPECT_EQ(snapshot.image().tile(3, 3).get(), d.image().tile(3, 3).get());
    d.maskForWriting().paste(MaskA8(10, 10, 255), 0, 0);
    EXPECT_TRUE(snapshot.mask().isClear());
}
