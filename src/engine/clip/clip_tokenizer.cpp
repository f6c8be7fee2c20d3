// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/clip/clip_tokenizer.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "core/error.h"
#include "engine/clip/clip_tokenizer_text.h"
#include "engine/clip/clip_tokenizer_unicode.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <mutex>

namespace atelier::engine {
namespace {

constexpr const char* kVocabRole = "CLIP BPE vocabulary";
constexpr std::size_t kMaxCacheEntries = 1 << 16;

/// SimpleTokenizer's bytes_to_unicode(): printable Latin-1 bytes map to
/// themselves, the other 68 bytes to U+0100.. in byte order. Returns the
/// bytes in vocabulary order (printable first) and each byte's code point.
void byteToUnicode(std::array<unsigned char, 256>& order, std::array<char32_t, 256>& codePoint) {
    auto printable = [](int b) { return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF); };
    int k = 0;
    for (int b = 0; b < 256; ++b) {
        if (printable(b)) {
            order[k++] = static_cast<unsigned char>(b);
            codePoint[b] = static_cast<char32_t>(b);
        }
    }
    int extra = 0;
    for (int b = 0; b < 256; ++b) {
        if (!printable(b)) {
            order[k++] = static_cast<unsigned char>(b);
            codePoint[b] = static_cast<char32_t>(256 + extra++);
        }
    }
}

std::string readGzipFile(const std::string& path) {
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file) {
        const int err = errno;
        throw fileError(kVocabRole, path, err ? std::string("cannot open: ") + std::strerror(err) : "cannot open");
    }
    std::string content;
    char buffer[1 << 16];
    for (;;) {
        const int n = gzread(file, buffer, sizeof buffer);
        if (n < 0) {
            int code = 0;
            const std::string message = gzerror(file, &code);
            gzclose(file);
            throw fileError(kVocabRole, path, "corrupt gzip data: " + message);
        }
        if (n == 0) break;
        content.append(buffer, static_cast<std::size_t>(n));
    }
    // A truncated stream reads as a short file; gzclose reports it.
    if (gzclose(file) != Z_OK) throw fileError(kVocabRole, path, "corrupt gzip data: unexpected end of file");
    return content;
}

/// Splits one merges line "left right" on ASCII whitespace.
std::vector<std::string> splitWords(const std::string& line) {
    std::vector<std::string> words;
    std::size_t i = 0;
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; };
    while (i < line.size()) {
        while (i < line.size() && space(line[i])) ++i;
        std::size_t j = i;
        while (j < line.size() && !space(line[j])) ++j;
        if (j > i) words.push_back(line.substr(i, j - i));
        i = j;
    }
    return words;
}

std::uint64_t pairKey(int left, int right) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(left)) << 32) | static_cast<std::uint32_t>(right);
}

} // namespace

struct CLIPTokenizer::Cache {
    std::mutex mutex;
    std::unordered_map<std::string, std::vector<int>> pieces;
};

CLIPTokenizer::CLIPTokenizer(const std::string& vocabPath) : m_cache(std::make_unique<Cache>()) { load(vocabPath); }
CLIPTokenizer::~CLIPTokenizer() = default;
CLIPTokenizer::CLIPTokenizer(CLIPTokenizer&&) noexcept = default;
CLIPTokenizer& CLIPTokenizer::operator=(CLIPTokenizer&&) noexcept = default;

CLIPTokenizer::CLIPTokenizer() : m_cache(std::make_unique<Cache>()) {}

namespace {

std::vector<std::string> splitLines(const std::string& content, std::size_t maxLines) {
    std::vector<std::string> lines;
    for (std::size_t begin = 0; begin < content.size() && lines.size() < maxLines;) {
        std::size_t end = content.find('\n', begin);
        if (end == std::string::npos) end = content.size();
        std::string line = content.substr(begin, end - begin);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        begin = end + 1;
    }
    return lines;
}

} // namespace

