// SPDX-License-Identifier: GPL-3.0-or-later
#include "provenance/metadata_writer.h"

#include "core/error.h"
#include "engine/recipe_json.h"
#include "provenance/a1111_parameters.h"
#include "provenance/digital_source_type.h"
#include "provenance/exiv2_setup.h"
#include "provenance/number_text.h"
#include "provenance/png_text_chunks.h"
#include "provenance/utf16.h"
#include "provenance/webp_exif.h"

#include <exiv2/exiv2.hpp>

namespace atelier::provenance {
namespace {

// Sets a simple XMP text property verbatim (Xmpdatum's string assignment would
// parse a leading "type=..." as a value type).
void setXmpText(Exiv2::XmpData& xmp, const std::string& key, const std::string& text) {
    // Exiv2 0.27 reads a text starting with "type=" back as an array type (or fails on an unknown
    // one); such a prompt is left to atelier:Recipe, which keeps every text exactly.
    if (text.compare(0, 5, "type=") == 0) return;
    Exiv2::XmpTextValue value;
    value.value_ = text;
    xmp.add(Exiv2::XmpKey(key), &value);
}

void fillXmp(Exiv2::XmpData& xmp, const engine::Recipe& r) {
    setXmpText(xmp, "Xmp.xmp.CreatorTool", "Atelier " + r.appVersion);
    setXmpText(xmp, "Xmp.iptcExt.DigitalSourceType", digitalSourceType(r));
    setXmpText(xmp, "Xmp.atelier.Mode", engine::toString(r.mode));
    setXmpText(xmp, "Xmp.atelier.Prompt", r.prompt);
    setXmpText(xmp, "Xmp.atelier.NegativePrompt", r.negativePrompt);
    setXmpText(xmp, "Xmp.atelier.Seed", std::to_string(r.seed));
    setXmpText(xmp, "Xmp.atelier.Steps", std::to_string(r.steps));
    setXmpText(xmp, "Xmp.atelier.CFGScale", numberText(r.cfgScale));
    setXmpText(xmp, "Xmp.atelier.Strength", numberText(r.strength));
    setXmpText(xmp, "Xmp.atelier.Sampler", r.sampler);
    setXmpText(xmp, "Xmp.atelier.Model", r.model.name);
    setXmpText(xmp, "Xmp.atelier.ModelSHA256", r.model.sha256);
    setXmpText(xmp, "Xmp.atelier.SourceSHA256", r.sourceSha256);
    setXmpText(xmp, "Xmp.atelier.MaskSHA256", r.maskSha256);
    setXmpText(xmp, "Xmp.atelier.VariationIndex", std::to_string(r.variationIndex));
    setXmpText(xmp, "Xmp.atelier.Recipe", engine::recipeToJson(r));
}

// EXIF UserComment as piexif.helper.UserComment.dump(text, encoding="unicode") makes it.
void fillExif(Exiv2::ExifData& exif, const engine::Recipe& r, const std::string& parameters) {
    exif["Exif.Image.Software"] = "Atelier " + r.appVersion;
    if (parameters.empty()) return;
    const std::string bytes = std::string("UNICODE\0", 8) + utf8ToUtf16(parameters, true);
    Exiv2::DataValue comment(reinterpret_cast<const Exiv2::byte*>(bytes.data()), static_cast<long>(bytes.size()),
                             Exiv2::invalidByteOrder, Exiv2::undefined);
    exif.add(Exiv2::ExifKey("Exif.Photo.UserComment"), &comment);
}

std::string allBytes(Exiv2::BasicIo& io) {
    if (io.open() != 0) throw Error("cannot reopen the encoded image");
    const long size = io.size();
    io.seek(0, Exiv2::BasicIo::beg);
    const Exiv2::DataBuf buf = io.read(size);
    io.close();
    if (buf.size_ != size) throw Error("cannot read back the encoded image");
    return std::string(reinterpret_cast<const char*>(buf.pData_), static_cast<std::size_t>(buf.size_));
}

} // namespace

std::string embedProvenance(const std::string& encoded, ImageFormat format, const engine::Recipe& fullRecipe) {
    ensureExiv2Ready();
    engine::Recipe recipe = fullRecipe;
    recipe.model.path.clear(); // a shared file must not reveal the user's folders; name and SHA-256 identify the model
    if (encoded.empty()) throw Error("nothing to embed metadata into: the encoded image is empty");
    const std::string parameters = a1111Parameters(recipe);
    std::string bytes;
    try {
        auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(encoded.data()),
                                               static_cast<long>(encoded.size()));
        if (!image.get()) throw Error(std::string("not a ") + toString(format) + " image");
        image->readMetadata();
        fillXmp(image->xmpData(), recipe);
        Exiv2::ExifData exif;
        if (format != ImageFormat::Png) fillExif(exif, recipe, parameters);
        if (format == ImageFormat::Jpeg) {
            image->setExifData(exif);
            image->setByteOrder(Exiv2::bigEndian); // piexif's order; A1111 decodes "UNICODE" as UTF-16BE
        }
        image->writeMetadata();
        bytes = allBytes(image->io());
        if (format == ImageFormat::WebP) {
            Exiv2::Blob tiff; // Exiv2 would write WebP EXIF little-endian: add a big-endian block ourselves
            Exiv2::ExifParser::encode(tiff, nullptr, 0, Exiv2::bigEndian, exif);
            bytes = setWebPExif(bytes, std::string(tiff.begin(), tiff.end()));
        }
    } catch (const Exiv2::AnyError& e) {
        throw Error(std::string("cannot embed metadata: ") + e.what());
    } catch (const std::exception& e) { // Exiv2 also throws standard exceptions (bad_alloc, out_of_range)
        if (dynamic_cast<const Error*>(&e)) throw;
        throw Error(std::string("cannot embed metadata: ") + e.what());
    }
    if (format == ImageFormat::Png) {
        // Inserted after IHDR last, so they come first, as Pillow writes them for A1111.
        bytes = insertPngText(bytes, "Software", "Atelier " + recipe.appVersion);
        if (!parameters.empty()) bytes = insertPngText(bytes, "parameters", parameters);
    }
    return bytes;
}

} // namespace atelier::provenance
