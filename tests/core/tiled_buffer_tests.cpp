// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"
#include "core/tiled_buffer.h"

#include <gtest/gtest.h>

using namespace atelier;

namespace {

ImageRGBA8 pattern(int w, int h) {
    ImageRGBA8 img(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = img.pixel(x, y);
            p[0] = static_cast<std::uint8_t>(x);
            p[1] = static_cast<std::uint8_t>(y);
            p[2] = static_cast<std::uint8_t>(x * y);
            p[3] = 255;
        }
    return img;
}

} // namespace

TEST(TiledBuffer, RoundTripsAFlatImageOfOddSize) {
    const ImageRGBA8 flat = pattern(150, 70); // partial edge tiles on both axes
    const TiledImage tiled = TiledImage::fromFlat(flat);
    EXPECT_EQ(tiled.size(), (Size{150, 70}));
    EXPECT_EQ(tiled.tilesX(), 3);
    EXPECT_EQ(tiled.tilesY(), 2);
    EXPECT_EQ(tiled.toFlat(), flat);
    EXPECT_EQ(tiled.copy(Rect{60, 60, 20, 20}), flat.copy(Rect{60, 60, 20, 20}));
    EXPECT_EQ(tiled.pixel(149, 69)[0], flat.pixel(149, 69)[0]);
}

TEST(TiledBuffer, ANewBufferSharesOneFillTile) {
    const TiledMask mask(8192, 8192, {7});
    EXPECT_EQ(mask.tilesX() * mask.tilesY(), 128 * 128);
    EXPECT_EQ(mask.distinctTileCount(), 1u);
    EXPECT_EQ(mask.at(8191, 8191), 7);
}

TEST(TiledBuffer, CopiesShareTilesUntilOneIsWritten) {
    TiledMask a(200, 100);
    a.paste(MaskA8(10, 10, 255), 5, 5);
    const TiledMask snapshot = a; // pointer copy
    EXPECT_EQ(snapshot.tile(0, 0).get(), a.tile(0, 0).get());
    a.writableTile(0, 0)[0] = 9; // detaches: the snapshot keeps its bytes
    EXPECT_NE(snapshot.tile(0, 0).get(), a.tile(0, 0).get());
    EXPECT_EQ(snapshot.at(0, 0), 0);
    EXPECT_EQ(a.at(0, 0), 9);
    EXPECT_EQ(snapshot.tile(1, 0).get(), a.tile(1, 0).get()); // untouched tiles stay shared
}

TEST(TiledBuffer, BoundsAndEqualityIgnorePadding) {
    TiledMask a(70, 70);
    EXPECT_TRUE(a.isClear());
    a.paste(MaskA8(3, 2, 1), 66, 10);
    EXPECT_EQ(a.bounds(), (Rect{66, 10, 3, 2}));
    TiledMask b(70, 70);
    b.paste(MaskA8(3, 2, 1), 66, 10);
    b.writableTile(1, 1)[kTileSize * kTileSize - 1] = 200; // padding byte (beyond 70x70)
    EXPECT_EQ(a, b);
    EXPECT_EQ(b.bounds(), (Rect{66, 10, 3, 2}));
    EXPECT_NE(a, TiledMask(70, 71));
}

TEST(TiledBuffer, PasteClipsToTheBuffer) {
    TiledMask m(100, 100);
    m.paste(MaskA8(50, 50, 3), 80, -20);
    EXPECT_EQ(m.bounds(), (Rect{80, 0, 20, 30}));
}

TEST(TiledBuffer, RejectsBadSizesAndNullTiles) {
    EXPECT_THROW(TiledMask(-1, 4), Error);
    EXPECT_THROW(TiledImage(kMaxImageSide + 1, 4), Error);
    TiledMask m(10, 10);
    EXPECT_THROW(m.setTile(0, 0, nullptr), Error);
    EXPECT_TRUE(TiledMask(0, 10).isEmpty());
}
