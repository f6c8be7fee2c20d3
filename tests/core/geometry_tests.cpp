// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/geometry.h"

#include <gtest/gtest.h>

using atelier::Rect;

TEST(Rect, IntersectionOfOverlappingRects) {
    EXPECT_EQ((Rect{0, 0, 10, 10}.intersected(Rect{5, 6, 10, 10})), (Rect{5, 6, 5, 4}));
}

TEST(Rect, IntersectionOfDisjointRectsIsEmpty) {
    EXPECT_TRUE((Rect{0, 0, 10, 10}.intersected(Rect{10, 0, 5, 5})).isEmpty());
}

TEST(Rect, UnionIgnoresEmptyOperand) {
    EXPECT_EQ((Rect{}.united(Rect{2, 3, 4, 5})), (Rect{2, 3, 4, 5}));
    EXPECT_EQ((Rect{0, 0, 2, 2}.united(Rect{5, 5, 1, 1})), (Rect{0, 0, 6, 6}));
}

TEST(Rect, AdjustedGrowsEverySide) {
    EXPECT_EQ((Rect{10, 10, 4, 4}.adjusted(3)), (Rect{7, 7, 10, 10}));
    EXPECT_TRUE((Rect{10, 10, 4, 4}.adjusted(-2)).isEmpty());
}

TEST(Rect, ContainsIsHalfOpen) {
    const Rect r{0, 0, 3, 3};
    EXPECT_TRUE(r.contains(2, 2));
    EXPECT_FALSE(r.contains(3, 0));
    EXPECT_EQ(r.area(), 9);
}
