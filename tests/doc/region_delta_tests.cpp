// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"
#include "doc/region_delta.h"

#include <gtest/gtest.h>

using namespace atelier;
using atelier::doc::ImageDelta;
using atelier::doc::MaskDelta;

namespace {

MaskA8 patterned(int w, int h) {
    MaskA8 m(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) m.at(x, y) = static_cast<std::uint8_t>((x * 7 + y * 13) % 256);
    return m;
}

} // namespace

TEST(RegionDelta, BetweenRecordsOnlyTheChangedRectangle) {
    const MaskA8 before = patterned(64, 48);
    MaskA8 after = before;
    after.at(10, 20) = 255;
    after.at(30, 5) = 0;
    const MaskDelta delta = MaskDelta::between(before, after, before.rect());
    EXPECT_EQ(delta.rect(), (Rect{10, 5, 21, 16}));
    EXPECT_EQ(delta.memorySize(), 2u * 21 * 16);
}

TEST(RegionDelta, ApplyAndRevertAreByteExact) {
    const MaskA8 before = patterned(64, 48);
    MaskA8 after = before;
    for (int y = 8; y < 30; ++y)
        for (int x = 12; x < 40; ++x) after.at(x, y) = static_cast<std::uint8_t>(255 - after.at(x, y));
    const MaskDelta delta = MaskDelta::between(before, after, before.rect());

    MaskA8 target = before;
    delta.apply(target);
    EXPECT_EQ(target, after);
    delta.revert(target);
    EXPECT_EQ(target, before);
}

TEST(RegionDelta, IdenticalBuffersGiveAnEmptyDelta) {
    const MaskA8 m = patterned(16, 16);
    const MaskDelta delta = MaskDelta::between(m, m, m.rect());
    EXPECT_TRUE(delta.isEmpty());
    EXPECT_EQ(delta.memorySize(), 0u);
    MaskA8 target = m;
    delta.apply(target);
    EXPECT_EQ(target, m);
}

TEST(RegionDelta, AreaLimitsTheComparison) {
    const MaskA8 before(32, 32, 0);
    MaskA8 after = before;
    after.at(1, 1) = 9;
    after.at(20, 20) = 9;
    const MaskDelta delta = MaskDelta::between(before, after, Rect{16, 16, 16, 16});
    EXPECT_EQ(delta.rect(), (Rect{20, 20, 1, 1}));
}

TEST(RegionDelta, ImageDeltaCoversAllFourChannels) {
    const ImageRGBA8 before(20, 10, 0x102030ffu);
    ImageRGBA8 after = before;
    after.pixel(5, 5)[3] = 0; // only alpha differs
    const ImageDelta delta = ImageDelta::between(before, after, before.rect());
    EXPECT_EQ(delta.rect(), (Rect{5, 5, 1, 1}));
    EXPECT_EQ(delta.memorySize(), 8u);
    ImageRGBA8 target = before;
    delta.apply(target);
    EXPECT_EQ(target, after);
    delta.revert(target);
    EXPECT_EQ(target, before);
}

TEST(RegionDelta, RejectsMismatchedSizes) {
    EXPECT_THROW(MaskDelta::between(MaskA8(4, 4), MaskA8(5, 4), Rect{0, 0, 4, 4}), Error);
    EXPECT_THROW(MaskDelta(Rect{0, 0, 2, 2}, MaskA8(2, 2), MaskA8(3, 2)), Error);
}

TEST(RegionDelta, RejectsATargetTooSmall) {
    const MaskDelta delta(Rect{8, 8, 4, 4}, MaskA8(4, 4, 1), MaskA8(4, 4, 2));
    MaskA8 small(10, 10);
    EXPECT_THROW(delta.apply(small), Error);
    EXPECT_THROW(delta.revert(small), Error);
}