void CLIPTokenizer::load(const std::string& vocabPath) {
    const std::string content = readGzipFile(vocabPath);
    // Lines 1..48894 (after the version line) are the merges, in rank order.
    const std::vector<std::string> lines = splitLines(content, std::size_t(kMergeCount) + 1);
    if (lines.size() < std::size_t(kMergeCount) + 1)
        throw fileError(kVocabRole, vocabPath,
                        "has " + std::to_string(lines.empty() ? 0 : lines.size() - 1) + " merge lines, expected " +
                            std::to_string(kMergeCount));
    build(lines, kMergeCount, vocabPath);
}

CLIPTokenizer CLIPTokenizer::fromMergesText(const std::string& mergesText, const std::string& name) {
    std::vector<std::string> lines = splitLines(mergesText, std::size_t(-1));
    // The first line names the format ("#version: 0.2", or openai's "\"bpe_simple_vocab_16e6.txt#version: 0.2").
    if (lines.empty() || lines[0].find("#version") == std::string::npos) lines.insert(lines.begin(), "#version: 0.2");
    while (lines.size() > 1 && lines.back().empty()) lines.pop_back();
    CLIPTokenizer tokenizer;
    tokenizer.build(lines, lines.size() - 1, name);
    return tokenizer;
}

CLIPTokenizer CLIPTokenizer::fromVocabAndMerges(const std::string& vocabJsonPath, const std::string& mergesPath) {
    std::ifstream mergesIn(mergesPath, std::ios::binary);
    if (!mergesIn) throw fileError(kVocabRole, mergesPath, "is missing or unreadable");
    std::stringstream merges;
    merges << mergesIn.rdbuf();
    CLIPTokenizer tokenizer = fromMergesText(merges.str(), mergesPath);
    std::ifstream vocabIn(vocabJsonPath, std::ios::binary);
    if (!vocabIn) throw fileError(kVocabRole, vocabJsonPath, "is missing or unreadable");
    nlohmann::json vocab;
    try {
        vocab = nlohmann::json::parse(vocabIn);
    } catch (const nlohmann::json::exception& e) {
        throw fileError(kVocabRole, vocabJsonPath, std::string("is not valid JSON: ") + e.what());
    }
    if (!vocab.is_object() || vocab.size() != static_cast<std::size_t>(tokenizer.vocabSize())) {
        throw fileError(kVocabRole, vocabJsonPath,
                        "has " + std::to_string(vocab.size()) + " entries; merges.txt gives " +
                            std::to_string(tokenizer.vocabSize()));
    }
    for (int id = 0; id < tokenizer.vocabSize(); ++id) {
        const std::string& symbol = tokenizer.m_vocab[static_cast<std::size_t>(id)];
        const auto it = vocab.find(symbol);
        if (it == vocab.end() || !it->is_number_integer() || it->get<int>() != id) {
            throw fileError(kVocabRole, vocabJsonPath, "disagrees with merges.txt at '" + symbol + "' (id " +
                                                           std::to_string(id) + ")");
        }
    }
    return tokenizer;
}

