// SPDX-License-Identifier: GPL-3.0-or-later
// Export round trips in PNG, JPEG and WebP: pixels decode back, and the
// metadata read back with Exiv2 matches the recipe (XMP recipe and fields,
// IPTC digital source type, A1111 parameters where A1111 puts them).
#include "core/error.h"
#include "engine/image_io.h"
#include "engine/recipe_json.h"
#include "provenance/a1111_parameters.h"
#include "provenance/export_image.h"
#include "provenance/metadata_reader.h"
#include "provenance/metadata_writer.h"
#include "provenance/png_text_chunks.h"
#include "test_recipes.h"

#include <exiv2/exiv2.hpp>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace atelier;
using namespace atelier::provenance;
namespace fs = std::filesystem;

namespace {

class ExportRoundTrip : public ::testing::TestWithParam<ImageFormat> {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("atelier-export-" + std::to_string(::getpid()) + "-" +
                                             std::to_string(static_cast<int>(GetParam())));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    static engine::Variation variation() {
        engine::Variation v;
        v.recipe = test::diffusionInpaintRecipe();
        v.recipe.sourceSize = {40, 24};
        v.recipe.prompt = "a caf\xc3\xa9 sign, \xe7\x8c\xab and \xf0\x9f\x9a\xb2"; // Latin-1, CJK and an emoji
        v.image = ImageRGBA8(40, 24, 0x204080ffu);
        for (int y = 0; y < 24; ++y)
            for (int x = 0; x < 20; ++x) {
                std::uint8_t* p = v.image.pixel(x, y);
                p[0] = static_cast<std::uint8_t>(6 * x), p[1] = static_cast<std::uint8_t>(10 * y), p[2] = 200;
            }
        return v;
    }
    fs::path m_dir;
};

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

} // namespace

TEST_P(ExportRoundTrip, PixelsAndMetadataComeBack) {
    const engine::Variation v = variation();
    const std::string path = (m_dir / (std::string("out") + extensionOf(GetParam()))).string();
    exportVariation(v, path, {{GetParam(), 95, false}, Overwrite::Never});

    const ImageRGBA8 back = engine::loadImageFile(path);
    ASSERT_EQ(back.size(), v.image.size());
    int worst = 0;
    for (std::size_t i = 0; i < back.pixels.size(); ++i) worst = std::max(worst, std::abs(back.pixels[i] - v.image.pixels[i]));
    if (GetParam() == ImageFormat::Png) EXPECT_EQ(worst, 0);
    else EXPECT_LT(worst, 40); // lossy, on sharp synthetic edges

    const EmbeddedProvenance p = readProvenanceFile(path);
    EXPECT_EQ(p.parameters, a1111Parameters(v.recipe));
    EXPECT_NE(p.parameters.find("Model hash: b513c6287d"), std::string::npos);
    EXPECT_EQ(p.digitalSourceType, "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia");
    EXPECT_EQ(p.creatorTool, "Atelier 0.1.0");
    ASSERT_FALSE(p.recipeJson.empty());
    engine::Recipe withoutPath = v.recipe;
    withoutPath.model.path.clear(); // never embedded
    EXPECT_EQ(engine::recipeToJson(engine::recipeFromJson(p.recipeJson)), engine::recipeToJson(withoutPath));
    EXPECT_EQ(p.recipeJson.find("/models/"), std::string::npos);
    EXPECT_EQ(p.xmp.at("Xmp.atelier.Prompt"), v.recipe.prompt);
    EXPECT_EQ(p.xmp.at("Xmp.atelier.Seed"), "1659960289");
    EXPECT_EQ(p.xmp.at("Xmp.atelier.ModelSHA256"), v.recipe.model.sha256);
    EXPECT_EQ(p.xmp.at("Xmp.atelier.MaskSHA256"), v.recipe.maskSha256);
    EXPECT_EQ(p.xmp.at("Xmp.atelier.Sampler"), "dpmpp_2m_karras");
}

