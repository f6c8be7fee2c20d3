// SPDX-License-Identifier: GPL-3.0-or-later
#include "provenance/png_text_chunks.h"

#include "core/error.h"

#include <zlib.h>

#include <cstdint>
#include <optional>

namespace atelier::provenance {
namespace {

const std::string kSignature("\x89PNG\r\n\x1a\n", 8);

std::uint32_t readU32(const std::string& s, std::size_t at) {
    return (std::uint32_t(std::uint8_t(s[at])) << 24) | (std::uint32_t(std::uint8_t(s[at + 1])) << 16) |
           (std::uint32_t(std::uint8_t(s[at + 2])) << 8) | std::uint32_t(std::uint8_t(s[at + 3]));
}

void appendU32(std::string& s, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) s.push_back(static_cast<char>((v >> shift) & 0xff));
}

std::string chunk(const std::string& type, const std::string& data) {
    std::string c;
    appendU32(c, static_cast<std::uint32_t>(data.size()));
    c += type + data;
    uLong crc = crc32(0L, Z_NULL, 0);
    crc = crc32(crc, reinterpret_cast<const Bytef*>(c.data() + 4), static_cast<uInt>(c.size() - 4));
    appendU32(c, static_cast<std::uint32_t>(crc));
    return c;
}

// UTF-8 to ISO 8859-1, or nothing when a character is outside Latin-1 or the UTF-8 is invalid.
std::optional<std::string> toLatin1(const std::string& utf8) {
    std::string out;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if ((c == 0xc2 || c == 0xc3) && i + 1 < utf8.size() &&
                   (static_cast<unsigned char>(utf8[i + 1]) & 0xc0) == 0x80) {
            out.push_back(static_cast<char>(((c & 0x03) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3f)));
            ++i;
        } else {
            return std::nullopt;
        }
    }
    return out;
}

std::string latin1ToUtf8(const std::string& latin1) {
    std::string out;
    for (char ch : latin1) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out.push_back(ch);
        } else {
            out.push_back(static_cast<char>(0xc0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
        }
    }
    return out;
}

void checkKeyword(const std::string& keyword) {
    bool ok = !keyword.empty() && keyword.size() <= 79 && keyword.front() != ' ' && keyword.back() != ' ' &&
              keyword.find("  ") == std::string::npos;
    for (char ch : keyword) {
        const auto c = static_cast<unsigned char>(ch);
        ok = ok && ((c >= 32 && c <= 126) || c >= 161);
    }
    if (!ok) throw Error("PNG text keyword '" + keyword + "' is not 1-79 printable Latin-1 characters");
}

void checkSignature(const std::string& png) {
    if (png.size() < 8 + 25 || png.compare(0, 8, kSignature) != 0 || png.compare(12, 4, "IHDR") != 0) {
        throw Error("not a PNG file (no signature and IHDR chunk)");
    }
}

} // namespace

std::string insertPngText(const std::string& png, const std::string& keyword, const std::string& text) {
    checkSignature(png);
    checkKeyword(keyword);
    std::string c;
    if (const auto latin1 = toLatin1(text)) {
        c = chunk("tEXt", keyword + '\0' + *latin1);
    } else {
        // keyword, NUL, compression flag 0, method 0, empty language tag, NUL, empty translated keyword, NUL, text
        c = chunk("iTXt", keyword + std::string("\0\0\0\0\0", 5) + text);
    }
    const std::size_t afterIhdr = 8 + 12 + readU32(png, 8);
    if (afterIhdr > png.size()) throw Error("not a PNG file (IHDR runs past the end)");
    return png.substr(0, afterIhdr) + c + png.substr(afterIhdr);
}

std::vector<PngText> readPngTexts(const std::string& png) {
    checkSignature(png);
    std::vector<PngText> texts;
    std::size_t at = 8;
    while (at + 12 <= png.size()) {
        const std::uint32_t length = readU32(png, at);
        if (length > png.size() - at - 12) throw Error("PNG chunk at byte " + std::to_string(at) + " runs past the end");
        const std::string type = png.substr(at + 4, 4);
        const std::string data = png.substr(at + 8, length);
        at += 12 + static_cast<std::size_t>(length);
        if (type == "IEND") break;
        const std::size_t nul = data.find('\0');
        if (nul == std::string::npos) continue;
        const std::string keyword = latin1ToUtf8(data.substr(0, nul));
        if (type == "tEXt") {
            texts.push_back({keyword, latin1ToUtf8(data.substr(nul + 1))});
        } else if (type == "iTXt" && nul + 2 < data.size() && data[nul + 1] == 0) {
            const std::size_t langEnd = data.find('\0', nul + 3);
            if (langEnd == std::string::npos) continue;
            const std::size_t translatedEnd = data.find('\0', langEnd + 1);
            if (translatedEnd == std::string::npos) continue;
            texts.push_back({keyword, data.substr(translatedEnd + 1)});
        }
    }
    return texts;
}

} // namespace atelier::provenance
