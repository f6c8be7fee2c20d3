// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"
#include "doc/tile_delta.h"
#include "doc/tile_recorder.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

using namespace atelier;
using atelier::doc::MaskDelta;
using atelier::doc::MaskRecorder;

TEST(TileRecorder, RecordsOnlyTheTilesAnEditTouched) {
    TiledMask mask(8192, 8192);
    MaskRecorder rec(mask);
    rec.paste(MaskA8(100, 30, 255), 100, 100); // tiles x 1..3, y 1..2
    EXPECT_EQ(rec.touchedCount(), 6u);
    const MaskDelta delta = rec.finish();
    EXPECT_EQ(delta.changes().size(), 6u);
    EXPECT_EQ(delta.bounds(), (Rect{64, 64, 192, 128}));
    EXPECT_LT(delta.memorySize(), 6u * 4096u + 1024u); // proportional to the change, not the 64 MB mask
}

TEST(TileRecorder, UndoRedoAreByteExact) {
    TiledMask mask(300, 200);
    mask.paste(MaskA8(300, 200, 17), 0, 0);
    const TiledMask before = mask;
    const MaskA8 beforeFlat = mask.toFlat();
    MaskRecorder rec(mask);
    rec.paste(MaskA8(50, 50, 200), 120, 90);
    const MaskDelta delta = rec.finish();
    const MaskA8 afterFlat = mask.toFlat();
    delta.revert(mask);
    EXPECT_EQ(mask.toFlat(), beforeFlat);
    EXPECT_EQ(mask, before);
    delta.apply(mask);
    EXPECT_EQ(mask.toFlat(), afterFlat);
}

TEST(TileRecorder, WritingTheSameBytesRecordsNothing) {
    TiledMask mask(128, 128);
    MaskRecorder rec(mask);
    rec.paste(MaskA8(128, 128, 0), 0, 0); // equal: not even touched
    EXPECT_EQ(rec.touchedCount(), 0u);
    rec.writableTile(0, 0)[5] = 0; // touched but unchanged
    const MaskDelta delta = rec.finish();
    EXPECT_TRUE(delta.isEmpty());
    EXPECT_EQ(mask.distinctTileCount(), 1u); // the untouched fill tile is shared again
}

TEST(TileRecorder, CancelRestoresTheOldTiles) {
    TiledMask mask(200, 200);
    const TiledMask before = mask;
    MaskRecorder rec(mask);
    rec.paste(MaskA8(150, 150, 99), 10, 10);
    const Rect restored = rec.cancel();
    EXPECT_EQ(restored, (Rect{0, 0, 192, 192}));
    EXPECT_EQ(mask, before);
}

TEST(TileDelta, BetweenSkipsSharedTilesAndEqualBytes) {
    TiledMask a(256, 256);
    TiledMask b = a;
    b.paste(MaskA8(1, 1, 5), 200, 10);
    b.writableTile(0, 3); // detached but equal bytes
    const MaskDelta d = MaskDelta::between(a, b);
    ASSERT_EQ(d.changes().size(), 1u);
    EXPECT_EQ(d.changes()[0].tx, 3);
    EXPECT_EQ(d.changes()[0].ty, 0);
    EXPECT_THROW(MaskDelta::between(a, TiledMask(10, 10)), Error);
}

TEST(TileDelta, RefusesALayerOfAnotherSize) {
    TiledMask a(100, 100);
    MaskRecorder rec(a);
    rec.paste(MaskA8(5, 5, 1), 0, 0);
    const MaskDelta d = rec.finish();
    TiledMask other(50, 50);
    EXPECT_THROW(d.apply(other), Error);
    EXPECT_THROW(d.revert(other), Error);
    EXPECT_THROW(MaskDelta(Size{10, 10}, {MaskDelta::Change{5, 0, a.tile(0, 0), a.tile(0, 0)}}), Error);
}

// Long random edit sequences: undoing everything and redoing everything gives
// back every intermediate state byte for byte.
TEST(TileDelta, LongRandomSequencesRoundTripByteExactly) {
    std::mt19937 rng(1234);
    TiledImage image(517, 389); // odd size: partial edge tiles
    std::vector<ImageRGBA8> states{image.toFlat()};
    std::vector<doc::ImageDelta> history;
    for (int step = 0; step < 200; ++step) {
        doc::ImageRecorder rec(image);
        const int w = 1 + static_cast<int>(rng() % 120), h = 1 + static_cast<int>(rng() % 120);
        const int x = static_cast<int>(rng() % 560) - 20, y = static_cast<int>(rng() % 420) - 20;
        ImageRGBA8 patch(w, h, static_cast<std::uint32_t>(rng()));
        patch.pixel(0, 0)[1] ^= 0x5a;
        rec.paste(patch, x, y);
        history.push_back(rec.finish());
        states.push_back(image.toFlat());
    }
    for (int i = static_cast<int>(history.size()) - 1; i >= 0; --i) {
        history[static_cast<std::size_t>(i)].revert(image);
        ASSERT_EQ(image.toFlat(), states[static_cast<std::size_t>(i)]) << "undo to state " << i;
    }
    for (std::size_t i = 0; i < history.size(); ++i) {
        history[i].apply(image);
        ASSERT_EQ(image.toFlat(), states[i + 1]) << "redo to state " << i + 1;
    }
}
