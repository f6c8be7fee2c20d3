// SPDX-License-Identifier: GPL-3.0-or-later
// atelier-cli edit writes provenance: metadata read back with Exiv2 matches the
// recipe it reports, in PNG, JPEG and WebP; re-running never overwrites unless
// --overwrite; a diffusion edit carries the A1111 text with the model's hash.
#include "cli_runner.h"
#include "engine/io/file_hash.h"
#include "engine/io/sha256.h"
#include "engine/recipe_json.h"
#include "provenance/a1111_parameters.h"
#include "provenance/metadata_reader.h"
#include "sample_paths.h"
#include "tiny_model.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace atelier;
using atelier::test::runCli;
namespace fs = std::filesystem;

namespace {

class CliExport : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("atelier-cli-export-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    std::string outDir() const { return (m_dir / "out").string(); }
    test::CliRun edit(std::vector<std::string> extra) const {
        std::vector<std::string> args{"edit", test::samplePhotoPath(), "--mask", test::sampleMaskPath(), "--fill",
                                      "telea", "--out", outDir(), "--json"};
        args.insert(args.end(), extra.begin(), extra.end());
        return runCli(args);
    }
    fs::path m_dir;
};

} // namespace

TEST_F(CliExport, EveryFormatCarriesTheRecipeItReports) {
    for (const char* format : {"png", "jpeg", "webp"}) {
        SCOPED_TRACE(format);
        const test::CliRun run = edit({"--format", format, "--quality", "90", "--seed", "11"});
        ASSERT_EQ(run.exitCode, 0) << run.err;
        const nlohmann::json j = nlohmann::json::parse(run.out);
        const nlohmann::json& o = j.at("outputs").at(0);
        const std::string path = o.at("path").get<std::string>();
        EXPECT_EQ(fs::path(path).extension(), std::string(format) == "png" ? ".png" : std::string(format) == "jpeg" ? ".jpg" : ".webp");
        const provenance::EmbeddedProvenance p = provenance::readProvenanceFile(path);
        ASSERT_FALSE(p.recipeJson.empty());
        nlohmann::json reported = o.at("recipe");
        reported["model"]["path"] = ""; // exports leave the model's path out
        EXPECT_EQ(nlohmann::json::parse(p.recipeJson), reported);
        EXPECT_EQ(p.digitalSourceType, "http://cv.iptc.org/newscodes/digitalsourcetype/compositeSynthetic");
        EXPECT_EQ(p.xmp.at("Xmp.atelier.Seed"), "11");
        EXPECT_EQ(o.at("recipe").at("source_sha256").get<std::string>().size(), 64u);
        EXPECT_EQ(o.at("recipe").at("mask_sha256").get<std::string>().size(), 64u);
        EXPECT_EQ(p.parameters, ""); // the classical fill has no A1111 settings
    }
}

TEST_F(CliExport, RerunPicksAFreeNameUnlessOverwrite) {
    ASSERT_EQ(edit({}).exitCode, 0);
    const test::CliRun second = edit({});
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_NE(second.out.find("astronaut_v1_seed0-2.png"), std::string::npos) << second.out;
    const test::CliRun third = edit({"--overwrite"});
    ASSERT_EQ(third.exitCode, 0) << third.err;
    EXPECT_NE(third.out.find("astronaut_v1_seed0.png\""), std::string::npos) << third.out;
    EXPECT_EQ(std::distance(fs::directory_iterator(outDir()), fs::directory_iterator()), 2);
}

TEST_F(CliExport, NameTemplate) {
    const test::CliRun run = edit({"--name", "{project}_{index}_{seed}_{mode}", "--variations", "2", "--seed", "4"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_TRUE(fs::exists(fs::path(outDir()) / "astronaut_1_4_inpaint.png"));
    EXPECT_TRUE(fs::exists(fs::path(outDir()) / "astronaut_2_5_inpaint.png"));
    const test::CliRun bad = edit({"--name", "{bogus}"});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.err.find("unknown placeholder {bogus}"), std::string::npos) << bad.err;
}

TEST_F(CliExport, DiffusionEditCarriesA1111ParametersWithTheModelHash) {
    const std::string model = (m_dir / "tiny.safetensors").string();
    test::writeTinySingleFile(model);
    const test::CliRun run = runCli({"edit", test::samplePhotoPath(), "--mask", test::sampleMaskPath(), "--model", model,
                                     "--prompt", "a grey wall, smooth", "--negative", "rocket", "--steps", "2",
                                     "--seed", "9", "--sampler", "euler_a", "--cfg", "7", "--strength", "0.8",
                                     "--out", outDir(), "--json", "--format", "jpeg"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::json j = nlohmann::json::parse(run.out);
    const nlohmann::json& recipe = j.at("outputs").at(0).at("recipe");
    const std::string sha = engine::fileSha256(model);
    EXPECT_EQ(recipe.at("model").at("sha256"), sha);
    const provenance::EmbeddedProvenance p =
        provenance::readProvenanceFile(j.at("outputs").at(0).at("path").get<std::string>());
    EXPECT_EQ(p.parameters, "a grey wall, smooth\nNegative prompt: rocket\n"
                            "Steps: 2, Sampler: Euler a, Schedule type: Automatic, CFG scale: 7, Seed: 9, "
                            "Size: 512x512, Model hash: " + sha.substr(0, 10) + ", Model: tiny, "
                            "Denoising strength: 0.8, Version: Atelier " + recipe.at("app_version").get<std::string>());
    EXPECT_EQ(p.digitalSourceType,
              "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia");
}

TEST_F(CliExport, DiffusersFolderIdentityHashesItsThreeWeightFilesInOrder) {
    const fs::path folder = m_dir / "tiny";
    test::writeTinyDiffusersFolder(folder.string());
    const test::CliRun run = runCli({"edit", test::samplePhotoPath(), "--mask", test::sampleMaskPath(), "--model",
                                     folder.string(), "--prompt", "wall", "--steps", "1", "--out", outDir(), "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::json j = nlohmann::json::parse(run.out);
    std::string digests; // unet, vae, text encoder: each digest and a newline
    for (const char* file : {"unet/diffusion_pytorch_model.safetensors", "vae/diffusion_pytorch_model.safetensors",
                             "text_encoder/model.safetensors"}) {
        digests += engine::fileSha256((folder / file).string()) + "\n";
    }
    EXPECT_EQ(j.at("outputs").at(0).at("recipe").at("model").at("sha256"), engine::sha256Hex(digests));
}