TEST_P(ExportRoundTrip, Exiv2SeesTheStandardKeys) {
    const engine::Variation v = variation();
    const std::string path = (m_dir / (std::string("std") + extensionOf(GetParam()))).string();
    exportVariation(v, path, {{GetParam(), 0, false}, Overwrite::Never});
    auto image = Exiv2::ImageFactory::open(path);
    image->readMetadata();
    const Exiv2::XmpData& xmp = image->xmpData();
    const auto dst = xmp.findKey(Exiv2::XmpKey("Xmp.iptcExt.DigitalSourceType"));
    ASSERT_NE(dst, xmp.end());
    EXPECT_EQ(dst->toString(), "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia");
    if (GetParam() == ImageFormat::Png) {
        // A1111 reads PNG "parameters" from a text chunk, not EXIF.
        bool found = false;
        for (const PngText& t : readPngTexts(readFile(path))) found |= t.keyword == "parameters";
        EXPECT_TRUE(found);
    } else {
        // As piexif writes it for A1111: big-endian EXIF, "UNICODE\0" + UTF-16BE.
        EXPECT_EQ(image->byteOrder(), Exiv2::bigEndian);
        const Exiv2::ExifData& exif = image->exifData();
        const auto c = exif.findKey(Exiv2::ExifKey("Exif.Photo.UserComment"));
        ASSERT_NE(c, exif.end());
        std::string raw(static_cast<std::size_t>(c->size()), '\0');
        c->copy(reinterpret_cast<Exiv2::byte*>(raw.data()), Exiv2::bigEndian);
        EXPECT_EQ(raw.substr(0, 10), std::string("UNICODE\0\0a", 10));
        EXPECT_EQ(exif.findKey(Exiv2::ExifKey("Exif.Image.Software"))->toString(), "Atelier 0.1.0");
    }
}

INSTANTIATE_TEST_SUITE_P(Formats, ExportRoundTrip, ::testing::Values(ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::WebP),
                         [](const auto& info) { return std::string(toString(info.param)); });

TEST(ExportMetadata, ClassicalFillHasRecipeButNoA1111Text) {
    engine::Variation v;
    v.image = ImageRGBA8(8, 8);
    v.recipe = test::diffusionInpaintRecipe();
    v.recipe.model = {"classical-fill", "OpenCV FSR inpainting", "", "", ""};
    for (ImageFormat f : {ImageFormat::Png, ImageFormat::Jpeg}) {
        const EmbeddedProvenance p = readProvenance(embedProvenance(encodeImage(v.image, {f, 0, false}), f, v.recipe));
        EXPECT_EQ(p.parameters, "");
        EXPECT_EQ(p.digitalSourceType, "http://cv.iptc.org/newscodes/digitalsourcetype/compositeSynthetic");
        EXPECT_FALSE(p.recipeJson.empty());
    }
}

TEST(ExportMetadata, PromptsThatExiv2WouldMisreadStayExactInTheRecipe) {
    engine::Variation v;
    v.image = ImageRGBA8(8, 8);
    v.recipe = test::diffusionInpaintRecipe();
    v.recipe.negativePrompt = "<x:xmpmeta> & \"quotes\" ]]> \xe2\x80\x8b";
    for (const std::string prompt : {"type=Bag <x:xmpmeta>", "type=Nonsense at all"}) {
        v.recipe.prompt = prompt;
        for (ImageFormat f : {ImageFormat::Png, ImageFormat::WebP}) {
            const EmbeddedProvenance p = readProvenance(embedProvenance(encodeImage(v.image, {f, 0, false}), f, v.recipe));
            EXPECT_EQ(engine::recipeFromJson(p.recipeJson).prompt, prompt);
            EXPECT_EQ(p.xmp.count("Xmp.atelier.Prompt"), 0u);
            EXPECT_EQ(p.xmp.at("Xmp.atelier.NegativePrompt"), v.recipe.negativePrompt);
            EXPECT_EQ(p.parameters.substr(0, prompt.size()), prompt);
        }
    }
}

