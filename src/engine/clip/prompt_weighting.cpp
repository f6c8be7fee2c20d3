// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/clip/prompt_weighting.h"

#include "core/error.h"
#include "engine/clip/clip_tokenizer_unicode.h"

#include <locale>
#include <sstream>

namespace atelier::engine {
namespace {

constexpr double kRoundMultiplier = 1.1;
constexpr double kSquareMultiplier = 1.0 / 1.1;

struct Run {
    std::u32string text;
    double weight = 1.0;
    bool isBreak = false;
};

bool isWordChar(char32_t c) { return c == U'_' || unicode::isLetter(c) || unicode::isNumber(c); }

/// Appends a text run, splitting it at each whole word "BREAK" together with
/// the whitespace around it (A1111: re.split(r"\s*\bBREAK\b\s*", text)).
void appendText(const std::u32string& text, std::vector<Run>& runs) {
    static const std::u32string kBreak = U"BREAK";
    std::size_t partBegin = 0;
    std::size_t search = 0;
    while (true) {
        const std::size_t k = text.find(kBreak, search);
        if (k == std::u32string::npos) break;
        const std::size_t after = k + kBreak.size();
        const bool boundaryBefore = k == 0 || !isWordChar(text[k - 1]);
        const bool boundaryAfter = after == text.size() || !isWordChar(text[after]);
        if (!boundaryBefore || !boundaryAfter) {
            search = k + 1;
            continue;
        }
        std::size_t cutBegin = k;
        while (cutBegin > partBegin && unicode::isPythonSpace(text[cutBegin - 1])) --cutBegin;
        std::size_t cutEnd = after;
        while (cutEnd < text.size() && unicode::isPythonSpace(text[cutEnd])) ++cutEnd;
        runs.push_back({text.substr(partBegin, cutBegin - partBegin), 1.0, false});
        runs.push_back({U"BREAK", 1.0, true});
        partBegin = search = cutEnd;
    }
    runs.push_back({text.substr(partBegin), 1.0, false});
}

/// Matches ":" \s* [+-]? [.0-9]+ \s* ")" at text[i] == ':'; sets `end` past the ')'.
/// Returns false when there is no such match; `valid` tells whether the number parses.
bool matchWeight(const std::u32string& text, std::size_t i, std::size_t& end, double& value, bool& valid) {
    std::size_t j = i + 1;
    while (j < text.size() && unicode::isPythonSpace(text[j])) ++j;
    const std::size_t numberBegin = j;
    if (j < text.size() && (text[j] == U'+' || text[j] == U'-')) ++j;
    const std::size_t bodyBegin = j;
    int digits = 0, dots = 0;
    for (; j < text.size() && ((text[j] >= U'0' && text[j] <= U'9') || text[j] == U'.'); ++j)
        (text[j] == U'.' ? dots : digits)++;
    if (j == bodyBegin) return false;
    const std::size_t numberEnd = j;
    while (j < text.size() && unicode::isPythonSpace(text[j])) ++j;
    if (j >= text.size() || text[j] != U')') return false;
    end = j + 1;
    valid = digits > 0 && dots <= 1;
    if (valid) {
        std::istringstream in(unicode::encodeUtf8(text.substr(numberBegin, numberEnd - numberBegin)));
        in.imbue(std::locale::classic());
        in >> value;
        valid = !in.fail();
    }
    return true;
}

} // namespace

std::vector<WeightedText> parsePromptWeights(const std::string& prompt) {
    const std::u32string text = unicode::decodeUtf8(prompt);
    std::vector<Run> runs;
    std::vector<std::size_t> round, square; // indices of the first run inside each open bracket
    auto multiplyFrom = [&runs](std::size_t first, double multiplier) {
        for (std::size_t p = first; p < runs.size(); ++p)
            if (!runs[p].isBreak) runs[p].weight *= multiplier;
    };
    static const std::u32string kSpecial = U"\\()[]:";
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t c = text[i];
        if (c == U'\\') {
            const bool escape = i + 1 < text.size() && kSpecial.find(text[i + 1]) != std::u32string::npos &&
                                text[i + 1] != U':';
            if (escape) runs.push_back({std::u32string(1, text[i + 1]), 1.0, false});
            i += escape ? 2 : 1; // a lone backslash is dropped
        } else if (c == U'(') {
            round.push_back(runs.size());
            ++i;
        } else if (c == U'[') {
            square.push_back(runs.size());
            ++i;
        } else if (c == U':') {
            std::size_t end = 0;
            double value = 1.0;
            bool valid = false;
            if (matchWeight(text, i, end, value, valid) && valid) {
                if (!round.empty()) {
                    multiplyFrom(round.back(), value);
                    round.pop_back();
                } else {
                    runs.push_back({text.substr(i, end - i), 1.0, false}); // no open "(": the match is text
                }
                i = end;
            } else {
                runs.push_back({U":", 1.0, false});
                ++i;
            }
        } else if (c == U')' && !round.empty()) {
            multiplyFrom(round.back(), kRoundMultiplier);
            round.pop_back();
            ++i;
        } else if (c == U']' && !square.empty()) {
            multiplyFrom(square.back(), kSquareMultiplier);
            square.pop_back();
            ++i;
        } else if (c == U')' || c == U']') {
            runs.push_back({std::u32string(1, c), 1.0, false});
            ++i;
        } else {
            std::size_t j = i;
            while (j < text.size() && kSpecial.find(text[j]) == std::u32string::npos) ++j;
            appendText(text.substr(i, j - i), runs);
            i = j;
        }
    }
    // Unclosed brackets reach to the end, applied in the order they were opened.
    for (std::size_t first : round) multiplyFrom(first, kRoundMultiplier);
    for (std::size_t first : square) multiplyFrom(first, kSquareMultiplier);
    std::vector<WeightedText> merged;
    for (const Run& run : runs) {
        if (!run.isBreak && run.text.empty()) continue; // encodes to nothing
        if (!merged.empty() && !run.isBreak && !merged.back().isBreak && merged.back().weight == run.weight) {
            merged.back().text += unicode::encodeUtf8(run.text);
        } else {
            merged.push_back({unicode::encodeUtf8(run.text), run.weight, run.isBreak});
        }
    }
    if (merged.empty()) merged.push_back({"", 1.0, false});
    return merged;
}