void CLIPTokenizer::build(const std::vector<std::string>& lines, std::size_t mergeCount, const std::string& vocabPath) {
    std::array<unsigned char, 256> order{};
    std::array<char32_t, 256> codePoint{};
    byteToUnicode(order, codePoint);
    m_vocab.clear();
    m_tokenBytes.clear();
    m_vocab.reserve(2 * 256 + mergeCount + 2);
    m_tokenBytes.reserve(m_vocab.capacity());
    for (int withEnd = 0; withEnd < 2; ++withEnd) {
        for (unsigned char b : order) {
            std::string symbol;
            unicode::appendUtf8(codePoint[b], symbol);
            m_vocab.push_back(withEnd ? symbol + "</w>" : symbol);
            m_tokenBytes.push_back(withEnd ? std::string(1, char(b)) + "</w>" : std::string(1, char(b)));
        }
    }
    // Raw bytes of a symbol: every code point is one byte through the inverse table.
    std::unordered_map<char32_t, unsigned char> byteOf;
    for (int b = 0; b < 256; ++b) byteOf[codePoint[b]] = static_cast<unsigned char>(b);
    auto symbolBytes = [&](const std::string& symbol, std::size_t line) {
        std::string bytes;
        for (char32_t cp : unicode::decodeUtf8(symbol)) {
            const auto it = byteOf.find(cp);
            if (it == byteOf.end())
                throw fileError(kVocabRole, vocabPath, "line " + std::to_string(line + 1) + ": '" + symbol +
                                                           "' is not a byte-level symbol");
            bytes += static_cast<char>(it->second);
        }
        return bytes;
    };

    std::vector<std::pair<std::string, std::string>> merges;
    merges.reserve(mergeCount);
    for (std::size_t line = 1; line <= mergeCount; ++line) {
        std::vector<std::string> words = splitWords(lines[line]);
        if (words.size() != 2)
            throw fileError(kVocabRole, vocabPath,
                            "line " + std::to_string(line + 1) + " is not a merge 'left right': '" + lines[line] + "'");
        // "</w>" is made of printable bytes, so the symbol's bytes keep it literally.
        m_vocab.push_back(words[0] + words[1]);
        m_tokenBytes.push_back(symbolBytes(words[0], line) + symbolBytes(words[1], line));
        merges.emplace_back(std::move(words[0]), std::move(words[1]));
    }
    m_vocab.push_back("<|startoftext|>");
    m_tokenBytes.push_back("<|startoftext|>");
    m_vocab.push_back("<|endoftext|>");
    m_tokenBytes.push_back("<|endoftext|>");

    // As Python's dict(zip(vocab, range)): a repeated symbol keeps its last id.
    m_encoder.clear();
    m_encoder.reserve(m_vocab.size());
    for (std::size_t id = 0; id < m_vocab.size(); ++id) m_encoder[m_vocab[id]] = static_cast<int>(id);
    for (int b = 0; b < 256; ++b) {
        std::string symbol;
        unicode::appendUtf8(codePoint[b], symbol);
        m_byteId[b] = m_encoder.at(symbol);
        m_byteEndId[b] = m_encoder.at(symbol + "</w>");
    }
    m_merges.clear();
    m_merges.reserve(merges.size());
    for (std::size_t rank = 0; rank < merges.size(); ++rank) {
        const auto left = m_encoder.find(merges[rank].first);
        const auto right = m_encoder.find(merges[rank].second);
        if (left == m_encoder.end() || right == m_encoder.end())
            throw fileError(kVocabRole, vocabPath,
                            "line " + std::to_string(rank + 2) + " merges a symbol that is not in the vocabulary");
        const int merged = m_encoder.at(merges[rank].first + merges[rank].second);
        m_merges[pairKey(left->second, right->second)] = Merge{static_cast<int>(rank), merged};
    }
}

std::vector<int> CLIPTokenizer::bpe(const std::string& piece) const {
    {
        std::lock_guard<std::mutex> lock(m_cache->mutex);
        const auto it = m_cache->pieces.find(piece);
        if (it != m_cache->pieces.end()) return it->second;
    }
    std::vector<int> word;
    word.reserve(piece.size());
    for (std::size_t i = 0; i < piece.size(); ++i) {
        const auto b = static_cast<unsigned char>(piece[i]);
        word.push_back(i + 1 == piece.size() ? m_byteEndId[b] : m_byteId[b]);
    }
    // Repeatedly merge every occurrence (left to right) of the lowest-ranked adjacent pair.
    while (word.size() > 1) {
        int bestRank = INT_MAX;
        const Merge* best = nullptr;
        int left = 0, right = 0;
        for (std::size_t i = 0; i + 1 < word.size(); ++i) {
            const auto it = m_merges.find(pairKey(word[i], word[i + 1]));
            if (it != m_merges.end() && it->second.rank < bestRank) {
                bestRank = it->second.rank;
                best = &it->second;
                left = word[i];
                right = word[i + 1];
            }
        }
        if (!best) break;
        std::vector<int> merged;
        merged.reserve(word.size());
        for (std::size_t i = 0; i < word.size();) {
            if (i + 1 < word.size() && word[i] == left && word[i + 1] == right) {
                merged.push_back(best->merged);
                i += 2;
            } else {
                merged.push_back(word[i++]);
            }
        }
        word.swap(merged);
    }
    std::lock_guard<std::mutex> lock(m_cache->mutex);
    if (m_cache->pieces.size() >= kMaxCacheEntries) m_cache->pieces.clear();
    m_cache->pieces.emplace(piece, word);
    return word;
}

