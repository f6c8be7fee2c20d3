// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/clip/clip_tokenizer.h"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace atelier::engine {

/// A run of prompt text with one attention weight, or a BREAK marker.
struct WeightedText {
    std::string text;     ///< UTF-8, brackets and escapes removed
    double weight = 1.0;  ///< product of the enclosing emphasis multipliers
    bool isBreak = false; ///< "BREAK": the next text starts a new 75-token window
};

/// Parses AUTOMATIC1111's emphasis syntax (modules/prompt_parser.py,
/// parse_prompt_attention): "(text)" multiplies by 1.1, "[text]" divides by
/// 1.1, "(text:1.3)" multiplies by 1.3, nesting multiplies, unclosed brackets
/// apply to the end of the prompt, unmatched closers are text, "\(" "\)" "\["
/// "\]" "\\" are literal characters, a lone "\" is dropped, and the word BREAK
/// (surrounding whitespace included) is a window break. Empty runs are dropped
/// and adjacent runs of equal weight merged; a prompt without text gives one
/// empty run of weight 1.
/// Differences from A1111, on purpose: a BREAK keeps its meaning inside
/// brackets and next to another BREAK, and a malformed number ("(a:1.2.3)")
/// leaves ":1.2.3" as text instead of failing. Never throws.
std::vector<WeightedText> parsePromptWeights(const std::string& prompt);

/// BPE ids of a weighted prompt with one weight per id.
struct WeightedTokens {
    std::vector<int> ids;            ///< BPE ids, no special tokens
    std::vector<float> weights;      ///< weights[i] belongs to ids[i]
    std::vector<std::size_t> breaks; ///< positions in ids where a BREAK starts a new window (ascending)
};

/// Parses `prompt` and encodes each run separately (as A1111 does, so BPE never
/// merges across a bracket), giving every id its run's weight.
WeightedTokens encodeWeighted(const CLIPTokenizer& tokenizer, const std::string& prompt);

/// One 77-token window with a weight per position (1 for the special tokens
/// and the padding).
struct WeightedChunk {
    TokenIds tokens;
    std::array<float, 77> weights{};
};

/// Cuts weighted tokens into windows of at most 75 ids, also starting a new
/// window at every BREAK (so "a BREAK b" gives two windows, as in A1111), each
/// wrapped by wrapTokens(). At least one window. Throws atelier::Error if
/// ids/weights sizes differ.
std::vector<WeightedChunk> chunkWeighted(const WeightedTokens& tokens, PaddingStyle padding, SpecialTokens specials = {});

/// encodeWeighted() then chunkWeighted(): what a prompt with emphasis feeds the text encoder.
std::vector<WeightedChunk> tokenizeWeighted(const CLIPTokenizer& tokenizer, const std::string& prompt,
                                            PaddingStyle padding);

} // namespace atelier::engine
