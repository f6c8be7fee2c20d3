// SPDX-License-Identifier: GPL-3.0-or-later
// Provenance-internal: UTF-8 <-> UTF-16 for EXIF UserComment's "UNICODE" charset.
#pragma once

#include <string>

namespace atelier::provenance {

/// UTF-8 to UTF-16 bytes, big- or little-endian, no BOM; characters beyond the
/// BMP become surrogate pairs, invalid UTF-8 bytes become U+FFFD.
std::string utf8ToUtf16(const std::string& utf8, bool bigEndian);

/// UTF-16 bytes (no BOM) to UTF-8; an odd last byte is dropped and unpaired
/// surrogates become U+FFFD.
std::string utf16ToUtf8(const std::string& utf16, bool bigEndian);

} // namespace atelier::provenance
