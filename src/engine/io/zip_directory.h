// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: the central directory of a zip archive held in memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

namespace atelier::engine {

/// Where one zip entry's bytes lie in the archive.
struct ZipEntry {
    std::string name;
    std::uint16_t method = 0;      ///< 0 = STORED; anything else is compressed
    std::uint16_t flags = 0;       ///< general purpose bits (bit 0: encrypted)
    std::uint64_t dataOffset = 0;  ///< absolute offset of the first data byte
    std::uint64_t size = 0;        ///< bytes stored at dataOffset (compressed size)
    std::uint64_t uncompressedSize = 0;
};

/// Entries of a zip archive by name.
using ZipDirectory = std::map<std::string, ZipEntry>;

/// Reads the central directory of the zip archive `bytes[0, size)` (PKWARE
/// APPNOTE 4.3: end of central directory record, its ZIP64 locator and record,
/// central file headers with their ZIP64 extra field, local file headers).
/// Every entry's data range is checked to lie inside the buffer; data is not
/// read and CRCs are not checked. Throws atelier::Error with a bare message
/// (the caller names the file) when the archive is malformed, multi-disk, or
/// names an entry twice.
ZipDirectory readZipDirectory(const std::uint8_t* bytes, std::size_t size);

} // namespace atelier::engine
