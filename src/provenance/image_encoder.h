// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image.h"
#include "provenance/image_format.h"

#include <string>

namespace atelier::provenance {

/// How to encode pixels.
struct EncodeOptions {
    ImageFormat format = ImageFormat::Png;
    int quality = 0;       ///< JPEG/WebP quality 1..100; 0 picks the default (JPEG 92, WebP 90); PNG ignores it
    bool lossless = false; ///< WebP only: lossless (quality is then ignored)
};

/// Encodes `image` (straight-alpha RGBA8) into a whole file in memory with
/// OpenCV: PNG keeps RGBA; JPEG has no alpha, so non-opaque pixels are
/// composited onto white; WebP keeps RGBA. Throws atelier::Error for an empty
/// image, a quality outside 0..100, or an encoder failure.
std::string encodeImage(const ImageRGBA8& image, const EncodeOptions& options);

} // namespace atelier::provenance
