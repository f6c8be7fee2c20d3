// SPDX-License-Identifier: GPL-3.0-or-later
// Loading SAM weights: the same state dict from a torch.save zip as from safetensors, and clear
// errors naming the file for truncated, corrupt, incomplete and non-SAM files.
#include "core/error.h"
#include "engine/io/weight_file.h"
#include "engine/sam/sam_config_json.h"
#include "engine/sam/sam_embedding.h"
#include "engine/sam/sam_model.h"
#include "engine/sam/sam_segmenter.h"
#include "io/checkpoint_builder.h"
#include "sam_golden_case.h"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace atelier;
using namespace atelier::engine;

namespace {

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The golden weights as a torch.save zip (one storage per tensor), without the tensors named in `drop`.
std::string goldenAsPth(const test::GoldenCase& golden, const std::string& name, const std::string& drop = "") {
    std::vector<test::FakeTensor> tensors;
    std::vector<test::StorageBytes> storages;
    for (const auto& [key, info] : golden.weights().tensors()) {
        if (key == drop) continue;
        EXPECT_EQ(info.dtype, DType::F32) << key;
        const std::string storage = std::to_string(tensors.size());
        tensors.push_back({key, "FloatStorage", storage, info.numel(), 0, info.shape, {}});
        const auto* data = reinterpret_cast<const char*>(golden.weights().data(info));
        storages.push_back({storage, std::string(data, data + info.byteSize)});
    }
    return test::writeTempFile(name, test::makeCheckpoint(test::stateDictPickle(tensors, false), storages));
}

void expectErrorNaming(const std::string& path) {
    try {
        SamSegmenter::load(path);
        ADD_FAILURE() << "no error for " << path;
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    }
}

} // namespace

TEST(SamLoading, PthGivesTheSameModelAsSafetensors) {
    const test::GoldenCase golden("sam");
    const std::string pth = goldenAsPth(golden, "sam_golden.pth");
    const SamConfigOverrides overrides = samOverridesFromJson(golden.configText());
    SamModel fromPth = loadSamModel(WeightFile::open(pth), overrides);
    SamModel fromSafetensors = test::loadGoldenSam(golden);
    const auto a = fromPth->named_parameters(), b = fromSafetensors->named_parameters();
    ASSERT_EQ(a.size(), b.size());
    for (const auto& item : b) EXPECT_TRUE(torch::equal(a[item.key()], item.value())) << item.key();
    for (const auto& item : fromSafetensors->named_buffers()) {
        EXPECT_TRUE(torch::equal(fromPth->named_buffers()[item.key()], item.value())) << item.key();
    }
}

TEST(SamLoading, PthThroughThePublicApiWithASidecarConfig) {
    const test::GoldenCase golden("sam");
    const std::string pth = goldenAsPth(golden, "sam_sidecar.pth");
    {
        std::ofstream json(std::filesystem::path(pth).replace_extension(".json"));
        json << golden.json().dump();
    }
    const SamSegmenter segmenter = SamSegmenter::load(pth);
    EXPECT_EQ(segmenter.architectureName(), "vit");
    ImageRGBA8 image(56, 40, 0x806040ffu);
    const auto embedding = segmenter.computeEmbedding(image);
    ASSERT_TRUE(embedding);
    SegmentPrompt prompt;
    prompt.points = {{10, 10, true}};
    const SamPrediction p = segmenter.predictMask(*embedding, prompt);
    EXPECT_EQ(p.masks.size(), 3u);
    const SamPrediction q = SamSegmenter::load(test::goldenPath("sam.safetensors")).predictMask(*embedding, prompt);
    for (std::size_t m = 0; m < 3; ++m) EXPECT_EQ(p.iouScores[m], q.iouScores[m]);
}

TEST(SamLoading, TruncatedFileNamesIt) {
    const std::string bytes = readBytes(test::goldenPath("sam.safetensors"));
    expectErrorNaming(test::writeTempFile("sam_truncated.safetensors", bytes.substr(0, bytes.size() / 2)));
    expectErrorNaming(test::writeTempFile("sam_truncated_header.safetensors", bytes.substr(0, 20)));
    const std::string pth = readBytes(goldenAsPth(test::GoldenCase("sam"), "sam_whole.pth"));
    expectErrorNaming(test::writeTempFile("sam_truncated.pth", pth.substr(0, pth.size() * 2 / 3)));
}

TEST(SamLoading, CorruptFileNamesIt) {
    std::string bytes = readBytes(test::goldenPath("sam.safetensors"));
    for (std::size_t i = 8; i < 40 && i < bytes.size(); ++i) bytes[i] = '\x7f';
    expectErrorNaming(test::writeTempFile("sam_corrupt.safetensors", bytes));
    expectErrorNaming(test::writeTempFile("sam_garbage.pth", std::string(4096, '\x42')));
}

TEST(SamLoading, NonSamFileNamesIt) {
    expectErrorNaming(test::goldenPath("vae.safetensors"));
}

TEST(SamLoading, MissingTensorIsListed) {
    const std::string pth = goldenAsPth(test::GoldenCase("sam"), "sam_missing.pth", "mask_decoder.iou_token.weight");
    try {
        SamSegmenter::load(pth);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(pth), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("mask_decoder.iou_token.weight"), std::string::npos) << e.what();
    }
    const std::string pth2 = goldenAsPth(test::GoldenCase("sam"), "sam_missing_pe.pth",
                                         "prompt_encoder.point_embeddings.2.weight");
    try {
        SamSegmenter::load(pth2);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("prompt_encoder.point_embeddings.2.weight"), std::string::npos) << e.what();
    }
}
