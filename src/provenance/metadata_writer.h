// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/variation.h"
#include "provenance/image_format.h"

#include <string>

namespace atelier::provenance {

/// Returns `encoded` (a whole PNG, JPEG or WebP file of `format`) with the
/// recipe's provenance embedded, pixels untouched:
///  - XMP (via Exiv2): the atelier:* properties with the whole recipe JSON (see
///    xmp_names.h), xmp:CreatorTool, and Iptc4xmpExt:DigitalSourceType
///    (digitalSourceType());
///  - the AUTOMATIC1111 text (a1111Parameters(); skipped when empty): in PNG a
///    "parameters" tEXt/iTXt chunk, as A1111 writes; in JPEG and WebP the EXIF
///    UserComment as A1111 writes it with piexif: "UNICODE\0" then UTF-16BE, in
///    a big-endian EXIF block;
///  - the software name: PNG "Software" text chunk, EXIF Software.
/// The model's path is left out of the embedded recipe (it would reveal the
/// user's folders in a shared file); its name and SHA-256 identify it.
/// Throws atelier::Error when `encoded` is not a readable file of that format.
std::string embedProvenance(const std::string& encoded, ImageFormat format, const engine::Recipe& recipe);

} // namespace atelier::provenance
