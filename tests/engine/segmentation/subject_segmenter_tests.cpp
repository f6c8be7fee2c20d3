// SPDX-License-Identifier: GPL-3.0-or-later
// Select subject with ISNet on the real sample photo against a reference mask
// checked by eye, and the errors for missing or corrupt model files. The
// photo cases need the model prepared by packaging/fetch-models.sh (part of
// packaging/setup.sh) and skip, saying so, when it is missing.
#include "core/error.h"
#include "engine/image_io.h"
#include "engine/segmentation/subject_model_path.h"
#include "engine/segmentation/subject_segmenter.h"
#include "mask_iou.h"
#include "sample_paths.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace atelier;
using namespace atelier::engine;
namespace fs = std::filesystem;

namespace {

std::string errorOf(const std::string& modelPath) {
    try {
        SubjectSegmenter segmenter(modelPath);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

class SubjectOnSamplePhoto : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!fs::exists(test::preparedSubjectModelPath())) return;
        try {
            s_segmenter = new SubjectSegmenter(test::preparedSubjectModelPath());
        } catch (const Error& e) {
            s_loadError = e.what();
        }
    }
    static void TearDownTestSuite() {
        delete s_segmenter;
        s_segmenter = nullptr;
    }
    void SetUp() override {
        ASSERT_EQ(s_loadError, "");
        if (!s_segmenter) {
            GTEST_SKIP() << test::preparedSubjectModelPath()
                         << " is missing: run `bash packaging/fetch-models.sh` (part of packaging/setup.sh)";
        }
    }
    static SubjectSegmenter* s_segmenter;
    static std::string s_loadError;
};
SubjectSegmenter* SubjectOnSamplePhoto::s_segmenter = nullptr;
std::string SubjectOnSamplePhoto::s_loadError;

} // namespace

TEST_F(SubjectOnSamplePhoto, MaskMatchesTheReferenceCheckedByEye) {
    const ImageRGBA8 photo = loadImageFile(test::samplePhotoPath());
    const MaskA8 reference = loadMaskFile(test::subjectReferencePath());
    const auto t0 = std::chrono::steady_clock::now();
    const MaskA8 mask = s_segmenter->segment(photo);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ASSERT_EQ(mask.size(), photo.size());
    for (std::uint8_t v : mask.values) ASSERT_TRUE(v == 0 || v == 255);
    const double iou = test::maskIoU(mask, reference);
    std::printf("ISNet subject mask: IoU with the reference %.4f, %.2f s\n", iou, seconds);
    EXPECT_GE(iou, 0.9);
}

TEST_F(SubjectOnSamplePhoto, SoftMaskKeepsProbabilitiesThatThresholdToTheReference) {
    const ImageRGBA8 photo = loadImageFile(test::samplePhotoPath());
    SubjectOptions soft;
    soft.soft = true;
    const MaskA8 probabilities = s_segmenter->segment(photo, soft);
    long between = 0;
    for (std::uint8_t p : probabilities.values) between += p > 10 && p < 245;
    EXPECT_GT(between, 0); // soft edges survive
    // maskIoU() reads >= 128 as selected, i.e. the 0.5 threshold of the binary mask.
    EXPECT_GE(test::maskIoU(probabilities, loadMaskFile(test::subjectReferencePath())), 0.9);
}

TEST_F(SubjectOnSamplePhoto, EmptyImageIsRefused) {
    EXPECT_THROW(s_segmenter->segment(ImageRGBA8{}), Error);
}

TEST(SubjectSegmenter, MissingModelFileIsNamedWithTheSetUpStep) {
    const std::string m = errorOf("/nonexistent/isnet-fp32.onnx");
    EXPECT_NE(m.find("ISNet model '/nonexistent/isnet-fp32.onnx'"), std::string::npos) << m;
    EXPECT_NE(m.find("packaging/fetch-models.sh"), std::string::npos) << m;
}

TEST(SubjectSegmenter, CorruptModelFileIsNamed) {
    const fs::path path = fs::temp_directory_path() / ("atelier-corrupt-" + std::to_string(::getpid()) + ".onnx");
    std::ofstream(path) << "this is not an ONNX protobuf";
    const std::string m = errorOf(path.string());
    fs::remove(path);
    EXPECT_NE(m.find("ISNet model '" + path.string() + "'"), std::string::npos) << m;
    EXPECT_NE(m.find("not a readable ONNX model"), std::string::npos) << m;
}

TEST(SubjectModelPath, ModelDirFromTheEnvironmentComesFirst) {
    ::setenv("ATELIER_MODEL_DIR", "/opt/atelier-models", 1);
    const std::vector<std::string> candidates = subjectModelCandidates();
    ::unsetenv("ATELIER_MODEL_DIR");
    ASSERT_FALSE(candidates.empty());
    EXPECT_EQ(candidates.front(), "/opt/atelier-models/isnet/isnet-fp32.onnx");
}
