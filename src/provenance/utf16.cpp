// SPDX-License-Identifier: GPL-3.0-or-later
#include "provenance/utf16.h"

#include <cstdint>

namespace atelier::provenance {
namespace {

constexpr char32_t kReplacement = 0xfffd;

// Decodes one code point at `i` and advances `i`; invalid or overlong sequences give U+FFFD.
char32_t nextCodePoint(const std::string& s, std::size_t& i) {
    const auto c = static_cast<unsigned char>(s[i++]);
    if (c < 0x80) return c;
    int extra = 0;
    char32_t cp = 0;
    if ((c & 0xe0) == 0xc0) extra = 1, cp = c & 0x1f;
    else if ((c & 0xf0) == 0xe0) extra = 2, cp = c & 0x0f;
    else if ((c & 0xf8) == 0xf0) extra = 3, cp = c & 0x07;
    else return kReplacement;
    for (int k = 0; k < extra; ++k) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xc0) != 0x80) return kReplacement;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3f);
    }
    static const char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return kReplacement;
    return cp;
}

void putUnit(std::string& out, std::uint16_t unit, bool bigEndian) {
    const char hi = static_cast<char>(unit >> 8), lo = static_cast<char>(unit & 0xff);
    out.push_back(bigEndian ? hi : lo);
    out.push_back(bigEndian ? lo : hi);
}

void putUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xc0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xe0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else {
        out.push_back(static_cast<char>(0xf0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    }
}

} // namespace

std::string utf8ToUtf16(const std::string& utf8, bool bigEndian) {
    std::string out;
    out.reserve(utf8.size() * 2);
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t cp = nextCodePoint(utf8, i);
        if (cp >= 0x10000) {
            putUnit(out, static_cast<std::uint16_t>(0xd800 + ((cp - 0x10000) >> 10)), bigEndian);
            putUnit(out, static_cast<std::uint16_t>(0xdc00 + ((cp - 0x10000) & 0x3ff)), bigEndian);
        } else {
            putUnit(out, static_cast<std::uint16_t>(cp), bigEndian);
        }
    }
    return out;
}

std::string utf16ToUtf8(const std::string& utf16, bool bigEndian) {
    auto unitAt = [&](std::size_t i) {
        const auto a = static_cast<unsigned char>(utf16[i]), b = static_cast<unsigned char>(utf16[i + 1]);
        return static_cast<std::uint16_t>(bigEndian ? (a << 8) | b : (b << 8) | a);
    };
    std::string out;
    const std::size_t units = utf16.size() / 2;
    for (std::size_t u = 0; u < units; ++u) {
        const std::uint16_t w = unitAt(2 * u);
        if (w >= 0xd800 && w <= 0xdbff && u + 1 < units) {
            const std::uint16_t w2 = unitAt(2 * (u + 1));
            if (w2 >= 0xdc00 && w2 <= 0xdfff) {
                putUtf8(out, 0x10000 + ((static_cast<char32_t>(w - 0xd800) << 10) | (w2 - 0xdc00)));
                ++u;
                continue;
            }
        }
        putUtf8(out, (w >= 0xd800 && w <= 0xdfff) ? kReplacement : w);
    }
    return out;
}

} // namespace atelier::provenance
