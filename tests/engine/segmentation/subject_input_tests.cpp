// SPDX-License-Identifier: GPL-3.0-or-later
// ISNet's input scaling and output thresholding, exactly, without the network.
#include "engine/segmentation/subject_input.h"

#include <gtest/gtest.h>

using namespace atelier;
using namespace atelier::engine;

TEST(SubjectInput, BlobIsRgbMinus128Over256InNchw) {
    ImageRGBA8 image(4, 4, 0x000000ffu);
    std::uint8_t* p = image.pixel(2, 1);
    p[0] = 255, p[1] = 128, p[2] = 0, p[3] = 7; // alpha is ignored
    const cv::Mat blob = subjectInputBlob(image, 4); // same size: no resampling
    ASSERT_EQ(blob.dims, 4);
    EXPECT_EQ(blob.size[0], 1);
    EXPECT_EQ(blob.size[1], 3);
    EXPECT_EQ(blob.size[2], 4);
    EXPECT_EQ(blob.size[3], 4);
    const auto at = [&](int c, int y, int x) { return blob.ptr<float>(0, c)[y * 4 + x]; };
    EXPECT_FLOAT_EQ(at(0, 1, 2), (255.0f - 128.0f) / 256.0f); // R first
    EXPECT_FLOAT_EQ(at(1, 1, 2), 0.0f);
    EXPECT_FLOAT_EQ(at(2, 1, 2), -0.5f);
    EXPECT_FLOAT_EQ(at(0, 0, 0), -0.5f); // black elsewhere
}

TEST(SubjectInput, BlobIsResizedToTheNetworkSide) {
    const cv::Mat blob = subjectInputBlob(ImageRGBA8(300, 100, 0xffffffffu), 64);
    EXPECT_EQ(blob.size[2], 64);
    EXPECT_EQ(blob.size[3], 64);
    EXPECT_FLOAT_EQ(blob.ptr<float>(0, 2)[63 * 64 + 63], 127.0f / 256.0f);
}

TEST(SubjectInput, ProbabilitiesAreThresholdedOrKeptSoftAtTheImageSize) {
    cv::Mat probability(2, 2, CV_32F);
    probability.at<float>(0, 0) = 0.2f;
    probability.at<float>(0, 1) = 0.5f;
    probability.at<float>(1, 0) = 0.7f;
    probability.at<float>(1, 1) = 1.0f;
    const MaskA8 binary = subjectMaskFromProbabilities(probability, {2, 2}, {});
    EXPECT_EQ(binary.values, (std::vector<std::uint8_t>{0, 255, 255, 255}));
    SubjectOptions strict;
    strict.threshold = 0.8f;
    EXPECT_EQ(subjectMaskFromProbabilities(probability, {2, 2}, strict).values,
              (std::vector<std::uint8_t>{0, 0, 0, 255}));
    SubjectOptions soft;
    soft.soft = true;
    const cv::Mat softProbability = (cv::Mat_<float>(2, 2) << 0.0f, 0.4f, 0.6f, 1.0f);
    EXPECT_EQ(subjectMaskFromProbabilities(softProbability, {2, 2}, soft).values,
              (std::vector<std::uint8_t>{0, 102, 153, 255}));
    const MaskA8 larger = subjectMaskFromProbabilities(probability, {6, 4}, {});
    EXPECT_EQ(larger.width, 6);
    EXPECT_EQ(larger.height, 4);
}
