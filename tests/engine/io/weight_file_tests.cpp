// SPDX-License-Identifier: GPL-3.0-or-later
// WeightFile: one interface over .safetensors and torch.save checkpoints.
#include "checkpoint_builder.h"
#include "core/error.h"
#include "engine/io/safetensors_writer.h"
#include "engine/io/weight_file.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

using namespace atelier;
using namespace atelier::engine;

namespace {

WeightFormat detect(const std::string& path, const std::string& head) {
    return detectWeightFormat(path, reinterpret_cast<const std::uint8_t*>(head.data()), head.size());
}

float firstFloat(const WeightFile& f, const std::string& name) {
    const TensorInfo* info = f.find(name);
    EXPECT_NE(info, nullptr) << name;
    float v = 0;
    if (info) std::memcpy(&v, f.data(*info), sizeof v);
    return v;
}

} // namespace

TEST(WeightFile, DetectsTheFormatFromMagicBytesThenTheExtension) {
    EXPECT_EQ(detect("x.safetensors", std::string("PK\3\4rest", 8)), WeightFormat::PyTorchZip); // contents win
    EXPECT_EQ(detect("x.bin", std::string("\x80\x02\x8a\x0a", 4)), WeightFormat::PyTorchZip);
    EXPECT_EQ(detect("x.bin", std::string("\x10\0\0\0\0\0\0\0{\"a\"", 12)), WeightFormat::Safetensors);
    EXPECT_EQ(detect("model.CKPT", "garbage!!"), WeightFormat::PyTorchZip);
    EXPECT_EQ(detect("model.pth", ""), WeightFormat::PyTorchZip);
    EXPECT_EQ(detect("model.safetensors", ""), WeightFormat::Safetensors);
    try {
        detect("notes.txt", "hello world");
        FAIL() << "a text file was given a format";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("notes.txt"), std::string::npos);
    }
}

TEST(WeightFile, OpensSafetensorsAndCheckpointsAlike) {
    const std::string st = test::writeTempFile("wf.safetensors", encodeSafetensors(
        {{"w", DType::F32, {2}, test::leBytes(std::vector<float>{0.5f, 1.5f})}}));
    const std::string ckpt = test::writeTempFile("wf.ckpt", test::makeCheckpoint(
        test::stateDictPickle({{"w", "FloatStorage", "0", 2, 0, {2}, {}}}, true),
        {{"0", test::leBytes(std::vector<float>{0.5f, 1.5f})}}));
    const WeightFile a = WeightFile::open(st);
    const WeightFile b = WeightFile::open(ckpt);
    EXPECT_EQ(a.format(), WeightFormat::Safetensors);
    EXPECT_EQ(b.format(), WeightFormat::PyTorchZip);
    EXPECT_NE(a.safetensors(), nullptr);
    ASSERT_NE(b.pytorch(), nullptr);
    EXPECT_EQ(b.pytorch()->wrapper(), "state_dict");
    for (const WeightFile* f : {&a, &b}) {
        EXPECT_EQ(f->tensors().size(), 1u);
        EXPECT_EQ(f->find("w")->shape, std::vector<std::int64_t>{2});
        EXPECT_EQ(firstFloat(*f, "w"), 0.5f);
        EXPECT_EQ(f->find("nope"), nullptr);
    }
    EXPECT_EQ(b.path(), ckpt);
    std::filesystem::remove(st);
    std::filesystem::remove(ckpt);
}

TEST(WeightFile, OpensTheRealFixturesAndExplainsFailures) {
    const std::string dir = std::string(ATELIER_SOURCE_DIR) + "/tests/engine/io/data/";
    EXPECT_EQ(WeightFile::open(dir + "diffusion_pytorch_model.bin").tensors().size(), 5u);
    EXPECT_EQ(WeightFile::open(dir + "ldm_tiny.ckpt").format(), WeightFormat::PyTorchZip);
    const std::string legacy = test::writeTempFile("legacy.pt", std::string("\x80\x02\x8a\x0al\xfc\x9c\x46\xf9", 9));
    try {
        WeightFile::open(legacy);
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("legacy pre-1.6"), std::string::npos) << e.what();
    }
    std::filesystem::remove(legacy);
    EXPECT_THROW(WeightFile::open(dir + "does-not-exist.ckpt"), Error);
}
