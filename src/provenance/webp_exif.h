// SPDX-License-Identifier: GPL-3.0-or-later
// Provenance-internal: an EXIF chunk in an extended (VP8X) WebP file.
#pragma once

#include <string>

namespace atelier::provenance {

/// Returns `webp` (a whole extended-format WebP file, with a VP8X chunk) with
/// an "EXIF" chunk holding `tiff` (raw TIFF-structured EXIF, no "Exif\0\0"
/// prefix), placed where the WebP container specification wants it: after the
/// image data, before any "XMP " chunk. Sets the VP8X EXIF flag and the RIFF
/// size; an existing EXIF chunk is replaced. We write it ourselves because
/// Exiv2 0.27 always writes WebP EXIF little-endian, and A1111 readers decode
/// UserComment as UTF-16BE. Throws atelier::Error when `webp` is not such a file.
std::string setWebPExif(const std::string& webp, const std::string& tiff);

} // namespace atelier::provenance
