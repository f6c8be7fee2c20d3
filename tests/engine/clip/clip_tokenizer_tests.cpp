// SPDX-License-Identifier: GPL-3.0-or-later
// CLIPTokenizer behaviour beyond the golden prompts: loading errors, text cleaning, decode, windows.
// Expected ids come from openai/CLIP's SimpleTokenizer (identity ftfy).
#include "core/error.h"
#include "engine/clip/clip_tokenizer.h"
#include "golden_dir.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <iterator>
#include <unistd.h>

using namespace atelier;
using namespace atelier::engine;
namespace fs = std::filesystem;

namespace {

std::string vocabPath() { return std::string(ATELIER_SOURCE_DIR) + "/resources/vocab/bpe_simple_vocab_16e6.txt.gz"; }

const CLIPTokenizer& tokenizer() {
    static const CLIPTokenizer t(vocabPath());
    return t;
}

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The atelier::Error message `f` throws, or "" when it does not throw.
std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

/// The error message loading `path` gives, or "" when it loads.
std::string loadError(const std::string& path) {
    try {
        CLIPTokenizer t(path);
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

class TempFile {
public:
    explicit TempFile(const std::string& suffix)
        : m_path((fs::temp_directory_path() / ("atelier-vocab-" + std::to_string(::getpid()) + suffix)).string()) {}
    ~TempFile() { fs::remove(m_path); }
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

} // namespace

TEST(CLIPTokenizerLoad, ShippedVocabularyIsTheGoldenOne) {
    EXPECT_EQ(readAll(vocabPath()), readAll(test::goldenPath("bpe_simple_vocab_16e6.txt.gz")));
}

TEST(CLIPTokenizerLoad, MissingFileNamesThePath) {
    const std::string message = loadError("/nonexistent/bpe_vocab.txt.gz");
    EXPECT_NE(message.find("/nonexistent/bpe_vocab.txt.gz"), std::string::npos) << message;
    EXPECT_NE(message.find("CLIP BPE vocabulary"), std::string::npos) << message;
}

TEST(CLIPTokenizerLoad, CorruptGzipIsAnError) {
    TempFile file(".gz");
    std::string bytes = readAll(vocabPath()).substr(0, 4096);
    for (std::size_t i = 100; i < bytes.size(); i += 7) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
    std::ofstream(file.path(), std::ios::binary) << bytes;
    const std::string message = loadError(file.path());
    EXPECT_NE(message.find(file.path()), std::string::npos) << message;
    EXPECT_NE(message.find("corrupt"), std::string::npos) << message;
}

TEST(CLIPTokenizerLoad, TruncatedGzipIsAnError) {
    TempFile file(".gz");
    const std::string bytes = readAll(vocabPath());
    std::ofstream(file.path(), std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    const std::string message = loadError(file.path());
    EXPECT_NE(message.find(file.path()), std::string::npos) << message;
}

TEST(CLIPTokenizerLoad, TooFewMergesIsAnError) {
    TempFile file(".gz");
    gzFile gz = gzopen(file.path().c_str(), "wb");
    ASSERT_NE(gz, nullptr);
    const std::string text = "#version: 0.2\ni n\nt h\n";
    gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
    gzclose(gz);
    const std::string message = loadError(file.path());
    EXPECT_NE(message.find("merge lines"), std::string::npos) << message;
}

TEST(CLIPTokenizerEncode, CleansHtmlEntitiesTwice) {
    EXPECT_EQ(tokenizer().encode("fish &amp; chips"), (std::vector<int>{2759, 261, 8855}));
    EXPECT_EQ(tokenizer().encode("fish &amp;amp; chips"), (std::vector<int>{2759, 261, 8855}));
    EXPECT_EQ(tokenizer().encode("&lt;3 &#x263A; &eacute;t&eacute;"), (std::vector<int>{283, 274, 8703, 3459, 39694}));
    // Legacy names match as a prefix without ';' (&not + "it;"), unknown names stay literal.
    EXPECT_EQ(tokenizer().encode("&ampx &notit; &xyz;"),
              (std::vector<int>{261, 343, 126, 361, 585, 282, 261, 20023, 345, 282}));
}

TEST(CLIPTokenizerEncode, LowerCasesLikePython) {
    // Final sigma only at the end of the word; dotted capital I lowers to i + U+0307.
    EXPECT_EQ(tokenizer().decode(tokenizer().encode("ΟΔΥΣΣΕΥΣ")), "οδυσσευς ");
    EXPECT_EQ(tokenizer().encode("İstanbul"), (std::vector<int>{328, 16384, 11231}));
    EXPECT_EQ(tokenizer().encode("HELLO World"), tokenizer().encode("hello world"));
}

TEST(CLIPTokenizerEncode, UnicodeWhitespace) {
    EXPECT_EQ(tokenizer().encode("a\u00a0b\u2003c"), (std::vector<int>{320, 321, 322}));
    EXPECT_EQ(tokenizer().encode("\x1c x \x1c"), (std::vector<int>{343})); // str.strip() also drops U+001C
    EXPECT_TRUE(tokenizer().encode(" \t\n ").empty());
}

TEST(CLIPTokenizerEncode, InvalidUtf8BecomesReplacementCharacter) {
    EXPECT_EQ(tokenizer().encode("a\xff"), tokenizer().encode("a\xef\xbf\xbd"));
}

TEST(CLIPTokenizerEncode, RepeatedCallsUseTheCacheConsistently) {
    const std::vector<int> first = tokenizer().encode("supercalifragilisticexpialidocious");
    EXPECT_EQ(tokenizer().encode("supercalifragilisticexpialidocious"), first);
    EXPECT_EQ(first.size(), 9u);
}

TEST(CLIPTokenizerDecode, RoundTripsAndReplacesBrokenBytes) {
    EXPECT_EQ(tokenizer().decode(tokenizer().encode("café naïve")), "café naïve ");
    EXPECT_EQ(tokenizer().decode({127}), "\xef\xbf\xbd"); // a lone UTF-8 lead byte
    EXPECT_EQ(tokenizer().decode({CLIPTokenizer::kStartOfText, 3306, CLIPTokenizer::kEndOfText}),
              "<|startoftext|>hello <|endoftext|>");
    EXPECT_THROW(tokenizer().decode({49408}), Error);
    EXPECT_THROW(tokenizer().decode({-1}), Error);
}

TEST(CLIPTokenizerWindows, ShortPromptSD1AndSD2) {
    const TokenIds sd1 = tokenizer().tokenize("a photograph", PaddingStyle::SD1);
    EXPECT_EQ(sd1.ids[0], CLIPTokenizer::kStartOfText);
    EXPECT_EQ(sd1.ids[1], 320);
    EXPECT_EQ(sd1.ids[2], 8853);
    EXPECT_EQ(sd1.eotIndex, 3);
    EXPECT_EQ(sd1.tokenCount, 2);
    EXPECT_FALSE(sd1.truncated);
    for (int i = 3; i < 77; ++i) EXPECT_EQ(sd1.ids[i], CLIPTokenizer::kEndOfText);
    const TokenIds sd2 = tokenizer().tokenize("a photograph", PaddingStyle::SD2);
    EXPECT_EQ(sd2.ids[3], CLIPTokenizer::kEndOfText);
    for (int i = 4; i < 77; ++i) EXPECT_EQ(sd2.ids[i], 0);
}

TEST(CLIPTokenizerWindows, LongPromptIsCutIntoWindowsOf75) {
    std::string prompt;
    for (int i = 0; i < 160; ++i) prompt += "word ";
    const TokenIds truncated = tokenizer().tokenize(prompt, PaddingStyle::SD1);
    EXPECT_TRUE(truncated.truncated);
    EXPECT_EQ(truncated.eotIndex, 76);

    const std::vector<TokenIds> chunks = tokenizer().tokenizeChunks(prompt, PaddingStyle::SD2);
    ASSERT_EQ(chunks.size(), 3u);
    EXPECT_EQ(chunks[0].tokenCount, 75);
    EXPECT_EQ(chunks[1].tokenCount, 75);
    EXPECT_EQ(chunks[2].tokenCount, 10);
    for (const TokenIds& c : chunks) {
        EXPECT_EQ(c.ids[0], CLIPTokenizer::kStartOfText);
        EXPECT_EQ(c.ids[static_cast<std::size_t>(c.eotIndex)], CLIPTokenizer::kEndOfText);
        EXPECT_EQ(c.eotIndex, c.tokenCount + 1);
        for (int i = 1; i < c.eotIndex; ++i) EXPECT_EQ(c.ids[static_cast<std::size_t>(i)], 2653);
    }
    EXPECT_EQ(chunks[2].ids[12], 0); // SD2 pads with 0 after the closing token
}

TEST(CLIPTokenizerWindows, EmptyPromptGivesOneWindow) {
    const std::vector<TokenIds> chunks = tokenizer().tokenizeChunks("", PaddingStyle::SD1);
    ASSERT_EQ(chunks.size(), 1u);
    EXPECT_EQ(chunks[0].ids[0], CLIPTokenizer::kStartOfText);
    EXPECT_EQ(chunks[0].ids[1], CLIPTokenizer::kEndOfText);
    EXPECT_EQ(chunks[0].eotIndex, 1);
}

TEST(CLIPTokenizerWindows, ExactlySeventyFiveTokensIsOneWindow) {
    EXPECT_EQ(chunkTokens(std::vector<int>(75, 320), PaddingStyle::SD1).size(), 1u);
    EXPECT_EQ(chunkTokens(std::vector<int>(76, 320), PaddingStyle::SD1).size(), 2u);
    EXPECT_THROW(wrapTokens(std::vector<int>(80, 320), 0, 76, PaddingStyle::SD1), Error);
    EXPECT_THROW(wrapTokens(std::vector<int>(10, 320), 5, 6, PaddingStyle::SD1), Error);
}

namespace {

/// The first `lines` lines of the gzipped merges file, as text.
std::string mergesText(std::size_t lines) {
    gzFile gz = gzopen(vocabPath().c_str(), "rb");
    std::string content;
    char buffer[1 << 16];
    int n = 0;
    while (gz && (n = gzread(gz, buffer, sizeof buffer)) > 0) content.append(buffer, static_cast<std::size_t>(n));
    if (gz) gzclose(gz);
    std::size_t end = 0;
    for (std::size_t i = 0; i < lines && end != std::string::npos; ++i) end = content.find('\n', end + (i ? 1 : 0));
    return content.substr(0, end == std::string::npos ? content.size() : end + 1);
}

const char* kSample = "a photograph of an astronaut riding a horse, café 東京 (masterpiece:1.2)";

} // namespace

TEST(CLIPTokenizerLoad, FromMergesTextMatchesTheFile) {
    const CLIPTokenizer fromText = CLIPTokenizer::fromMergesText(mergesText(CLIPTokenizer::kMergeCount + 1));
    EXPECT_EQ(fromText.vocabSize(), 49408);
    EXPECT_EQ(fromText.encode(kSample), tokenizer().encode(kSample));
    EXPECT_EQ(fromText.specialTokens().endOfText, CLIPTokenizer::kEndOfText);
}

TEST(CLIPTokenizerLoad, FromVocabAndMergesChecksVocabJson) {
    TempFile merges(".merges.txt");
    TempFile vocab(".vocab.json");
    std::ofstream(merges.path(), std::ios::binary) << mergesText(CLIPTokenizer::kMergeCount + 1);
    std::string json = "{";
    for (int id = 0; id < tokenizer().vocabSize(); ++id) {
        std::string escaped;
        for (char c : tokenizer().tokenText(id)) {
            if (c == '"' || c == '\\') escaped += '\\';
            escaped += c;
        }
        json += (id ? ",\"" : "\"") + escaped + "\":" + std::to_string(id);
    }
    std::ofstream(vocab.path(), std::ios::binary) << json + "}";
    const CLIPTokenizer hf = CLIPTokenizer::fromVocabAndMerges(vocab.path(), merges.path());
    EXPECT_EQ(hf.encode(kSample), tokenizer().encode(kSample));

    std::ofstream(vocab.path(), std::ios::binary) << R"({"a": 0})";
    const std::string message = errorOf([&] { CLIPTokenizer::fromVocabAndMerges(vocab.path(), merges.path()); });
    EXPECT_NE(message.find(vocab.path()), std::string::npos) << message;
}
