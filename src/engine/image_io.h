// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image.h"

#include <string>

namespace atelier::engine {

/// Largest image Atelier opens by default, in pixels (100 megapixels).
constexpr long long kDefaultMaxPixels = 100'000'000;

/// Reads an image file (PNG, JPEG, WebP, TIFF, BMP, ... as OpenCV decodes them)
/// into straight RGBA8. Grey and RGB gain an opaque alpha; 16-bit samples are
/// scaled to 8 bits. Throws atelier::Error naming the file when it is missing,
/// unreadable, corrupt, or larger than `maxPixels`.
ImageRGBA8 loadImageFile(const std::string& path, long long maxPixels = kDefaultMaxPixels);

/// Reads a mask file into A8: a single-channel image as is; an image with a
/// non-opaque alpha channel by its alpha; otherwise by its luminance.
/// Throws atelier::Error naming the file like loadImageFile().
MaskA8 loadMaskFile(const std::string& path, long long maxPixels = kDefaultMaxPixels);

/// Writes `image` as an RGBA PNG atomically: encode in memory, write a temporary
/// file in the same folder, flush it to disk, rename it over `path`. Either the
/// whole file appears or nothing does. Throws atelier::Error naming the file.
void savePngAtomic(const ImageRGBA8& image, const std::string& path);

/// Writes `mask` as an 8-bit grey PNG atomically (see savePngAtomic()).
void saveMaskPngAtomic(const MaskA8& mask, const std::string& path);

/// Writes `bytes` to `path` atomically (temporary file, fsync, rename).
/// Throws atelier::Error naming the file.
void writeFileAtomic(const std::string& path, const std::string& bytes);

} // namespace atelier::engine
