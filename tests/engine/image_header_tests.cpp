// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/image_header.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace atelier;
using namespace atelier::engine;

TEST(PeekImageSize, ReadsPngHeader) {
    std::ifstream in(std::string(ATELIER_SOURCE_DIR) + "/resources/samples/astronaut.png", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const auto size = peekImageSize(ss.str());
    ASSERT_TRUE(size.has_value());
    EXPECT_EQ(*size, (Size{512, 512}));
}

TEST(PeekImageSize, ReadsJpegStartOfFrame) {
    // SOI, APP0 (length 4 with two payload bytes), SOF0: length, precision, height 300, width 400.
    const std::string jpeg("\xFF\xD8\xFF\xE0\x00\x04\x00\x00\xFF\xC0\x00\x11\x08\x01\x2C\x01\x90", 17);
    const auto size = peekImageSize(jpeg);
    ASSERT_TRUE(size.has_value());
    EXPECT_EQ(*size, (Size{400, 300}));
}

TEST(PeekImageSize, UnknownOrTruncatedGivesNothing) {
    EXPECT_FALSE(peekImageSize("GIF89a").has_value());
    EXPECT_FALSE(peekImageSize(std::string("\x89PNG\r\n\x1a\n", 8)).has_value());
    EXPECT_FALSE(peekImageSize(std::string("\xFF\xD8\xFF\xE0\x00\x00", 6)).has_value());
}
