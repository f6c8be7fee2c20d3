// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/image_header.h"

#include <cstdint>

namespace atelier::engine {
namespace {

std::uint32_t be32(const std::string& b, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[at])) << 24) |
           (static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[at + 1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[at + 2])) << 8) |
           static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[at + 3]));
}
std::uint32_t be16(const std::string& b, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[at])) << 8) |
           static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[at + 1]));
}
Size clampedSize(std::uint32_t w, std::uint32_t h) {
    const std::uint32_t cap = 1u << 30; // keeps the product in range for the caller
    return Size{static_cast<int>(w > cap ? cap : w), static_cast<int>(h > cap ? cap : h)};
}

} // namespace

std::optional<Size> peekImageSize(const std::string& b) {
    // PNG: 8-byte signature, then the IHDR chunk: length(4) "IHDR"(4) width(4) height(4).
    static const char kPng[] = "\x89PNG\r\n\x1a\n";
    if (b.size() >= 24 && b.compare(0, 8, kPng, 8) == 0 && b.compare(12, 4, "IHDR") == 0) {
        return clampedSize(be32(b, 16), be32(b, 20));
    }
    // JPEG: walk the marker segments up to a start-of-frame (SOF0..SOF15 but DHT, JPG, DAC).
    if (b.size() >= 4 && static_cast<std::uint8_t>(b[0]) == 0xFF && static_cast<std::uint8_t>(b[1]) == 0xD8) {
        std::size_t at = 2;
        while (at + 4 <= b.size()) {
            if (static_cast<std::uint8_t>(b[at]) != 0xFF) return std::nullopt;
            const std::uint8_t marker = static_cast<std::uint8_t>(b[at + 1]);
            if (marker == 0xFF) { ++at; continue; }               // fill byte
            if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) { at += 2; continue; }
            const std::uint32_t length = be16(b, at + 2);
            if (length < 2) return std::nullopt;
            const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                if (at + 9 > b.size()) return std::nullopt;
                return clampedSize(be16(b, at + 7), be16(b, at + 5));
            }
            at += 2 + length;
        }
    }
    return std::nullopt;
}

} // namespace atelier::engine
