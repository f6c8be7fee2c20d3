// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"
#include "engine/io/safetensors_writer.h"
#include "engine/io/state_dict.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

using namespace atelier;
using namespace atelier::engine;
namespace fs = std::filesystem;

namespace {

TensorBytes floats(const std::string& name, std::vector<std::int64_t> shape, float start) {
    TensorBytes t{name, DType::F32, shape, {}};
    std::int64_t n = 1;
    for (auto d : shape) n *= d;
    std::vector<float> v(static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = start + static_cast<float>(i);
    t.bytes.assign(reinterpret_cast<const char*>(v.data()), v.size() * 4);
    return t;
}

struct Tiny : torch::nn::Module {
    Tiny() {
        proj = register_module("proj", torch::nn::Linear(3, 2));
        register_buffer("scale", torch::ones({1}));
    }
    torch::nn::Linear proj{nullptr};
};

class StateDict : public ::testing::Test {
protected:
    void SetUp() override { m_path = (fs::temp_directory_path() / ("atelier-sd-" + std::to_string(::getpid()))).string(); }
    void TearDown() override { fs::remove(m_path); }
    std::string loadError(const std::vector<TensorBytes>& tensors) {
        writeSafetensors(m_path, tensors);
        Tiny m;
        try {
            loadStateDict(m, SafetensorsFile::open(m_path));
        } catch (const Error& e) {
            return e.what();
        }
        return {};
    }
    std::string m_path;
};

} // namespace

TEST_F(StateDict, LoadsByExactName) {
    writeSafetensors(m_path, {floats("proj.weight", {2, 3}, 0.f), floats("proj.bias", {2}, 10.f),
                              floats("scale", {1}, 5.f)});
    Tiny m;
    loadStateDict(m, SafetensorsFile::open(m_path));
    EXPECT_FLOAT_EQ(m.proj->weight[1][2].item<float>(), 5.f);
    EXPECT_FLOAT_EQ(m.proj->bias[1].item<float>(), 11.f);
    EXPECT_FLOAT_EQ(m.named_buffers()["scale"].item<float>(), 5.f);
}

TEST_F(StateDict, OneErrorListsEveryMissingUnexpectedAndMisshapenKey) {
    const std::string err = loadError({floats("proj.weight", {3, 2}, 0.f), floats("extra.weight", {1}, 0.f),
                                       floats("scale", {1}, 0.f)});
    EXPECT_NE(err.find("weights '" + m_path + "'"), std::string::npos) << err;
    EXPECT_NE(err.find("missing keys (1):\n    proj.bias"), std::string::npos) << err;
    EXPECT_NE(err.find("unexpected keys (1):\n    extra.weight"), std::string::npos) << err;
    EXPECT_NE(err.find("proj.weight: expected [2, 3], got [3, 2]"), std::string::npos) << err;
}

TEST_F(StateDict, PrefixSelectsAComponent) {
    writeSafetensors(m_path, {floats("unet.proj.weight", {2, 3}, 0.f), floats("unet.proj.bias", {2}, 0.f),
                              floats("unet.scale", {1}, 2.f), floats("vae.other", {1}, 0.f)});
    Tiny m;
    loadStateDict(m, SafetensorsFile::open(m_path), "unet.");
    EXPECT_FLOAT_EQ(m.named_buffers()["scale"].item<float>(), 2.f);
}
