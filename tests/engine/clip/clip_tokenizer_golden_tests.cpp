// SPDX-License-Identifier: GPL-3.0-or-later
// CLIPTokenizer against golden/tokenizer.json (openai/CLIP SimpleTokenizer on 30 prompts): exact match.
#include "engine/clip/clip_tokenizer.h"
#include "golden_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>

using namespace atelier::engine;
using nlohmann::json;

namespace {

/// tokenizer.json, parsed once per test binary (null when missing).
const json& golden() {
    static const json doc = [] {
        std::ifstream in(atelier::test::goldenPath("tokenizer.json"));
        return in ? json::parse(in) : json();
    }();
    return doc;
}

/// The golden set's own vocabulary file, loaded once.
const CLIPTokenizer& goldenTokenizer() {
    static const CLIPTokenizer tokenizer(atelier::test::goldenPath(golden().value("vocab_file", "")));
    return tokenizer;
}

std::vector<int> caseIndices() {
    std::vector<int> indices;
    if (golden().contains("cases"))
        for (std::size_t i = 0; i < golden()["cases"].size(); ++i) indices.push_back(static_cast<int>(i));
    return indices;
}

template <std::size_t N>
std::vector<int> toVector(const std::array<int, N>& a) {
    return {a.begin(), a.end()};
}

class TokenizerGolden : public ::testing::TestWithParam<int> {
protected:
    const json& testCase() const { return golden()["cases"][static_cast<std::size_t>(GetParam())]; }
};

} // namespace

TEST(TokenizerGoldenFile, HasCasesAndConventions) {
    ASSERT_FALSE(golden().is_null()) << "missing " << atelier::test::goldenPath("tokenizer.json");
    EXPECT_GE(golden()["cases"].size(), 1u);
    EXPECT_EQ(golden()["context_length"].get<int>(), CLIPTokenizer::kContextLength);
    EXPECT_EQ(golden()["special_tokens"]["<|startoftext|>"].get<int>(), CLIPTokenizer::kStartOfText);
    EXPECT_EQ(golden()["special_tokens"]["<|endoftext|>"].get<int>(), CLIPTokenizer::kEndOfText);
    EXPECT_EQ(goldenTokenizer().vocabSize(), 49408);
}

// One test per prompt (each ctest case is a process): every field of the case must match exactly.
TEST_P(TokenizerGolden, MatchesSimpleTokenizer) {
    const json& c = testCase();
    const std::string prompt = c["prompt"].get<std::string>();
    const CLIPTokenizer& tokenizer = goldenTokenizer();

    const std::vector<int> ids = tokenizer.encode(prompt);
    EXPECT_EQ(ids, c["bpe_ids"].get<std::vector<int>>()) << "bpe_ids";
    EXPECT_EQ(ids.size(), c["n_bpe"].get<std::size_t>()) << "n_bpe";
    std::vector<std::string> tokens;
    for (int id : ids) tokens.push_back(tokenizer.tokenText(id));
    EXPECT_EQ(tokens, c["bpe_tokens"].get<std::vector<std::string>>()) << "bpe_tokens";

    const TokenIds sd1 = tokenizer.tokenize(prompt, PaddingStyle::SD1);
    const TokenIds sd2 = tokenizer.tokenize(prompt, PaddingStyle::SD2);
    EXPECT_EQ(toVector(sd1.ids), c["ids_sd1"].get<std::vector<int>>()) << "ids_sd1";
    EXPECT_EQ(toVector(sd2.ids), c["ids_sd2"].get<std::vector<int>>()) << "ids_sd2";
    EXPECT_EQ(sd1.eotIndex, c["eot_index"].get<int>()) << "eot_index (SD1)";
    EXPECT_EQ(sd2.eotIndex, c["eot_index"].get<int>()) << "eot_index (SD2)";
    EXPECT_EQ(sd1.truncated, c["truncated"].get<bool>()) << "truncated";

    EXPECT_EQ(tokenizer.decode(c["bpe_ids"].get<std::vector<int>>()), c["decoded"].get<std::string>()) << "decoded";

    // Windows of 75 cover every BPE id in order; the first equals ids_sd1.
    const std::vector<int> bpe = c["bpe_ids"].get<std::vector<int>>();
    const std::vector<TokenIds> chunks = tokenizer.tokenizeChunks(prompt, PaddingStyle::SD1);
    ASSERT_EQ(chunks.size(), bpe.empty() ? 1u : (bpe.size() + 74) / 75);
    EXPECT_EQ(toVector(chunks[0].ids), c["ids_sd1"].get<std::vector<int>>()) << "first window";
    std::vector<int> joined;
    for (const TokenIds& chunk : chunks)
        joined.insert(joined.end(), chunk.ids.begin() + 1, chunk.ids.begin() + 1 + chunk.tokenCount);
    EXPECT_EQ(joined, bpe) << "windows";
}

INSTANTIATE_TEST_SUITE_P(Cases, TokenizerGolden, ::testing::ValuesIn(caseIndices()),
                         [](const ::testing::TestParamInfo<int>& info) {
                             return std::string(info.param < 10 ? "case0" : "case") + std::to_string(info.param);
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(TokenizerGolden);