WeightedTokens encodeWeighted(const CLIPTokenizer& tokenizer, const std::string& prompt) {
    WeightedTokens out;
    for (const WeightedText& run : parsePromptWeights(prompt)) {
        if (run.isBreak) {
            out.breaks.push_back(out.ids.size());
            continue;
        }
        const std::vector<int> ids = tokenizer.encode(run.text);
        out.ids.insert(out.ids.end(), ids.begin(), ids.end());
        out.weights.insert(out.weights.end(), ids.size(), static_cast<float>(run.weight));
    }
    return out;
}

std::vector<WeightedChunk> chunkWeighted(const WeightedTokens& tokens, PaddingStyle padding, SpecialTokens specials) {
    if (tokens.ids.size() != tokens.weights.size())
        throw Error(std::to_string(tokens.ids.size()) + " token ids but " + std::to_string(tokens.weights.size()) +
                    " weights")
            .withContext("prompt weighting");
    std::vector<WeightedChunk> chunks;
    std::size_t begin = 0; // first token of the open window
    std::size_t nextBreak = 0;
    auto flush = [&](std::size_t end) {
        WeightedChunk chunk;
        chunk.tokens = wrapTokens(tokens.ids, begin, end - begin, padding, specials);
        chunk.weights.fill(1.0f);
        for (std::size_t k = begin; k < end; ++k) chunk.weights[1 + k - begin] = tokens.weights[k];
        chunks.push_back(chunk);
        begin = end;
    };
    for (std::size_t pos = 0; pos < tokens.ids.size(); ++pos) {
        for (; nextBreak < tokens.breaks.size() && tokens.breaks[nextBreak] <= pos; ++nextBreak) flush(pos);
        // A full window is closed only when another token arrives (so a BREAK right after it adds no empty window).
        if (pos - begin == std::size_t(CLIPTokenizer::kChunkTokens)) flush(pos);
    }
    // BREAKs after the last token each close a window too.
    for (; nextBreak < tokens.breaks.size(); ++nextBreak) flush(tokens.ids.size());
    if (begin < tokens.ids.size() || chunks.empty()) flush(tokens.ids.size());
    return chunks;
}

std::vector<WeightedChunk> tokenizeWeighted(const CLIPTokenizer& tokenizer, const std::string& prompt,
                                            PaddingStyle padding) {
    return chunkWeighted(encodeWeighted(tokenizer, prompt), padding, tokenizer.specialTokens());
}

} // namespace atelier::engine
