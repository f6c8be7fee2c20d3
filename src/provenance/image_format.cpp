// SPDX-License-Identifier: GPL-3.0-or-later
#include "provenance/image_format.h"

#include "core/error.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace atelier::provenance {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

const char* toString(ImageFormat format) {
    switch (format) {
    case ImageFormat::Png: return "png";
    case ImageFormat::Jpeg: return "jpeg";
    case ImageFormat::WebP: return "webp";
    }
    return "png";
}

const char* extensionOf(ImageFormat format) {
    switch (format) {
    case ImageFormat::Png: return ".png";
    case ImageFormat::Jpeg: return ".jpg";
    case ImageFormat::WebP: return ".webp";
    }
    return ".png";
}

ImageFormat imageFormatFromName(const std::string& name) {
    const std::string n = lower(name);
    if (n == "png") return ImageFormat::Png;
    if (n == "jpeg" || n == "jpg") return ImageFormat::Jpeg;
    if (n == "webp") return ImageFormat::WebP;
    throw Error("unknown image format '" + name + "' (expected png, jpeg or webp)");
}

ImageFormat imageFormatFromPath(const std::string& path) {
    const std::string ext = lower(std::filesystem::path(path).extension().string());
    if (ext == ".png") return ImageFormat::Png;
    if (ext == ".jpg" || ext == ".jpeg") return ImageFormat::Jpeg;
    if (ext == ".webp") return ImageFormat::WebP;
    throw fileError("output", path, "has no .png, .jpg, .jpeg or .webp extension");
}

} // namespace atelier::provenance
