// SPDX-License-Identifier: GPL-3.0-or-later
#include "provenance/metadata_reader.h"

#include "core/error.h"
#include "provenance/exiv2_setup.h"
#include "provenance/png_text_chunks.h"
#include "provenance/utf16.h"

#include <exiv2/exiv2.hpp>

#include <fstream>
#include <sstream>

namespace atelier::provenance {
namespace {

// EXIF UserComment: an 8-byte charset code, then the text (EXIF 2.32 §4.6.5).
std::string decodeUserComment(const Exiv2::Exifdatum& datum, Exiv2::ByteOrder order) {
    std::string raw(static_cast<std::size_t>(datum.size()), '\0');
    if (raw.empty()) return {};
    datum.copy(reinterpret_cast<Exiv2::byte*>(raw.data()), order);
    if (raw.size() < 8) return {};
    const std::string code = raw.substr(0, 8), body = raw.substr(8);
    if (code == std::string("UNICODE\0", 8)) return utf16ToUtf8(body, order != Exiv2::littleEndian);
    const std::size_t end = body.find('\0');
    return end == std::string::npos ? body : body.substr(0, end);
}

std::string valueOf(const std::map<std::string, std::string>& m, const std::string& key) {
    const auto it = m.find(key);
    return it == m.end() ? std::string() : it->second;
}

} // namespace

EmbeddedProvenance readProvenance(const std::string& bytes) {
    ensureExiv2Ready();
    if (bytes.empty()) throw Error("the file is empty");
    EmbeddedProvenance p;
    try {
        auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(bytes.data()),
                                               static_cast<long>(bytes.size()));
        if (!image.get()) throw Error("not an image Exiv2 can read");
        image->readMetadata();
        for (const Exiv2::Xmpdatum& d : image->xmpData()) p.xmp[d.key()] = d.toString();
        const Exiv2::ExifData& exif = image->exifData();
        const auto comment = exif.findKey(Exiv2::ExifKey("Exif.Photo.UserComment"));
        if (comment != exif.end()) p.parameters = decodeUserComment(*comment, image->byteOrder());
    } catch (const Exiv2::AnyError& e) {
        throw Error(std::string("cannot read metadata: ") + e.what());
    } catch (const std::exception& e) { // Exiv2 also throws standard exceptions on corrupt data
        if (dynamic_cast<const Error*>(&e)) throw;
        throw Error(std::string("cannot read metadata: ") + e.what());
    }
    p.recipeJson = valueOf(p.xmp, "Xmp.atelier.Recipe");
    if (bytes.size() >= 8 && bytes.compare(0, 8, std::string("\x89PNG\r\n\x1a\n", 8)) == 0) {
        for (const PngText& t : readPngTexts(bytes)) {
            if (t.keyword == "parameters") p.parameters = t.text;
            // PNGs the app saved before XMP existed carry the recipe in an "atelier-recipe" chunk.
            if (t.keyword == "atelier-recipe" && p.recipeJson.empty()) p.recipeJson = t.text;
        }
    }
    p.digitalSourceType = valueOf(p.xmp, "Xmp.iptcExt.DigitalSourceType");
    p.creatorTool = valueOf(p.xmp, "Xmp.xmp.CreatorTool");
    return p;
}

EmbeddedProvenance readProvenanceFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw fileError("image", path, "cannot be opened");
    std::stringstream ss;
    ss << in.rdbuf();
    try {
        return readProvenance(ss.str());
    } catch (const Error& e) {
        throw e.withContext("image '" + path + "'");
    }
}

} // namespace atelier::provenance
