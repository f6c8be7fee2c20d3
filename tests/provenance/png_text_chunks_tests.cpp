// SPDX-License-Identifier: GPL-3.0-or-later
// PNG text chunks: tEXt for Latin-1 text, iTXt otherwise, valid CRCs (OpenCV
// still decodes the file), and a reader that survives truncated input.
#include "core/error.h"
#include "provenance/image_encoder.h"
#include "provenance/png_text_chunks.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

using namespace atelier;
using namespace atelier::provenance;

namespace {
std::string tinyPng() { return encodeImage(ImageRGBA8(3, 2, 0x336699ffu), {}); }
} // namespace

TEST(PngTextChunks, LatinTextIsTEXtAndOtherTextIsITXt) {
    std::string png = insertPngText(tinyPng(), "parameters", "caf\xc3\xa9, Steps: 20");
    png = insertPngText(png, "Comment", "\xe7\x8c\xab \xf0\x9f\x90\x88");
    EXPECT_NE(png.find(std::string("tEXtparameters\0caf\xe9", 19)), std::string::npos);
    EXPECT_NE(png.find("iTXtComment"), std::string::npos);
    const std::vector<PngText> texts = readPngTexts(png);
    ASSERT_EQ(texts.size(), 2u);
    EXPECT_EQ(texts[0].keyword, "Comment");
    EXPECT_EQ(texts[0].text, "\xe7\x8c\xab \xf0\x9f\x90\x88");
    EXPECT_EQ(texts[1].text, "caf\xc3\xa9, Steps: 20");
    // CRCs are right: libpng (through OpenCV) still decodes the pixels.
    const cv::Mat decoded = cv::imdecode(std::vector<std::uint8_t>(png.begin(), png.end()), cv::IMREAD_UNCHANGED);
    ASSERT_FALSE(decoded.empty());
    EXPECT_EQ(decoded.cols, 3);
}

TEST(PngTextChunks, BadInputThrowsInsteadOfCrashing) {
    EXPECT_THROW(insertPngText("not a png", "k", "v"), Error);
    EXPECT_THROW(insertPngText(tinyPng(), "", "v"), Error);
    EXPECT_THROW(insertPngText(tinyPng(), std::string(80, 'k'), "v"), Error);
    const std::string png = insertPngText(tinyPng(), "parameters", "x");
    for (std::size_t cut = 0; cut < png.size(); cut += 7) {
        try {
            readPngTexts(png.substr(0, cut));
        } catch (const Error&) {
        }
    }
    std::string lying = png;
    lying[8] = '\x7f'; // IHDR length far past the end
    EXPECT_THROW(readPngTexts(lying), Error);
}
