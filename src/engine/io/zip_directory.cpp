// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/io/zip_directory.h"

#include "core/error.h"

#include <cstring>

namespace atelier::engine {
namespace {

constexpr std::uint32_t kLocalHeader = 0x04034b50, kCentralHeader = 0x02014b50, kEndOfDirectory = 0x06054b50,
                        kZip64Locator = 0x07064b50, kZip64EndOfDirectory = 0x06064b50;
constexpr std::size_t kEndSize = 22, kLocatorSize = 20, kZip64EndSize = 56, kCentralSize = 46, kLocalSize = 30;

std::uint64_t le(const std::uint8_t* p, int n) {
    std::uint64_t v = 0;
    for (int i = n - 1; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

std::string hex(std::uint64_t v) {
    static const char* digits = "0123456789abcdef";
    std::string s;
    do {
        s.insert(s.begin(), digits[v & 15]);
        v >>= 4;
    } while (v);
    return "0x" + s;
}

// Bounds-checked view of the archive: every read names what it was reading.
class Archive {
public:
    Archive(const std::uint8_t* bytes, std::size_t size) : m_bytes(bytes), m_size(size) {}
    std::size_t size() const { return m_size; }
    bool fits(std::uint64_t offset, std::uint64_t length) const {
        return offset <= m_size && length <= m_size - offset;
    }
    const std::uint8_t* at(std::uint64_t offset, std::uint64_t length, const std::string& what) const {
        if (!fits(offset, length)) {
            throw Error(what + " at byte " + std::to_string(offset) + " (+" + std::to_string(length) +
                        ") lies beyond the end of the archive (" + std::to_string(m_size) + " bytes; truncated?)");
        }
        return m_bytes + offset;
    }

private:
    const std::uint8_t* m_bytes;
    std::size_t m_size;
};

struct Directory {
    std::uint64_t entries = 0, offset = 0, size = 0;
};

std::size_t findEndOfDirectory(const Archive& zip) {
    if (zip.size() < kEndSize) throw Error("too short for a zip archive (" + std::to_string(zip.size()) + " bytes)");
    const std::size_t lowest = zip.size() > kEndSize + 0xffff ? zip.size() - kEndSize - 0xffff : 0;
    for (std::size_t pos = zip.size() - kEndSize + 1; pos-- > lowest;) {
        const std::uint8_t* p = zip.at(pos, kEndSize, "end of central directory");
        if (le(p, 4) == kEndOfDirectory && pos + kEndSize + le(p + 20, 2) <= zip.size()) return pos;
    }
    throw Error("no end of central directory record (not a zip archive, or truncated)");
}

Directory readDirectoryLocation(const Archive& zip) {
    const std::size_t end = findEndOfDirectory(zip);
    const std::uint8_t* e = zip.at(end, kEndSize, "end of central directory");
    if (le(e + 4, 2) != 0 || le(e + 6, 2) != 0) throw Error("multi-disk zip archives are not supported");
    Directory dir{le(e + 10, 2), le(e + 16, 4), le(e + 12, 4)};
    if (end >= kLocatorSize && le(zip.at(end - kLocatorSize, 4, "zip64 locator"), 4) == kZip64Locator) {
        const std::uint8_t* loc = zip.at(end - kLocatorSize, kLocatorSize, "zip64 locator");
        const std::uint64_t recordAt = le(loc + 8, 8);
        const std::uint8_t* r = zip.at(recordAt, kZip64EndSize, "zip64 end of central directory");
        if (le(r, 4) != kZip64EndOfDirectory) throw Error("zip64 locator points at " + hex(le(r, 4)) + ", not a zip64 record");
        if (le(r + 16, 4) != 0 || le(r + 20, 4) != 0) throw Error("multi-disk zip archives are not supported");
        dir = Directory{le(r + 32, 8), le(r + 48, 8), le(r + 40, 8)};
    } else if (dir.entries == 0xffff || dir.size == 0xffffffff || dir.offset == 0xffffffff) {
        throw Error("zip64 sizes are marked but the zip64 locator is missing");
    }
    if (!zip.fits(dir.offset, dir.size)) {
        throw Error("central directory [" + std::to_string(dir.offset) + ", +" + std::to_string(dir.size) +
                    ") lies beyond the end of the archive (truncated?)");
    }
    if (dir.entries > dir.size / kCentralSize) {
        throw Error(std::to_string(dir.entries) + " entries cannot fit a central directory of " +
                    std::to_string(dir.size) + " bytes");
    }
    return dir;
}

// Replaces the 32-bit fields marked 0xffffffff with their ZIP64 extra field values.
void applyZip64Extra(const std::uint8_t* extra, std::size_t length, std::uint64_t& uncompressed,
                     std::uint64_t& compressed, std::uint64_t& localOffset, const std::string& name) {
    std::size_t pos = 0;
    while (pos + 4 <= length) {
        const std::uint64_t id = le(extra + pos, 2), fieldSize = le(extra + pos + 2, 2);
        if (pos + 4 + fieldSize > length) break;
        if (id == 0x0001) {
            const std::uint8_t* f = extra + pos + 4;
            std::size_t used = 0;
            for (std::uint64_t* field : {&uncompressed, &compressed, &localOffset}) {
                if (*field != 0xffffffff) continue;
                if (used + 8 > fieldSize) throw Error("entry '" + name + "': zip64 extra field is too short");
                *field = le(f + used, 8);
                used += 8;
            }
            return;
        }
        pos += 4 + fieldSize;
    }
    if (uncompressed == 0xffffffff || compressed == 0xffffffff || localOffset == 0xffffffff) {
        throw Error("entry '" + name + "': sizes are marked zip64 but it has no zip64 extra field");
    }
}

} // namespace

ZipDirectory readZipDirectory(const std::uint8_t* bytes, std::size_t size) {
    const Archive zip(bytes, size);
    const Directory dir = readDirectoryLocation(zip);
    ZipDirectory entries;
    std::uint64_t pos = dir.offset;
    const std::uint64_t end = dir.offset + dir.size;
    for (std::uint64_t i = 0; i < dir.entries; ++i) {
        if (end - pos < kCentralSize) throw Error("central directory ends inside entry " + std::to_string(i));
        const std::uint8_t* c = zip.at(pos, kCentralSize, "central directory entry");
        if (le(c, 4) != kCentralHeader) {
            throw Error("central directory entry " + std::to_string(i) + " at byte " + std::to_string(pos) +
                        " has signature " + hex(le(c, 4)));
        }
        const std::uint64_t nameLength = le(c + 28, 2), extraLength = le(c + 30, 2), commentLength = le(c + 32, 2);
        if (end - pos - kCentralSize < nameLength + extraLength + commentLength) {
            throw Error("central directory entry " + std::to_string(i) + " runs past the directory");
        }
        ZipEntry entry;
        entry.name.assign(reinterpret_cast<const char*>(c + kCentralSize), nameLength);
        entry.flags = static_cast<std::uint16_t>(le(c + 8, 2));
        entry.method = static_cast<std::uint16_t>(le(c + 10, 2));
        entry.size = le(c + 20, 4);
        entry.uncompressedSize = le(c + 24, 4);
        std::uint64_t localOffset = le(c + 42, 4);
        applyZip64Extra(c + kCentralSize + nameLength, extraLength, entry.uncompressedSize, entry.size, localOffset,
                        entry.name);
        if (le(c + 34, 2) != 0 && le(c + 34, 2) != 0xffff) throw Error("multi-disk zip archives are not supported");
        pos += kCentralSize + nameLength + extraLength + commentLength;

        const std::uint8_t* l = zip.at(localOffset, kLocalSize, "local header of '" + entry.name + "'");
        if (le(l, 4) != kLocalHeader) {
            throw Error("entry '" + entry.name + "': local header at byte " + std::to_string(localOffset) +
                        " has signature " + hex(le(l, 4)));
        }
        const std::uint64_t localName = le(l + 26, 2), localExtra = le(l + 28, 2);
        const std::uint8_t* n = zip.at(localOffset + kLocalSize, localName, "name of '" + entry.name + "'");
        if (localName != nameLength || std::memcmp(n, entry.name.data(), nameLength) != 0) {
            throw Error("entry '" + entry.name + "': local header names a different file");
        }
        entry.dataOffset = localOffset + kLocalSize + localName + localExtra;
        if (!zip.fits(entry.dataOffset, entry.size)) {
            throw Error("entry '" + entry.name + "': data [" + std::to_string(entry.dataOffset) + ", +" +
                        std::to_string(entry.size) + ") lies beyond the end of the archive (" + std::to_string(size) +
                        " bytes; truncated?)");
        }
        if (!entries.emplace(entry.name, entry).second) throw Error("the archive names '" + entry.name + "' twice");
    }
    return entries;
}

} // namespace atelier::engine
