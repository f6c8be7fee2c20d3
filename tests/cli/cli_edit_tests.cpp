// SPDX-License-Identifier: GPL-3.0-or-later
// atelier-cli edit, end to end on the sample photo: outputs, JSON, and every
// bad input giving a clear message, a non-zero exit code and no partial file.
#include "cli_runner.h"
#include "engine/image_io.h"
#include "sample_paths.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using namespace atelier;
using atelier::test::runCli;
namespace fs = std::filesystem;

namespace {

class CliEdit : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("atelier-cli-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    std::string path(const std::string& name) const { return (m_dir / name).string(); }
    std::string outDir() const { return path("out"); }
    int filesIn(const std::string& dir) const {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) return 0;
        return static_cast<int>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
    }
    // Runs `edit` with `image` and `mask`, expecting failure with `message` and nothing written.
    void expectFailure(const std::string& image, const std::string& mask, const std::string& message,
                       std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"edit", image, "--mask", mask, "--out", outDir()};
        args.insert(args.end(), extra.begin(), extra.end());
        const test::CliRun run = runCli(args);
        EXPECT_NE(run.exitCode, 0);
        EXPECT_NE(run.err.find(message), std::string::npos) << "stderr was: " << run.err;
        EXPECT_EQ(filesIn(outDir()), 0) << "a file was written despite the error";
        EXPECT_EQ(run.err.find("terminate called"), std::string::npos);
    }
    fs::path m_dir;
};

} // namespace

TEST_F(CliEdit, WritesVariationsWhoseOutsidePixelsEqualTheInput) {
    const test::CliRun run = runCli({"edit", test::samplePhotoPath(), "--mask", test::sampleMaskPath(),
                                     "--variations", "3", "--seed", "7", "--out", outDir(), "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::json j = nlohmann::json::parse(run.out);
    ASSERT_EQ(j.at("outputs").size(), 3u);
    EXPECT_EQ(filesIn(outDir()), 3);
    const ImageRGBA8 source = engine::loadImageFile(test::samplePhotoPath());
    const MaskA8 mask = engine::loadMaskFile(test::sampleMaskPath());
    for (std::size_t i = 0; i < 3; ++i) {
        const nlohmann::json& o = j["outputs"][i];
        EXPECT_EQ(o.at("seed").get<std::uint64_t>(), 7 + i);
        EXPECT_EQ(o.at("recipe").at("variation_index").get<int>(), static_cast<int>(i));
        EXPECT_EQ(o.at("recipe").at("model").at("backend"), "classical-fill");
        EXPECT_EQ(o.at("recipe").at("classical_fill"), "patchmatch") << "the exemplar fill is the default";
        const ImageRGBA8 out = engine::loadImageFile(o.at("path").get<std::string>());
        ASSERT_EQ(out.size(), source.size());
        long differing = 0, changedInside = 0;
        for (int y = 0; y < mask.height; ++y)
            for (int x = 0; x < mask.width; ++x) {
                const bool same = std::equal(out.pixel(x, y), out.pixel(x, y) + 4, source.pixel(x, y));
                if (mask.at(x, y) == 0) differing += !same;
                else changedInside += !same;
            }
        EXPECT_EQ(differing, 0);
        EXPECT_GT(changedInside, 1000);
    }
    EXPECT_GT(j.at("timings").at("total_s").get<double>(), 0.0);
}

TEST_F(CliEdit, PlainOutputListsOnePathALine) {
    const test::CliRun run = runCli({"edit", test::samplePhotoPath(), "--mask", test::sampleMaskPath(), "--fill",
                                     "telea", "--out", outDir()});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("astronaut_v1_seed0.png"), std::string::npos);
    EXPECT_NE(run.err.find("prompt is not used"), std::string::npos);
}

TEST_F(CliEdit, MissingImage) {
    expectFailure(path("missing.png"), test::sampleMaskPath(), "file does not exist");
}

TEST_F(CliEdit, CorruptImage) {
    std::ifstream in(test::samplePhotoPath(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream(path("cut.png"), std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    expectFailure(path("cut.png"), test::sampleMaskPath(), "corrupt");
}

TEST_F(CliEdit, UnreadableImageIsAFolder) {
    expectFailure(m_dir.string(), test::sampleMaskPath(), "is a folder");
}

TEST_F(CliEdit, MaskOfAnotherSize) {
    engine::saveMaskPngAtomic(MaskA8(100, 80, 255), path("small_mask.png"));
    expectFailure(test::samplePhotoPath(), path("small_mask.png"), "size 100x80 does not match the image (512x512)");
}

TEST_F(CliEdit, EmptyMask) {
    engine::saveMaskPngAtomic(MaskA8(512, 512, 0), path("empty_mask.png"));
    expectFailure(test::samplePhotoPath(), path("empty_mask.png"), "is empty");
}

TEST_F(CliEdit, OutputFolderCannotBeWritten) {
    std::ofstream(path("a_file")) << "x";
    const test::CliRun run = runCli({"edit", test::samplePhotoPath(), "--mask", test::sampleMaskPath(), "--out",
                                     path("a_file/sub")});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("output folder '" + path("a_file/sub") + "'"), std::string::npos) << run.err;
}

TEST_F(CliEdit, UnknownOptionIsAUsageError) {
    const test::CliRun run = runCli({"edit", test::samplePhotoPath(), "--mask", test::sampleMaskPath(), "--out",
                                     outDir(), "--bogus"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("--bogus"), std::string::npos) << run.err;
    EXPECT_EQ(filesIn(outDir()), 0);
}

TEST_F(CliEdit, OutOfRangeValueIsAUsageError) {
    const test::CliRun run = runCli({"edit", test::samplePhotoPath(), "--mask", test::sampleMaskPath(), "--out",
                                     outDir(), "--variations", "0"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("--variations"), std::string::npos) << run.err;
}

TEST_F(CliEdit, ModelThatDoesNotExistIsNamed) {
    expectFailure(test::samplePhotoPath(), test::sampleMaskPath(), "model '/no/such/model.safetensors'",
                  {"--model", "/no/such/model.safetensors"});
}
