// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/pixel_hash.h"

#include "engine/io/sha256.h"

namespace atelier::engine {
namespace {

std::string digest(const char* kind, int width, int height, const std::uint8_t* bytes, std::size_t size) {
    Sha256 hash;
    hash.update(std::string(kind) + " " + std::to_string(width) + "x" + std::to_string(height) + "\n");
    hash.update(bytes, size);
    return hash.hexDigest();
}

} // namespace

std::string imageSha256(const ImageRGBA8& image) {
    if (image.isEmpty()) return {};
    return digest("RGBA8", image.width, image.height, image.pixels.data(), image.pixels.size());
}

std::string maskSha256(const MaskA8& mask) {
    if (mask.isEmpty()) return {};
    return digest("A8", mask.width, mask.height, mask.values.data(), mask.values.size());
}

} // namespace atelier::engine
