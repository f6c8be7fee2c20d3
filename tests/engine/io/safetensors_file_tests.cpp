// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"
#include "engine/io/safetensors_file.h"
#include "engine/io/safetensors_writer.h"
#include "engine/io/weight_tensors.h"
#include "golden_dir.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>

using namespace atelier;
using namespace atelier::engine;
namespace fs = std::filesystem;

namespace {

std::string floatBytes(std::initializer_list<float> values) {
    std::string s(values.size() * 4, '\0');
    std::memcpy(s.data(), values.begin(), s.size());
    return s;
}

class SafetensorsFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_path = (fs::temp_directory_path() / ("atelier-st-" + std::to_string(::getpid()) + ".safetensors")).string();
    }
    void TearDown() override { fs::remove(m_path); }
    void writeRaw(const std::string& bytes) { std::ofstream(m_path, std::ios::binary) << bytes; }
    std::string errorOpening() {
        try {
            SafetensorsFile::open(m_path);
        } catch (const Error& e) {
            return e.what();
        }
        return {};
    }
    std::string m_path;
};

} // namespace

TEST_F(SafetensorsFileTest, IndexesEveryGoldenWeightsFile) {
    const SafetensorsFile f = SafetensorsFile::open(test::goldenPath("clip_text_sd15.safetensors"));
    EXPECT_EQ(f.tensors().size(), 36u);
    std::int64_t params = 0;
    for (const auto& [name, info] : f.tensors()) params += info.numel();
    EXPECT_EQ(params, 48106);
    const TensorInfo* emb = f.find("text_model.embeddings.token_embedding.weight");
    ASSERT_NE(emb, nullptr);
    EXPECT_EQ(emb->shape, (std::vector<std::int64_t>{1000, 32}));
    EXPECT_EQ(emb->dtype, DType::F32);
}

TEST_F(SafetensorsFileTest, ReadsF32F16AndBF16AsFloat) {
    const std::string f16("\x00\x3c\x00\xc0", 4);   // 1.0, -2.0 in IEEE half
    const std::string bf16("\x80\x3f\x40\x40", 4);  // 1.0, 3.0 in bfloat16
    writeSafetensors(m_path, {{"a", DType::F32, {2}, floatBytes({0.5f, -1.5f})},
                              {"h", DType::F16, {2}, f16},
                              {"b", DType::BF16, {1, 2}, bf16}},
                     {{"format", "pt"}});
    const SafetensorsFile f = SafetensorsFile::open(m_path);
    EXPECT_EQ(f.metadata().at("format"), "pt");
    EXPECT_TRUE(torch::equal(readTensor(f, "a"), torch::tensor({0.5f, -1.5f})));
    EXPECT_TRUE(torch::equal(readTensor(f, "h"), torch::tensor({1.0f, -2.0f})));
    EXPECT_TRUE(torch::equal(readTensor(f, "b"), torch::tensor({{1.0f, 3.0f}})));
    EXPECT_THROW(readTensor(f, "nope"), Error);
}

TEST_F(SafetensorsFileTest, HeaderLengthBeyondFileIsRefused) {
    std::string bytes = encodeSafetensors({{"a", DType::F32, {1}, floatBytes({1.f})}});
    bytes[0] = static_cast<char>(0xff);
    bytes[1] = static_cast<char>(0xff);
    writeRaw(bytes);
    EXPECT_NE(errorOpening().find("exceeds the file size"), std::string::npos);
}

TEST_F(SafetensorsFileTest, TruncatedDataIsRefusedNamingTheTensor) {
    const std::string bytes = encodeSafetensors({{"weight", DType::F32, {4}, floatBytes({1, 2, 3, 4})}});
    writeRaw(bytes.substr(0, bytes.size() - 4));
    const std::string err = errorOpening();
    EXPECT_NE(err.find("weights '" + m_path + "'"), std::string::npos) << err;
    EXPECT_NE(err.find("tensor 'weight'"), std::string::npos) << err;
    EXPECT_NE(err.find("truncated"), std::string::npos) << err;
}

TEST_F(SafetensorsFileTest, ShapeThatDisagreesWithByteRangeIsRefused) {
    const std::string header = R"({"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})";
    std::string bytes(8, '\0');
    bytes[0] = static_cast<char>(header.size());
    writeRaw(bytes + header + std::string(8, '\0'));
    EXPECT_NE(errorOpening().find("needs a different byte count"), std::string::npos);
}

TEST_F(SafetensorsFileTest, OverlappingTensorsAreRefused) {
    const std::string header = R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                               R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})";
    std::string bytes(8, '\0');
    bytes[0] = static_cast<char>(header.size());
    writeRaw(bytes + header + std::string(12, '\0'));
    EXPECT_NE(errorOpening().find("overlap"), std::string::npos);
}

TEST_F(SafetensorsFileTest, UnknownDtypeAndBadJsonAreRefused) {
    std::string header = R"({"a":{"dtype":"Q4","shape":[1],"data_offsets":[0,1]}})";
    std::string bytes(8, '\0');
    bytes[0] = static_cast<char>(header.size());
    writeRaw(bytes + header + "x");
    EXPECT_NE(errorOpening().find("unsupported dtype"), std::string::npos);
    header = "{not json";
    bytes[0] = static_cast<char>(header.size());
    writeRaw(bytes + header);
    EXPECT_NE(errorOpening().find("not valid JSON"), std::string::npos);
}

TEST_F(SafetensorsFileTest, MissingAndTinyFilesAreRefused) {
    EXPECT_NE(errorOpening().find("cannot be opened"), std::string::npos);
    writeRaw("abc");
    EXPECT_NE(errorOpening().find("too short"), std::string::npos);
}
