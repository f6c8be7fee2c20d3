// SPDX-License-Identifier: GPL-3.0-or-later
// atelier-cli with a diffusion model: the tiny golden-weight model as a
// diffusers folder and as an original-layout single file, end to end.
#include "cli_runner.h"
#include "engine/image_io.h"
#include "sample_paths.h"
#include "tiny_model.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace atelier;
using atelier::test::runCli;
namespace fs = std::filesystem;

namespace {

class CliModel : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = fs::temp_directory_path() / ("atelier-cli-model-" + std::to_string(::getpid()));
        fs::remove_all(s_dir);
        test::writeTinyDiffusersFolder((s_dir / "tiny").string());
        test::writeTinySingleFile((s_dir / "tiny.safetensors").string());
    }
    static void TearDownTestSuite() { fs::remove_all(s_dir); }
    static fs::path s_dir;
};
fs::path CliModel::s_dir;

} // namespace

TEST_F(CliModel, EditWithFolderAndSingleFileGivesTheSamePixels) {
    std::vector<std::string> outputs;
    for (const char* model : {"tiny", "tiny.safetensors"}) {
        SCOPED_TRACE(model);
        const std::string out = (s_dir / (std::string("out-") + model)).string();
        const test::CliRun run = runCli({"edit", test::samplePhotoPath(), "--mask", test::sampleMaskPath(), "--model",
                                         (s_dir / model).string(), "--prompt", "a grey wall", "--negative", "rocket",
                                         "--steps", "3", "--variations", "2", "--seed", "5", "--sampler", "dpmpp_2m",
                                         "--out", out, "--json"});
        ASSERT_EQ(run.exitCode, 0) << run.err;
        const nlohmann::json j = nlohmann::json::parse(run.out);
        ASSERT_EQ(j.at("outputs").size(), 2u);
        const nlohmann::json& recipe = j["outputs"][1]["recipe"];
        EXPECT_EQ(recipe.at("seed").get<int>(), 6);
        EXPECT_EQ(recipe.at("sampler"), "dpmpp_2m");
        EXPECT_TRUE(recipe.at("prompt_used").get<bool>());
        EXPECT_EQ(recipe.at("model").at("backend"), "diffusion");
        outputs.push_back(j["outputs"][0]["path"].get<std::string>());
    }
    EXPECT_EQ(engine::loadImageFile(outputs[0]), engine::loadImageFile(outputs[1]));
    const ImageRGBA8 source = engine::loadImageFile(test::samplePhotoPath());
    const MaskA8 mask = engine::loadMaskFile(test::sampleMaskPath());
    const ImageRGBA8 out = engine::loadImageFile(outputs[0]);
    long differing = 0;
    for (int y = 0; y < mask.height; ++y)
        for (int x = 0; x < mask.width; ++x)
            if (mask.at(x, y) == 0) differing += !std::equal(out.pixel(x, y), out.pixel(x, y) + 4, source.pixel(x, y));
    EXPECT_EQ(differing, 0);
}

TEST_F(CliModel, InspectReportsArchitectureAndParameters) {
    const test::CliRun run = runCli({"models", "inspect", (s_dir / "tiny.safetensors").string(), "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::json j = nlohmann::json::parse(run.out);
    EXPECT_TRUE(j.at("loadable").get<bool>());
    EXPECT_EQ(j.at("parameters").at("unet").get<long>(), 555380);
    EXPECT_EQ(j.at("file_dtype"), "F32");
}

TEST_F(CliModel, InspectOfABrokenModelListsTheProblem) {
    const fs::path broken = s_dir / "broken";
    fs::copy(s_dir / "tiny", broken, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    fs::copy_file(s_dir / "tiny" / "unet" / "diffusion_pytorch_model.safetensors",
                  broken / "vae" / "diffusion_pytorch_model.safetensors", fs::copy_options::overwrite_existing);
    const test::CliRun run = runCli({"models", "inspect", broken.string()});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.out.find("missing keys"), std::string::npos) << run.out;
}

TEST_F(CliModel, UnknownSamplerIsAClearError) {
    const test::CliRun run = runCli({"edit", test::samplePhotoPath(), "--mask", test::sampleMaskPath(), "--model",
                                     (s_dir / "tiny").string(), "--sampler", "magic", "--out",
                                     (s_dir / "out-bad").string()});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("unknown scheduler 'magic'"), std::string::npos) << run.err;
}
