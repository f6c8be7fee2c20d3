// SPDX-License-Identifier: GPL-3.0-or-later
// atelier-cli segment, end to end on the sample photo: select subject (ISNet),
// SAM with --model (the golden tiny model), the GrabCut fallback for a box, --json, and bad input giving exit 2 (command
// line) or 1 (job) with a clear message and no mask file.
#include "cli_runner.h"
#include "engine/image_io.h"
#include "engine/io/safetensors_file.h"
#include "engine/sam/sam_segmenter.h"
#include "golden_dir.h"
#include "sample_paths.h"
#include "segmentation/mask_iou.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>

using namespace atelier;
using atelier::test::runCli;
namespace fs = std::filesystem;

namespace {

class CliSegment : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("atelier-cli-segment-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    std::string path(const std::string& name) const { return (m_dir / name).string(); }
    std::string maskPath() const { return path("mask.png"); }

    // Runs `segment` on the sample photo with `args`, expecting `exitCode`, `message` on stderr and no mask.
    void expectFailure(std::vector<std::string> args, int exitCode, const std::string& message) {
        args.insert(args.begin(), {"segment", test::samplePhotoPath()});
        args.insert(args.end(), {"--out", maskPath()});
        const test::CliRun run = runCli(args);
        EXPECT_EQ(run.exitCode, exitCode) << run.err;
        EXPECT_NE(run.err.find(message), std::string::npos) << run.err;
        EXPECT_TRUE(run.out.empty()) << run.out;
        EXPECT_FALSE(fs::exists(maskPath()));
    }

    fs::path m_dir;
};

} // namespace