std::vector<int> CLIPTokenizer::encode(const std::string& text) const {
    std::vector<int> ids;
    for (const std::string& piece : cliptext::splitPieces(cliptext::cleanText(text))) {
        if (piece == "<|startoftext|>") {
            ids.push_back(specialTokens().startOfText);
        } else if (piece == "<|endoftext|>") {
            ids.push_back(specialTokens().endOfText);
        } else {
            const std::vector<int> pieceIds = bpe(piece);
            ids.insert(ids.end(), pieceIds.begin(), pieceIds.end());
        }
    }
    return ids;
}

TokenIds CLIPTokenizer::tokenize(const std::string& text, PaddingStyle padding) const {
    const std::vector<int> ids = encode(text);
    TokenIds window = wrapTokens(ids, 0, std::min<std::size_t>(ids.size(), kChunkTokens), padding, specialTokens());
    window.truncated = ids.size() > std::size_t(kChunkTokens);
    return window;
}

std::vector<TokenIds> CLIPTokenizer::tokenizeChunks(const std::string& text, PaddingStyle padding) const {
    return chunkTokens(encode(text), padding, specialTokens());
}

const std::string& CLIPTokenizer::tokenText(int id) const {
    if (id < 0 || id >= vocabSize())
        throw Error("token id " + std::to_string(id) + " is outside the vocabulary [0, " +
                    std::to_string(vocabSize()) + ")")
            .withContext("CLIP tokenizer");
    return m_vocab[static_cast<std::size_t>(id)];
}

std::string CLIPTokenizer::decode(const std::vector<int>& ids) const {
    std::string bytes;
    for (int id : ids) {
        tokenText(id); // range check
        bytes += m_tokenBytes[static_cast<std::size_t>(id)];
    }
    // Decode first (invalid bytes -> U+FFFD), then turn word ends into spaces, as SimpleTokenizer does.
    const std::string text = unicode::encodeUtf8(unicode::decodeUtf8(bytes));
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text.compare(i, 4, "</w>") == 0) {
            out += ' ';
            i += 4;
        } else {
            out += text[i++];
        }
    }
    return out;
}

int paddingId(PaddingStyle padding, SpecialTokens specials) {
    return padding == PaddingStyle::SD1 ? specials.endOfText : 0;
}

TokenIds wrapTokens(const std::vector<int>& ids, std::size_t begin, std::size_t count, PaddingStyle padding,
                    SpecialTokens specials) {
    if (count > std::size_t(CLIPTokenizer::kChunkTokens) || begin > ids.size() || count > ids.size() - begin)
        throw Error("cannot wrap " + std::to_string(count) + " tokens from " + std::to_string(begin) + " of " +
                    std::to_string(ids.size()) + " (at most 75 per window)")
            .withContext("CLIP tokenizer");
    TokenIds window;
    window.ids.fill(paddingId(padding, specials));
    window.ids[0] = specials.startOfText;
    std::copy_n(ids.begin() + static_cast<std::ptrdiff_t>(begin), count, window.ids.begin() + 1);
    window.tokenCount = static_cast<int>(count);
    window.eotIndex = window.tokenCount + 1;
    window.ids[static_cast<std::size_t>(window.eotIndex)] = specials.endOfText;
    return window;
}

std::vector<TokenIds> chunkTokens(const std::vector<int>& ids, PaddingStyle padding, SpecialTokens specials) {
    std::vector<TokenIds> windows;
    std::size_t begin = 0;
    do {
        const std::size_t count = std::min<std::size_t>(ids.size() - begin, CLIPTokenizer::kChunkTokens);
        windows.push_back(wrapTokens(ids, begin, count, padding, specials));
        begin += count;
    } while (begin < ids.size());
    return windows;
}

} // namespace atelier::engine
