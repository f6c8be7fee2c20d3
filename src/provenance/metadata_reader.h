// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <string>

namespace atelier::provenance {

/// The provenance found in an image file (whatever wrote it: Atelier, A1111, ...).
struct EmbeddedProvenance {
    std::string parameters;        ///< A1111 text: PNG "parameters" chunk, else EXIF UserComment; "" if none
    std::string recipeJson;        ///< atelier:Recipe, else a PNG "atelier-recipe" chunk (older app exports); "" if none
    std::string digitalSourceType; ///< Iptc4xmpExt:DigitalSourceType; "" if none
    std::string creatorTool;       ///< xmp:CreatorTool; "" if none
    std::map<std::string, std::string> xmp; ///< every XMP property as Exiv2 key ("Xmp.atelier.Seed") → text
};

/// Reads the provenance of a whole PNG, JPEG or WebP file held in `bytes`
/// with Exiv2 (XMP, EXIF) and our PNG chunk reader. Missing pieces are "".
/// Throws atelier::Error when Exiv2 cannot read the data as an image.
EmbeddedProvenance readProvenance(const std::string& bytes);

/// readProvenance() of the file at `path`; errors name the file.
EmbeddedProvenance readProvenanceFile(const std::string& path);

} // namespace atelier::provenance
