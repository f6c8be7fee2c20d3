// SPDX-License-Identifier: GPL-3.0-or-later
#include "provenance/webp_exif.h"

#include "core/error.h"

#include <cstdint>

namespace atelier::provenance {
namespace {

std::uint32_t readU32Le(const std::string& s, std::size_t at) {
    return std::uint32_t(std::uint8_t(s[at])) | (std::uint32_t(std::uint8_t(s[at + 1])) << 8) |
           (std::uint32_t(std::uint8_t(s[at + 2])) << 16) | (std::uint32_t(std::uint8_t(s[at + 3])) << 24);
}

void writeU32Le(std::string& s, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

constexpr char kExifFlag = 0x08; // VP8X flags: Rsv Rsv ICC Alpha EXIF XMP Anim Rsv

} // namespace

std::string setWebPExif(const std::string& webp, const std::string& tiff) {
    if (webp.size() < 12 + 18 || webp.compare(0, 4, "RIFF") != 0 || webp.compare(8, 4, "WEBP") != 0 ||
        webp.compare(12, 4, "VP8X") != 0) {
        throw Error("not an extended WebP file (no RIFF/WEBP/VP8X header)");
    }
    std::string out = webp.substr(0, 12);
    std::string xmpAndAfter;
    std::size_t at = 12;
    while (at + 8 <= webp.size()) {
        const std::uint32_t size = readU32Le(webp, at + 4);
        const std::size_t padded = static_cast<std::size_t>(size) + (size & 1);
        if (padded > webp.size() - at - 8) throw Error("WebP chunk at byte " + std::to_string(at) + " runs past the end");
        const std::string type = webp.substr(at, 4);
        const std::string whole = webp.substr(at, 8 + padded);
        at += 8 + padded;
        if (type == "EXIF") continue; // replaced below
        if (type == "XMP " || !xmpAndAfter.empty()) xmpAndAfter += whole;
        else out += whole;
    }
    std::string chunk = "EXIF";
    chunk.append(4, '\0');
    writeU32Le(chunk, 4, static_cast<std::uint32_t>(tiff.size()));
    chunk += tiff;
    if (tiff.size() & 1) chunk.push_back('\0');
    out += chunk + xmpAndAfter;
    out[12 + 8] = static_cast<char>(out[12 + 8] | kExifFlag);
    writeU32Le(out, 4, static_cast<std::uint32_t>(out.size() - 8));
    return out;
}

} // namespace atelier::provenance
