// SPDX-License-Identifier: GPL-3.0-or-later
// AUTOMATIC1111 emphasis syntax: parsing (examples from modules/prompt_parser.py) and per-token weights.
#include "core/error.h"
#include "engine/clip/prompt_weighting.h"

#include <gtest/gtest.h>

using namespace atelier;
using namespace atelier::engine;

namespace {

const CLIPTokenizer& tokenizer() {
    static const CLIPTokenizer t(std::string(ATELIER_SOURCE_DIR) + "/resources/vocab/bpe_simple_vocab_16e6.txt.gz");
    return t;
}

struct Expected {
    std::string text;
    double weight;
};

void expectRuns(const std::string& prompt, const std::vector<Expected>& expected) {
    SCOPED_TRACE(prompt);
    const std::vector<WeightedText> runs = parsePromptWeights(prompt);
    ASSERT_EQ(runs.size(), expected.size());
    for (std::size_t i = 0; i < runs.size(); ++i) {
        EXPECT_EQ(runs[i].text, expected[i].text) << "run " << i;
        EXPECT_NEAR(runs[i].weight, expected[i].weight, 1e-12) << "run " << i;
        EXPECT_FALSE(runs[i].isBreak);
    }
}

} // namespace

TEST(PromptWeightingParse, PlainText) { expectRuns("normal text", {{"normal text", 1.0}}); }

TEST(PromptWeightingParse, RoundBracketsMultiplyByOnePointOne) {
    expectRuns("an (important) word", {{"an ", 1.0}, {"important", 1.1}, {" word", 1.0}});
    expectRuns("((double))", {{"double", 1.1 * 1.1}});
}

TEST(PromptWeightingParse, SquareBracketsDivideByOnePointOne) {
    expectRuns("a [quiet] word", {{"a ", 1.0}, {"quiet", 1.0 / 1.1}, {" word", 1.0}});
}

TEST(PromptWeightingParse, ExplicitWeight) {
    expectRuns("(word:1.3)", {{"word", 1.3}});
    expectRuns("( word : 0.5 )", {{" word ", 0.5}});
    expectRuns("(word:-1)", {{"word", -1.0}});
}

TEST(PromptWeightingParse, UnbalancedBrackets) {
    expectRuns("(unbalanced", {{"unbalanced", 1.1}});
    expectRuns("closed) only]", {{"closed) only]", 1.0}});
}

TEST(PromptWeightingParse, Escapes) {
    expectRuns("\\(literal\\]", {{"(literal]", 1.0}});
    expectRuns("a\\\\b", {{"a\\b", 1.0}});
    expectRuns("a\\b", {{"ab", 1.0}}); // a lone backslash is dropped, as in A1111
}

TEST(PromptWeightingParse, AdjacentEqualWeightsMerge) {
    expectRuns("(unnecessary)(parens)", {{"unnecessaryparens", 1.1}});
}

TEST(PromptWeightingParse, NestingMultiplies) {
    // The docstring example of parse_prompt_attention.
    expectRuns("a (((house:1.3)) [on] a (hill:0.5), sun, (((sky))).", {{"a ", 1.0},
                                                                        {"house", 1.3 * 1.1 * 1.1},
                                                                        {" ", 1.1},
                                                                        {"on", 1.0},
                                                                        {" a ", 1.1},
                                                                        {"hill", 0.55},
                                                                        {", sun, ", 1.1},
                                                                        {"sky", 1.1 * 1.1 * 1.1 * 1.1},
                                                                        {".", 1.1}});
}

TEST(PromptWeightingParse, ColonsWithoutWeightAreText) {
    expectRuns("time: noon", {{"time: noon", 1.0}});
    expectRuns("a:1.5) b", {{"a:1.5) b", 1.0}}); // no open bracket: the weight syntax is text
    expectRuns("(a:1.2.3)", {{"a:1.2.3", 1.1}}); // malformed number: text (A1111 would throw)
}

TEST(PromptWeightingParse, EmptyPrompt) { expectRuns("", {{"", 1.0}}); }

