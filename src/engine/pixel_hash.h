// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image.h"

#include <string>

namespace atelier::engine {

/// SHA-256 of an image's pixels and size, as 64 lower-case hex digits: the
/// digest of the ASCII header "RGBA8 <width>x<height>\n" followed by the
/// 4 * width * height straight-alpha RGBA bytes, rows top to bottom. Two images
/// hash equal exactly when their sizes and pixels are equal, whatever file
/// format they came from. An empty image gives "".
std::string imageSha256(const ImageRGBA8& image);

/// SHA-256 of a mask: the digest of "A8 <width>x<height>\n" followed by the
/// width * height values, rows top to bottom. An empty mask gives "".
std::string maskSha256(const MaskA8& mask);

} // namespace atelier::engine
