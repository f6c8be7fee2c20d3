// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace atelier::engine {

/// How a 77-token CLIP context is padded after its closing <|endoftext|>.
enum class PaddingStyle {
    SD1, ///< with <|endoftext|> (49407): HF CLIPTokenizer of openai/clip-vit-large-patch14
    SD2, ///< with 0 ('!'): open_clip / openai clip.tokenize, used by SD 2.x
};

/// The ids of the two special tokens of a vocabulary (49406/49407 in CLIP's;
/// always the last two ids: vocabSize - 2 and vocabSize - 1).
struct SpecialTokens {
    int startOfText = 49406;
    int endOfText = 49407;
};

/// One CLIP context window: <|startoftext|>, up to 75 BPE tokens, <|endoftext|>, padding.
struct TokenIds {
    std::array<int, 77> ids{}; ///< token ids, int (the text model takes them as int64 [B, 77])
    int eotIndex = 1;          ///< position of the closing <|endoftext|> = tokenCount + 1
    int tokenCount = 0;        ///< BPE tokens inside the window (0..75)
    bool truncated = false;    ///< tokenize() only: the prompt had more than 75 tokens
};

/// openai/CLIP's byte-level BPE tokenizer (clip/simple_tokenizer.py @ d05afc4),
/// reproduced id for id, without torch.
///
/// Text is cleaned as SimpleTokenizer does (html.unescape twice, whitespace
/// collapsed, stripped, lower-cased; ftfy is not applied), split by its regex
/// (see clip_tokenizer_text.h), each piece's UTF-8 bytes mapped through the
/// byte-to-unicode table, '</w>' appended to the last symbol and merged by BPE
/// rank. The 49408-entry vocabulary is rebuilt from the merges file exactly as
/// SimpleTokenizer does: 256 byte symbols, the same with '</w>', the 48894
/// merges in rank order, <|startoftext|>, <|endoftext|>.
///
/// Thread-safe: encoding only reads the tables; the BPE cache has its own lock.
class CLIPTokenizer {
public:
    static constexpr int kStartOfText = 49406;
    static constexpr int kEndOfText = 49407;
    static constexpr int kContextLength = 77;
    static constexpr int kChunkTokens = 75; ///< BPE tokens per context window
    static constexpr int kMergeCount = 48894;

    /// Loads the merges file `bpe_simple_vocab_16e6.txt.gz` (gzip, or plain
    /// text). Throws atelier::Error naming the file when it is missing,
    /// unreadable, corrupt, or has fewer than 48894 well-formed merge lines.
    explicit CLIPTokenizer(const std::string& vocabPath);

    /// A tokenizer over any number of merges: `mergesText` is a merges file's
    /// text (a "#version" line, then one "left right" merge per line, rank order,
    /// as transformers' merges.txt). The vocabulary is rebuilt as SimpleTokenizer
    /// does: 512 byte symbols, the merges, then the two specials. `name` names
    /// the source in errors. Throws atelier::Error on a malformed line.
    /// Every merge line is used: a transformers merges.txt holds exactly CLIP's
    /// 48894, while openai's bpe_simple_vocab_16e6.txt holds more, of which
    /// SimpleTokenizer uses the first 48894 (load that file with the constructor).
    static CLIPTokenizer fromMergesText(const std::string& mergesText, const std::string& name = "merges");

    /// A transformers tokenizer folder's `vocab.json` and `merges.txt` (diffusers
    /// model folders): the vocabulary rebuilt from the merges must equal
    /// vocab.json id for id. Throws atelier::Error naming the file otherwise.
    static CLIPTokenizer fromVocabAndMerges(const std::string& vocabJsonPath, const std::string& mergesPath);

    ~CLIPTokenizer();
    CLIPTokenizer(CLIPTokenizer&&) noexcept;
    CLIPTokenizer& operator=(CLIPTokenizer&&) noexcept;

    /// SimpleTokenizer.encode(): the BPE ids of `text` (UTF-8), no special
    /// tokens, not truncated. Literal "<|startoftext|>"/"<|endoftext|>" in the
    /// text become 49406/49407, as in openai's tokenizer.
    std::vector<int> encode(const std::string& text) const;

    /// The 77 ids the SD text encoder takes: 49406, the first 75 BPE ids of
    /// `text`, 49407, padded per `padding`; eotIndex points at that 49407.
    TokenIds tokenize(const std::string& text, PaddingStyle padding) const;

    /// Long prompts as AUTOMATIC1111 feeds them: the BPE ids cut into windows
    /// of 75, each wrapped like tokenize() does. At least one window (an empty
    /// prompt gives [49406, 49407, pad...]); a prompt of <= 75 tokens gives
    /// exactly tokenize()'s window.
    std::vector<TokenIds> tokenizeChunks(const std::string& text, PaddingStyle padding) const;

    /// SimpleTokenizer.decode(): ids back to UTF-8 text, '</w>' becoming ' ';
    /// byte sequences that are not valid UTF-8 become U+FFFD. Throws
    /// atelier::Error for an id outside [0, 49408).
    std::string decode(const std::vector<int>& ids) const;

    /// The vocabulary entry of `id` as SimpleTokenizer spells it (byte-level
    /// symbols, e.g. "a</w>", "cafÃ©</w>"). Throws atelier::Error when out of range.
    const std::string& tokenText(int id) const;

    /// 49408 for CLIP's vocabulary.
    int vocabSize() const { return static_cast<int>(m_vocab.size()); }
    /// <|startoftext|> and <|endoftext|> of this vocabulary.
    SpecialTokens specialTokens() const { return {vocabSize() - 2, vocabSize() - 1}; }

private:
    struct Merge {
        int rank;
        int merged; ///< id of the merged symbol
    };
    struct Cache;

    CLIPTokenizer();
    void load(const std::string& vocabPath);
    /// Builds every table from the lines of a merges file (line 0 the version
    /// line, then `mergeCount` merges); `source` names it in errors.
    void build(const std::vector<std::string>& lines, std::size_t mergeCount, const std::string& source);
    std::vector<int> bpe(const std::string& pieceBytes) const;

    std::vector<std::string> m_vocab;      ///< id -> symbol text (byte-level unicode, UTF-8)
    std::vector<std::string> m_tokenBytes; ///< id -> the raw bytes it stands for ("</w>" kept)
    std::unordered_map<std::string, int> m_encoder;
    std::unordered_map<std::uint64_t, Merge> m_merges; ///< (left id << 32 | right id) -> merge
    std::array<int, 256> m_byteId{};    ///< byte -> id of its symbol
    std::array<int, 256> m_byteEndId{}; ///< byte -> id of its symbol + "</w>"
    std::unique_ptr<Cache> m_cache;
};

/// The padding id of a style: <|endoftext|> (SD1) or 0 (SD2).
int paddingId(PaddingStyle padding, SpecialTokens specials = {});

/// Wraps ids[begin, begin + count) (count <= 75) as one window: 49406, the ids,
/// 49407, padding. Throws atelier::Error when count > 75 or the range is outside `ids`.
TokenIds wrapTokens(const std::vector<int>& ids, std::size_t begin, std::size_t count, PaddingStyle padding,
                    SpecialTokens specials = {});

/// Cuts `ids` (BPE ids, no specials) into windows of 75 wrapped by wrapTokens();
/// one window for an empty list.
std::vector<TokenIds> chunkTokens(const std::vector<int>& ids, PaddingStyle padding, SpecialTokens specials = {});

} // namespace atelier::engine
