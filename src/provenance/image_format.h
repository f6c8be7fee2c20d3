// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace atelier::provenance {

/// The file formats Atelier exports with provenance metadata.
enum class ImageFormat {
    Png,  ///< lossless RGBA; A1111 "parameters" in a tEXt chunk, XMP in an iTXt chunk
    Jpeg, ///< lossy RGB (alpha flattened onto white); parameters in EXIF UserComment, XMP in APP1
    WebP, ///< lossy or lossless RGBA; parameters in EXIF UserComment, XMP in the XMP chunk
};

/// "png", "jpeg", "webp".
const char* toString(ImageFormat format);
/// The file extension with its dot: ".png", ".jpg", ".webp".
const char* extensionOf(ImageFormat format);
/// Parses a format name, case-insensitive: "png", "jpeg"/"jpg", "webp".
/// Throws atelier::Error listing the accepted names otherwise.
ImageFormat imageFormatFromName(const std::string& name);
/// The format a file name's extension asks for (.png, .jpg/.jpeg, .webp,
/// case-insensitive). Throws atelier::Error naming the file otherwise.
ImageFormat imageFormatFromPath(const std::string& path);

} // namespace atelier::provenance
