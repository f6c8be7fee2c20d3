// SPDX-License-Identifier: GPL-3.0-or-later
// Pixel hashes: defined by size and bytes (header + rows), and recipes of a
// real edit carry the source and mask hashes.
#include "engine/edit_engine.h"
#include "engine/io/sha256.h"
#include "engine/pixel_hash.h"

#include <gtest/gtest.h>

using namespace atelier;
using namespace atelier::engine;

TEST(PixelHash, IsTheDigestOfHeaderAndBytes) {
    ImageRGBA8 image(2, 1, 0x11223344u);
    EXPECT_EQ(imageSha256(image), sha256Hex(std::string("RGBA8 2x1\n") + "\x11\x22\x33\x44\x11\x22\x33\x44"));
    EXPECT_EQ(maskSha256(MaskA8(1, 2, 7)), sha256Hex("A8 1x2\n\x07\x07"));
    EXPECT_EQ(imageSha256(ImageRGBA8()), "");
    EXPECT_EQ(maskSha256(MaskA8()), "");
}

TEST(PixelHash, SizeMattersEvenWithTheSameBytes) {
    EXPECT_NE(imageSha256(ImageRGBA8(2, 1)), imageSha256(ImageRGBA8(1, 2)));
    ImageRGBA8 a(4, 4), b(4, 4);
    b.pixel(3, 3)[0] = 1;
    EXPECT_NE(imageSha256(a), imageSha256(b));
}

namespace {
struct Collect : ProgressSink {
    std::vector<Recipe> seen;
    void onVariation(const Variation& v) override { seen.push_back(v.recipe); }
};
} // namespace

TEST(PixelHash, EditRecipesCarrySourceAndMaskHashes) {
    EditRequest r;
    r.source = ImageRGBA8(48, 40, 0x808080ffu);
    r.mask = MaskA8(48, 40, 0);
    for (int y = 10; y < 20; ++y)
        for (int x = 10; x < 20; ++x) r.mask.at(x, y) = 255;
    r.variationCount = 2;
    Collect sink;
    const EditResult result = runEdit(r, &sink);
    ASSERT_EQ(result.variations.size(), 2u);
    ASSERT_EQ(sink.seen.size(), 2u);
    for (const Recipe& recipe : {result.variations[1].recipe, sink.seen[0]}) {
        EXPECT_EQ(recipe.sourceSha256, imageSha256(r.source));
        EXPECT_EQ(recipe.maskSha256, maskSha256(r.mask));
        EXPECT_EQ(recipe.model.sha256, "");
    }
}
