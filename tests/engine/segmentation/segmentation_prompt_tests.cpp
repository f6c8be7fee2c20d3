// SPDX-License-Identifier: GPL-3.0-or-later
// Prompt checks: every way a click or box can be wrong is refused with a message saying which.
#include "core/error.h"
#include "engine/segmentation/segmentation_prompt.h"

#include <gtest/gtest.h>

using namespace atelier;
using namespace atelier::engine;

namespace {

std::string messageOf(const SegmentPrompt& prompt, Size size) {
    try {
        validatePrompt(prompt, size);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST(SegmentationPrompt, AcceptsForegroundPointsAndBoxesInsideTheImage) {
    EXPECT_EQ(messageOf({{{0, 0, true}, {99, 49, false}}, std::nullopt}, {100, 50}), "");
    EXPECT_EQ(messageOf({{}, Rect{0, 0, 100, 50}}, {100, 50}), "");
}

TEST(SegmentationPrompt, PointOutsideTheImageIsNamed) {
    const std::string m = messageOf({{{100, 10, true}}, std::nullopt}, {100, 50});
    EXPECT_NE(m.find("point 100,10 lies outside the image (100x50)"), std::string::npos) << m;
    EXPECT_NE(messageOf({{{-1, 10, true}}, std::nullopt}, {100, 50}), "");
}

TEST(SegmentationPrompt, BoxReachingOutsideTheImageIsNamed) {
    const std::string m = messageOf({{}, Rect{50, 10, 60, 10}}, {100, 50});
    EXPECT_NE(m.find("box 50,10,110,20 reaches outside the image"), std::string::npos) << m;
    EXPECT_NE(messageOf({{}, Rect{5, 5, 0, 10}}, {100, 50}).find("empty"), std::string::npos);
}

TEST(SegmentationPrompt, OnlyBackgroundPointsAndNoBoxSayNothingToSegment) {
    EXPECT_NE(messageOf({{{5, 5, false}}, std::nullopt}, {100, 50}).find("foreground point or a box"),
              std::string::npos);
    EXPECT_NE(messageOf({}, {100, 50}), "");
}
