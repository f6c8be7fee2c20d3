// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "core/image.h"

#include <string>

namespace atelier::project {

/// Encodes straight-alpha RGBA8 pixels as a lossless 8-bit RGBA PNG (OpenCV).
/// Throws atelier::Error for an empty image or an encoder failure.
std::string encodeRgbaPng(const ImageRGBA8& image);
/// Encodes a mask as a lossless 8-bit greyscale PNG. Throws like encodeRgbaPng().
std::string encodeMaskPng(const MaskA8& mask);

/// Decodes an 8-bit RGBA PNG that must be `expected` pixels in size (its header
/// is checked before any pixel is allocated). Throws atelier::Error when the
/// bytes are not such a PNG, the size differs, or the data is damaged.
ImageRGBA8 decodeRgbaPng(const std::string& bytes, Size expected);
/// Decodes an 8-bit greyscale PNG of `expected` size. Throws like decodeRgbaPng().
MaskA8 decodeMaskPng(const std::string& bytes, Size expected);

} // namespace atelier::project