TEST(ExportMetadata, GarbageIsAnErrorNotACrash) {
    EXPECT_THROW(embedProvenance("not an image at all", ImageFormat::Png, test::diffusionInpaintRecipe()), Error);
    EXPECT_THROW(readProvenance("\x89PNG\r\n\x1a\n garbage"), Error);
    EXPECT_THROW(readProvenance(""), Error);
    EXPECT_THROW(encodeImage(ImageRGBA8(), {}), Error);
    EXPECT_THROW(encodeImage(ImageRGBA8(2, 2), {ImageFormat::Jpeg, 101, false}), Error);
}

TEST(ExportMetadata, JpegFlattensAlphaOntoWhite) {
    engine::Variation v;
    v.image = ImageRGBA8(16, 16, 0x00000000u); // fully transparent black
    v.recipe = test::diffusionInpaintRecipe();
    const std::string jpeg = encodeImage(v.image, {ImageFormat::Jpeg, 95, false});
    const std::string dir = fs::temp_directory_path() / ("atelier-flat-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir + "/a.jpg", std::ios::binary) << jpeg;
    const ImageRGBA8 back = engine::loadImageFile(dir + "/a.jpg");
    EXPECT_GT(back.pixel(8, 8)[0], 250);
    fs::remove_all(dir);
}

TEST(ExportMetadata, TruncatedOrFlippedFilesNeverCrashTheReader) {
    engine::Variation v;
    v.image = ImageRGBA8(24, 16, 0x4080c0ffu);
    v.recipe = test::diffusionInpaintRecipe();
    for (ImageFormat f : {ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::WebP}) {
        SCOPED_TRACE(toString(f));
        const std::string file = embedProvenance(encodeImage(v.image, {f, 0, false}), f, v.recipe);
        int read = 0, refused = 0;
        auto attempt = [&](const std::string& bytes) {
            try {
                readProvenance(bytes);
                ++read;
            } catch (const Error&) {
                ++refused;
            }
        };
        for (std::size_t cut = 0; cut < file.size(); cut += 1 + file.size() / 97) attempt(file.substr(0, cut));
        for (std::size_t at = 0; at < file.size(); at += 1 + file.size() / 61) {
            std::string flipped = file;
            flipped[at] = static_cast<char>(flipped[at] ^ 0x5a);
            attempt(flipped);
        }
        EXPECT_GT(read + refused, 100);
    }
}

TEST(ExportMetadata, LosslessWebPWithAlphaKeepsEveryPixel) {
    engine::Variation v;
    v.image = ImageRGBA8(20, 12, 0x11223380u); // half-transparent
    v.image.pixel(3, 4)[3] = 0;
    v.recipe = test::diffusionInpaintRecipe();
    const fs::path dir = fs::temp_directory_path() / ("atelier-webp-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string path = (dir / "a.webp").string();
    exportVariation(v, path, {{ImageFormat::WebP, 0, true}, Overwrite::Replace});
    const ImageRGBA8 back = engine::loadImageFile(path);
    EXPECT_EQ(back.pixel(5, 5)[3], 0x80);
    EXPECT_EQ(back.pixel(3, 4)[3], 0);
    EXPECT_EQ(back.pixel(5, 5)[0], 0x11);
    EXPECT_EQ(readProvenanceFile(path).parameters, a1111Parameters(v.recipe));
    fs::remove_all(dir);
}

TEST(ExportMetadata, ReadsTheRecipeChunkOfOlderAppExports) {
    const engine::Recipe r = test::diffusionInpaintRecipe();
    const std::string png = insertPngText(encodeImage(ImageRGBA8(4, 4), {}), "atelier-recipe", engine::recipeToJson(r));
    const EmbeddedProvenance p = readProvenance(png);
    EXPECT_EQ(engine::recipeFromJson(p.recipeJson).seed, r.seed);
    EXPECT_EQ(p.parameters, "");
}
