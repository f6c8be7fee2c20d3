// SPDX-License-Identifier: GPL-3.0-or-later
// Loading models: both layouts, and broken model files giving errors that name them.
#include "core/error.h"
#include "engine/edit_engine.h"
#include "engine/image_io.h"
#include "engine/pipeline/stable_diffusion_model.h"
#include "tiny_model.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace atelier;
using namespace atelier::engine;
namespace fs = std::filesystem;

namespace {

class ModelLoading : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("atelier-load-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    std::string errorLoading(const fs::path& p) {
        try {
            loadStableDiffusion(p.string());
        } catch (const Error& e) {
            return e.what();
        }
        return {};
    }
    fs::path m_dir;
};

} // namespace

TEST_F(ModelLoading, FolderAndSingleFileLoadTheSameModel) {
    test::writeTinyDiffusersFolder((m_dir / "m").string());
    test::writeTinySingleFile((m_dir / "m.safetensors").string());
    const StableDiffusionModel folder = loadStableDiffusion((m_dir / "m").string());
    const StableDiffusionModel single = loadStableDiffusion((m_dir / "m.safetensors").string());
    EXPECT_EQ(folder.parameterCounts, single.parameterCounts);
    EXPECT_EQ(folder.tokenizer->vocabSize(), 1000);
    EXPECT_EQ(folder.fileDtype, "F32");
    EXPECT_EQ(folder.device.str(), "cpu");
    const auto a = folder.unet->named_parameters(), b = single.unet->named_parameters();
    for (const auto& p : a) EXPECT_TRUE(torch::equal(p.value(), b[p.key()])) << p.key();
}

TEST_F(ModelLoading, TruncatedWeightsNameTheFile) {
    test::writeTinyDiffusersFolder((m_dir / "m").string());
    const fs::path weights = m_dir / "m" / "unet" / "diffusion_pytorch_model.safetensors";
    fs::resize_file(weights, fs::file_size(weights) - 100);
    const std::string err = errorLoading(m_dir / "m");
    EXPECT_NE(err.find(weights.string()), std::string::npos) << err;
}

TEST_F(ModelLoading, MissingKeysAreListedTogether) {
    test::writeTinyDiffusersFolder((m_dir / "m").string());
    // Replace the VAE weights with the UNet's: every VAE key is missing, every UNet key unexpected.
    fs::copy_file(m_dir / "m" / "unet" / "diffusion_pytorch_model.safetensors",
                  m_dir / "m" / "vae" / "diffusion_pytorch_model.safetensors", fs::copy_options::overwrite_existing);
    const std::string err = errorLoading(m_dir / "m");
    EXPECT_NE(err.find("missing keys"), std::string::npos) << err;
    EXPECT_NE(err.find("unexpected keys"), std::string::npos) << err;
}

TEST_F(ModelLoading, NotAModel) {
    std::ofstream(m_dir / "x.safetensors") << "garbage";
    EXPECT_NE(errorLoading(m_dir / "x.safetensors").find("x.safetensors"), std::string::npos);
    fs::create_directories(m_dir / "empty");
    EXPECT_NE(errorLoading(m_dir / "empty").find("model_index.json"), std::string::npos);
    EXPECT_NE(errorLoading(m_dir / "nothing").find("does not exist"), std::string::npos);
}