TEST_F(CliSegment, SubjectWritesTheIsnetMaskAndReportsItInJson) {
    if (!fs::exists(test::preparedSubjectModelPath())) {
        GTEST_SKIP() << test::preparedSubjectModelPath() << " is missing: run `bash packaging/fetch-models.sh`";
    }
    const test::CliRun run = runCli({"segment", test::samplePhotoPath(), "--subject", "--out", maskPath(), "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::json j = nlohmann::json::parse(run.out);
    EXPECT_EQ(j["method"], "isnet");
    EXPECT_EQ(j["output"], fs::absolute(maskPath()).string());
    EXPECT_EQ(j["model"], fs::absolute(test::preparedSubjectModelPath()).string());
    EXPECT_EQ(j["image"]["width"], 512);
    EXPECT_GT(j["timings"]["segment_s"].get<double>(), 0.0);
    EXPECT_GT(j["timings"]["load_model_s"].get<double>(), 0.0);
    const MaskA8 mask = engine::loadMaskFile(maskPath());
    const double iou = test::maskIoU(mask, engine::loadMaskFile(test::subjectReferencePath()));
    std::printf("CLI --subject: IoU %.4f, segment %.2f s, model load %.2f s, area %.3f\n", iou,
                j["timings"]["segment_s"].get<double>(), j["timings"]["load_model_s"].get<double>(),
                j["mask_area_fraction"].get<double>());
    EXPECT_GE(iou, 0.9);
    long long area = 0;
    for (std::uint8_t v : mask.values) area += v >= 128;
    EXPECT_EQ(j["mask_area_px"].get<long long>(), area);
}

TEST_F(CliSegment, BoxRunsTheGrabCutFallbackAndSaysSo) {
    const test::CliRun run =
        runCli({"segment", test::samplePhotoPath(), "--box", "15,10,512,512", "--point", "200,400", "--out", maskPath()});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out, fs::absolute(maskPath()).string() + "\n");
    EXPECT_NE(run.err.find("GrabCut fallback"), std::string::npos) << run.err;
    const MaskA8 mask = engine::loadMaskFile(maskPath());
    EXPECT_EQ(mask.width, 512);
    EXPECT_GE(test::maskIoU(mask, engine::loadMaskFile(test::subjectReferencePath())), 0.7);
}

TEST_F(CliSegment, SeveralPointsWithJsonNameTheFallbackMethod) {
    const test::CliRun run = runCli({"segment", test::samplePhotoPath(), "--point", "200,400", "480,40,0", "--point",
                                     "300,450", "--out", maskPath(), "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::json j = nlohmann::json::parse(run.out);
    EXPECT_EQ(j["method"], "grabcut-fallback");
    EXPECT_TRUE(j["model"].is_null());
    EXPECT_GT(j["mask_area_px"].get<long long>(), 0);
}

TEST_F(CliSegment, BadPointOrBoxSyntaxIsACommandLineError) {
    expectFailure({"--point", "10"}, 2, "--point expects X,Y");
    expectFailure({"--point", "a,b"}, 2, "--point expects X,Y");
    expectFailure({"--point", "1,2,5"}, 2, "--point expects X,Y");
    expectFailure({"--point", "1,2,"}, 2, "--point expects X,Y");
    expectFailure({"--box", "10,10,5,50"}, 2, "--box expects X0,Y0,X1,Y1");
}

TEST_F(CliSegment, PointOrBoxOutsideTheImageIsACommandLineError) {
    expectFailure({"--point", "600,10"}, 2, "point 600,10 lies outside the image (512x512)");
    expectFailure({"--box", "0,0,513,100"}, 2, "reaches outside the image");
}

TEST_F(CliSegment, MethodMissingOrContradictoryIsACommandLineError) {
    expectFailure({}, 2, "--subject, or --point and/or --box");
    expectFailure({"--subject", "--point", "10,10"}, 2, "excludes");
    expectFailure({"--subject", "--out-of-place"}, 2, "");
}

TEST_F(CliSegment, OutputMustBePng) {
    const test::CliRun run = runCli({"segment", test::samplePhotoPath(), "--subject", "--out", path("mask.jpg")});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("--out must name a .png file"), std::string::npos) << run.err;
}

TEST_F(CliSegment, MissingModelIsNamedWithTheSetUpStep) {
    expectFailure({"--subject", "--model", path("missing.onnx")}, 1,
                  "ISNet model '" + path("missing.onnx") + "': does not exist; prepare it with `bash "
                  "packaging/fetch-models.sh`");
}

TEST_F(CliSegment, CorruptModelIsNamed) {
    std::ofstream(path("corrupt.onnx")) << "not a model";
    expectFailure({"--subject", "--model", path("corrupt.onnx")}, 1,
                  "ISNet model '" + path("corrupt.onnx") + "': is not a readable ONNX model");
}

// The golden tiny SAM (tests/data/golden/sam.*; sam.json beside it gives its decoder heads) on its own image.
TEST_F(CliSegment, SamModelWritesTheBestCandidateMask) {
    const std::string model = test::goldenPath("sam.safetensors");
    const engine::SafetensorsFile io = engine::SafetensorsFile::open(test::goldenPath("sam.io.safetensors"));
    const engine::TensorInfo* info = io.find("original_image"); // float32 [1, 3, H, W], integer values 0..255
    ASSERT_TRUE(info);
    const int h = static_cast<int>(info->shape[2]), w = static_cast<int>(info->shape[3]);
    std::vector<float> rgb(info->numel());
    std::memcpy(rgb.data(), io.data(*info), info->byteSize);
    ImageRGBA8 image(w, h);
    for (int c = 0; c < 3; ++c) {
        for (int i = 0; i < w * h; ++i) image.pixels[4 * i + c] = static_cast<std::uint8_t>(rgb[c * w * h + i] + 0.5f);
    }
    engine::savePngAtomic(image, path("image.png"));

    const test::CliRun run = runCli({"segment", path("image.png"), "--point", "14,12", "39,32,0", "--model", model,
                                     "--out", maskPath(), "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::json j = nlohmann::json::parse(run.out);
    EXPECT_EQ(j["method"], "sam");
    EXPECT_EQ(j["model"], fs::absolute(model).string());
    EXPECT_EQ(j["sam"]["architecture"], "vit");

    // The same as the engine's SamSegmenter answers: the candidate with the highest predicted IoU.
    const engine::SamSegmenter sam = engine::SamSegmenter::load(model);
    engine::SegmentPrompt prompt;
    prompt.points = {{14, 12, true}, {39, 32, false}};
    const engine::SamPrediction p = sam.predictMask(*sam.computeEmbedding(engine::loadImageFile(path("image.png"))), prompt);
    EXPECT_EQ(j["sam"]["candidate"], p.best);
    EXPECT_NEAR(j["sam"]["predicted_iou"].get<double>(), p.iouScores[p.best], 1e-6);
    const MaskA8 mask = engine::loadMaskFile(maskPath());
    EXPECT_EQ(mask.width, w);
    EXPECT_EQ(mask.height, h);
    EXPECT_EQ(mask.values, p.masks[p.best].values);

    const test::CliRun plain = runCli({"segment", path("image.png"), "--box", "6,8,42,36", "--model", model, "--out",
                                       path("box.png")});
    ASSERT_EQ(plain.exitCode, 0) << plain.err;
    EXPECT_EQ(plain.out, fs::absolute(path("box.png")).string() + "\n");
    EXPECT_NE(plain.err.find("sam (vit)"), std::string::npos) << plain.err;
}

TEST_F(CliSegment, MissingOrBadSamModelIsAJobFailureNamingIt) {
    expectFailure({"--point", "200,400", "--model", path("missing.pth")}, 1,
                  "SAM model '" + path("missing.pth") + "': does not exist");
    std::ofstream(path("sam_vit_b_01ec64.pth")) << "weights";
    expectFailure({"--point", "200,400", "--model", path("sam_vit_b_01ec64.pth")}, 1,
                  "SAM model '" + path("sam_vit_b_01ec64.pth") + "'");
    expectFailure({"--box", "10,10,100,100", "--model", test::goldenPath("vae.safetensors")}, 1,
                  "SAM model '" + test::goldenPath("vae.safetensors") + "': not a Segment Anything state dict");
}

TEST_F(CliSegment, MissingImageIsAJobFailure) {
    const test::CliRun run = runCli({"segment", path("nope.png"), "--subject", "--out", maskPath()});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find(path("nope.png")), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(maskPath()));
}
