// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"
#include "doc/document.h"
#include "tools/mask_operations.h"

#include <gtest/gtest.h>

using namespace atelier;
using namespace atelier::tools;

namespace {

doc::Document withSquare() {
    MaskA8 m(200, 200);
    for (int y = 50; y < 100; ++y)
        for (int x = 50; x < 100; ++x) m.at(x, y) = 255;
    return doc::Document(ImageRGBA8(200, 200), m);
}

} // namespace

TEST(MaskOperations, EachIsOneByteExactDelta) {
    for (const MaskOperation op : {MaskOperation::Invert, MaskOperation::Grow, MaskOperation::Shrink,
                                   MaskOperation::Feather, MaskOperation::Clear, MaskOperation::SelectAll}) {
        doc::Document d = withSquare();
        const MaskA8 before = d.mask().toFlat();
        const doc::MaskDelta delta = applyMaskOperation(d, op, 5);
        EXPECT_FALSE(delta.isEmpty()) << maskOperationName(op, 5);
        const MaskA8 after = d.mask().toFlat();
        d.revert(delta);
        EXPECT_EQ(d.mask().toFlat(), before) << maskOperationName(op, 5);
        d.apply(delta);
        EXPECT_EQ(d.mask().toFlat(), after) << maskOperationName(op, 5);
    }
}

TEST(MaskOperations, GrowShrinkFeatherInvertOnASquare) {
    doc::Document d = withSquare();
    applyMaskOperation(d, MaskOperation::Grow, 4);
    EXPECT_EQ(d.mask().bounds(), (Rect{46, 46, 58, 58}));
    applyMaskOperation(d, MaskOperation::Shrink, 8);
    EXPECT_EQ(d.mask().bounds(), (Rect{54, 54, 42, 42}));
    applyMaskOperation(d, MaskOperation::Feather, 6);
    EXPECT_GT(d.mask().at(52, 75), 0);
    EXPECT_LT(d.mask().at(52, 75), 255);
    applyMaskOperation(d, MaskOperation::Invert);
    EXPECT_EQ(d.mask().at(0, 0), 255);
    EXPECT_EQ(d.mask().at(75, 75), 0);
}

TEST(MaskOperations, FillHolesAndNothingToDo) {
    MaskA8 ring(100, 100);
    for (int y = 10; y < 60; ++y)
        for (int x = 10; x < 60; ++x) ring.at(x, y) = (x < 15 || x >= 55 || y < 15 || y >= 55) ? 255 : 0;
    doc::Document d(ImageRGBA8(100, 100), ring);
    EXPECT_FALSE(applyMaskOperation(d, MaskOperation::FillHoles).isEmpty());
    EXPECT_EQ(d.mask().at(30, 30), 255);
    EXPECT_TRUE(applyMaskOperation(d, MaskOperation::FillHoles).isEmpty()); // no hole left
    EXPECT_TRUE(applyMaskOperation(d, MaskOperation::Grow, 0).isEmpty());
}

TEST(MaskOperations, RejectsBadInput) {
    doc::Document empty;
    EXPECT_THROW(applyMaskOperation(empty, MaskOperation::Invert), Error);
    doc::Document d = withSquare();
    EXPECT_THROW(applyMaskOperation(d, MaskOperation::Grow, -1), Error);
    EXPECT_THROW(applyMaskOperation(d, MaskOperation::Grow, 5000), Error);
    EXPECT_THROW(applyMaskOperation(d, MaskOperation::Invert, 0, 42), Error);
}
