// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"
#include "engine/edit_request.h"

#include <gtest/gtest.h>

using namespace atelier;
using namespace atelier::engine;

namespace {
EditRequest validInpaint() {
    EditRequest r;
    r.source = ImageRGBA8(8, 8);
    r.mask = MaskA8(8, 8);
    r.mask.at(3, 3) = 255;
    return r;
}
std::string errorOf(const EditRequest& r) {
    try {
        validate(r);
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}
} // namespace

TEST(ValidateEditRequest, AcceptsAValidInpaint) { EXPECT_EQ(errorOf(validInpaint()), ""); }

TEST(ValidateEditRequest, MaskOfAnotherSizeIsRefused) {
    EditRequest r = validInpaint();
    r.mask = MaskA8(4, 8, 255);
    EXPECT_NE(errorOf(r).find("the mask is 4x8 but the image is 8x8"), std::string::npos);
}

TEST(ValidateEditRequest, EmptyMaskIsRefusedForInpaint) {
    EditRequest r = validInpaint();
    r.mask = MaskA8(8, 8);
    EXPECT_NE(errorOf(r).find("mask is empty"), std::string::npos);
}

TEST(ValidateEditRequest, OutOfRangeNumbersAreNamed) {
    EditRequest r = validInpaint();
    r.strength = 1.5;
    EXPECT_NE(errorOf(r).find("strength"), std::string::npos);
    r = validInpaint();
    r.variationCount = 0;
    EXPECT_NE(errorOf(r).find("variation count"), std::string::npos);
    r = validInpaint();
    r.steps = 0;
    EXPECT_NE(errorOf(r).find("steps"), std::string::npos);
}

TEST(ValidateEditRequest, OutpaintNeedsMarginsOrMask) {
    EditRequest r;
    r.source = ImageRGBA8(8, 8);
    r.mode = EditMode::Outpaint;
    EXPECT_NE(errorOf(r).find("outpaint needs margins"), std::string::npos);
    r.outpaint.left = 4;
    EXPECT_EQ(errorOf(r), "");
}

TEST(EditModeNames, RoundTripAndUnknownThrows) {
    for (EditMode m : {EditMode::Inpaint, EditMode::Outpaint, EditMode::Img2Img, EditMode::Txt2Img}) {
        EXPECT_EQ(editModeFromString(toString(m)), m);
    }
    EXPECT_THROW(editModeFromString("paint"), Error);
    EXPECT_EQ(classicalFillFromString("telea"), ClassicalFill::Telea);
    EXPECT_THROW(classicalFillFromString("magic"), Error);
}