TEST(PromptWeightingParse, BreakSplitsRuns) {
    const std::vector<WeightedText> runs = parsePromptWeights("a cat  BREAK (a dog)");
    ASSERT_EQ(runs.size(), 3u);
    EXPECT_EQ(runs[0].text, "a cat");
    EXPECT_TRUE(runs[1].isBreak);
    EXPECT_EQ(runs[2].text, "a dog");
    EXPECT_NEAR(runs[2].weight, 1.1, 1e-12);
    // Only the whole upper-case word.
    EXPECT_EQ(parsePromptWeights("BREAKFAST break").size(), 1u);
}

TEST(PromptWeightingTokens, WeightsAlignWithIds) {
    const WeightedTokens tokens = encodeWeighted(tokenizer(), "(masterpiece:1.2), best quality");
    // Runs are encoded separately: "masterpiece" then ", best quality".
    EXPECT_EQ(tokens.ids, (std::vector<int>{12066, 267, 949, 3027}));
    EXPECT_EQ(tokens.weights, (std::vector<float>{1.2f, 1.0f, 1.0f, 1.0f}));
    EXPECT_TRUE(tokens.breaks.empty());
}

TEST(PromptWeightingTokens, ChunkWeightsAreOneOnSpecialTokens) {
    const std::vector<WeightedChunk> chunks = tokenizeWeighted(tokenizer(), "a [cat]", PaddingStyle::SD2);
    ASSERT_EQ(chunks.size(), 1u);
    const WeightedChunk& c = chunks[0];
    EXPECT_EQ(c.tokens.tokenCount, 2);
    EXPECT_EQ(c.tokens.ids[1], 320);
    EXPECT_EQ(c.tokens.ids[2], 2368);
    EXPECT_EQ(c.tokens.ids[3], CLIPTokenizer::kEndOfText);
    EXPECT_EQ(c.tokens.ids[4], 0);
    EXPECT_FLOAT_EQ(c.weights[0], 1.0f);
    EXPECT_FLOAT_EQ(c.weights[1], 1.0f);
    EXPECT_FLOAT_EQ(c.weights[2], static_cast<float>(1.0 / 1.1));
    EXPECT_FLOAT_EQ(c.weights[3], 1.0f);
    EXPECT_FLOAT_EQ(c.weights[76], 1.0f);
}

TEST(PromptWeightingTokens, BreakStartsANewWindow) {
    const std::vector<WeightedChunk> chunks = tokenizeWeighted(tokenizer(), "a cat BREAK (a dog)", PaddingStyle::SD1);
    ASSERT_EQ(chunks.size(), 2u);
    EXPECT_EQ(chunks[0].tokens.tokenCount, 2);
    EXPECT_EQ(chunks[1].tokens.tokenCount, 2);
    EXPECT_EQ(chunks[1].tokens.ids[2], 1929); // dog
    EXPECT_FLOAT_EQ(chunks[1].weights[2], 1.1f);
    // A leading BREAK leaves an empty first window, a trailing one adds nothing.
    EXPECT_EQ(tokenizeWeighted(tokenizer(), "BREAK a", PaddingStyle::SD1).size(), 2u);
    EXPECT_EQ(tokenizeWeighted(tokenizer(), "a BREAK", PaddingStyle::SD1).size(), 1u);
}

TEST(PromptWeightingTokens, LongWeightedPromptSpansWindows) {
    std::string prompt = "(";
    for (int i = 0; i < 100; ++i) prompt += "word ";
    prompt += ":0.5) tail";
    const std::vector<WeightedChunk> chunks = tokenizeWeighted(tokenizer(), prompt, PaddingStyle::SD1);
    ASSERT_EQ(chunks.size(), 2u);
    EXPECT_EQ(chunks[0].tokens.tokenCount, 75);
    EXPECT_EQ(chunks[1].tokens.tokenCount, 26);
    EXPECT_FLOAT_EQ(chunks[0].weights[75], 0.5f);
    EXPECT_FLOAT_EQ(chunks[1].weights[25], 0.5f);
    EXPECT_FLOAT_EQ(chunks[1].weights[26], 1.0f); // "tail"
    EXPECT_EQ(chunks[1].tokens.eotIndex, 27);
}

TEST(PromptWeightingTokens, MismatchedSizesAreAnError) {
    WeightedTokens bad;
    bad.ids = {320, 321};
    bad.weights = {1.0f};
    EXPECT_THROW(chunkWeighted(bad, PaddingStyle::SD1), Error);
}
