// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/clip/clip_tokenizer_unicode.h"

namespace atelier::engine::unicode {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

/// Python's Final_Sigma test for text[i] == U+03A3: a cased letter before it and
/// none after it, skipping case-ignorable code points on both sides.
bool isFinalSigma(const std::u32string& text, std::size_t i) {
    std::size_t j = i;
    while (j > 0 && isCaseIgnorable(text[j - 1])) --j;
    if (j == 0 || !isCased(text[j - 1])) return false;
    std::size_t k = i + 1;
    while (k < text.size() && isCaseIgnorable(text[k])) ++k;
    return k == text.size() || !isCased(text[k]);
}

} // namespace

bool isRegexSpace(char32_t cp) {
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000;
}

bool isPythonSpace(char32_t cp) { return isRegexSpace(cp) || (cp >= 0x1C && cp <= 0x1F); }

std::u32string toLower(const std::u32string& text) {
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t cp = text[i];
        if (cp == 0x0130) { // LATIN CAPITAL LETTER I WITH DOT ABOVE: the one multi-code-point lowering
            out += U'i';
            out += char32_t(0x0307);
        } else if (cp == 0x03A3) { // GREEK CAPITAL SIGMA: final form at the end of a word
            out += isFinalSigma(text, i) ? char32_t(0x03C2) : char32_t(0x03C3);
        } else {
            out += lowerSimple(cp);
        }
    }
    return out;
}

std::u32string decodeUtf8(const std::string& bytes) {
    std::u32string out;
    out.reserve(bytes.size());
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char b0 = s[i];
        if (b0 < 0x80) {
            out += b0;
            ++i;
            continue;
        }
        // Length and the allowed range of the second byte (Unicode Table 3-7).
        int length = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) length = 2;
        else if (b0 == 0xE0) length = 3, lo = 0xA0;
        else if (b0 >= 0xE1 && b0 <= 0xEC) length = 3;
        else if (b0 == 0xED) length = 3, hi = 0x9F;
        else if (b0 >= 0xEE && b0 <= 0xEF) length = 3;
        else if (b0 == 0xF0) length = 4, lo = 0x90;
        else if (b0 >= 0xF1 && b0 <= 0xF3) length = 4;
        else if (b0 == 0xF4) length = 4, hi = 0x8F;
        if (length == 0) { // a continuation byte or an impossible lead byte
            out += kReplacement;
            ++i;
            continue;
        }
        char32_t cp = b0 & (0xFF >> (length + 1));
        int taken = 1;
        bool ok = true;
        for (; taken < length; ++taken) {
            if (i + taken >= n) {
                ok = false;
                break;
            }
            const unsigned char b = s[i + taken];
            const unsigned char low = taken == 1 ? lo : 0x80;
            const unsigned char high = taken == 1 ? hi : 0xBF;
            if (b < low || b > high) {
                ok = false;
                break;
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        // A broken sequence is replaced as one unit: its lead byte plus the valid continuation bytes.
        out += ok ? cp : kReplacement;
        i += taken;
    }
    return out;
}

void appendUtf8(char32_t cp, std::string& out) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacement;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string encodeUtf8(const std::u32string& text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t cp : text) appendUtf8(cp, out);
    return out;
}

} // namespace atelier::engine::unicode
