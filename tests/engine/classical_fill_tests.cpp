// SPDX-License-Identifier: GPL-3.0-or-later
// The classical fill on the real sample photo: the masked region changes, the
// rest stays bit-identical, variations differ by seed and repeat exactly.
#include "core/error.h"
#include "engine/edit_engine.h"
#include "engine/image_io.h"
#include "sample_paths.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace atelier;
using namespace atelier::engine;

namespace {

EditRequest sampleRequest(int variations, ClassicalFill fill = ClassicalFill::Fsr) {
    EditRequest r;
    r.source = loadImageFile(test::samplePhotoPath());
    r.mask = loadMaskFile(test::sampleMaskPath());
    r.variationCount = variations;
    r.seed = 42;
    r.classicalFill = fill;
    return r;
}

// Mean absolute RGB difference inside the fully selected part of the mask.
double meanChangeInsideMask(const ImageRGBA8& a, const ImageRGBA8& b, const MaskA8& mask) {
    double sum = 0.0;
    long n = 0;
    for (int y = 0; y < mask.height; ++y)
        for (int x = 0; x < mask.width; ++x)
            if (mask.at(x, y) == 255) {
                for (int c = 0; c < 3; ++c) sum += std::abs(a.pixel(x, y)[c] - b.pixel(x, y)[c]);
                ++n;
            }
    return n ? sum / (3.0 * n) : 0.0;
}

void expectOutsideBitIdentical(const ImageRGBA8& source, const ImageRGBA8& out, const MaskA8& mask) {
    ASSERT_EQ(source.size(), out.size());
    long differing = 0;
    for (int y = 0; y < mask.height; ++y)
        for (int x = 0; x < mask.width; ++x)
            if (mask.at(x, y) == 0)
                for (int c = 0; c < 4; ++c) differing += source.pixel(x, y)[c] != out.pixel(x, y)[c];
    EXPECT_EQ(differing, 0) << "pixels outside the mask changed";
}

class RecordingSink : public ProgressSink {
public:
    void onProgress(const ProgressEvent& e) override { steps.push_back(e.step); }
    void onVariation(const Variation& v) override { seeds.push_back(v.recipe.seed); }
    void onNotice(const std::string& n) override { notice = n; }
    std::vector<int> steps;
    std::vector<std::uint64_t> seeds;
    std::string notice;
};

} // namespace

TEST(ClassicalFill, ChangesMaskedRegionAndKeepsOutsideBitIdentical) {
    for (ClassicalFill fill : {ClassicalFill::Fsr, ClassicalFill::Telea}) {
        SCOPED_TRACE(toString(fill));
        const EditRequest r = sampleRequest(2, fill);
        const EditResult result = runEdit(r);
        ASSERT_EQ(result.variations.size(), 2u);
        for (const Variation& v : result.variations) {
            expectOutsideBitIdentical(r.source, v.image, r.mask);
            // The shuttle (bright white/brown) is replaced by the grey backdrop.
            EXPECT_GT(meanChangeInsideMask(r.source, v.image, r.mask), 20.0);
        }
    }
}

TEST(ClassicalFill, VariationsDifferAndRepeatForTheSameSeed) {
    const EditRequest r = sampleRequest(2, ClassicalFill::Telea);
    const EditResult first = runEdit(r);
    const EditResult again = runEdit(r);
    ASSERT_EQ(first.variations.size(), 2u);
    EXPECT_NE(first.variations[0].image, first.variations[1].image);
    EXPECT_EQ(first.variations[0].image, again.variations[0].image);
    EXPECT_EQ(first.variations[1].image, again.variations[1].image);
    EXPECT_EQ(first.variations[0].recipe.seed, 42u);
    EXPECT_EQ(first.variations[1].recipe.seed, 43u);
}

TEST(ClassicalFill, RecipeRecordsRequestAndSaysPromptUnused) {
    EditRequest r = sampleRequest(1, ClassicalFill::Telea);
    r.prompt = "a clear sky";
    RecordingSink sink;
    const EditResult result = runEdit(r, &sink);
    ASSERT_EQ(result.variations.size(), 1u);
    const Recipe& recipe = result.variations[0].recipe;
    EXPECT_EQ(recipe.prompt, "a clear sky");
    EXPECT_FALSE(recipe.promptUsed);
    EXPECT_EQ(recipe.model.backend, "classical-fill");
    EXPECT_EQ(recipe.sourceSize, (Size{512, 512}));
    EXPECT_FALSE(recipe.cropRect.isEmpty());
    EXPECT_NE(sink.notice.find("prompt is not used"), std::string::npos);
    EXPECT_EQ(sink.steps, (std::vector<int>{1, 2}));
    EXPECT_EQ(sink.seeds, (std::vector<std::uint64_t>{42}));
}

TEST(ClassicalFill, CancelAfterCurrentVariationKeepsFinishedOnes) {
    const EditRequest r = sampleRequest(3, ClassicalFill::Telea);
    CancelToken cancel;
    struct CancelOnFirst : RecordingSink {
        CancelToken* token = nullptr;
        void onVariation(const Variation& v) override {
            RecordingSink::onVariation(v);
            token->request(CancelMode::AfterCurrentVariation);
        }
    } sink;
    sink.token = &cancel;
    const EditResult result = runEdit(r, &sink, &cancel);
    EXPECT_TRUE(result.cancelled);
    EXPECT_EQ(result.variations.size(), 1u);
}

TEST(ClassicalFill, CancelNowBeforeStartProducesNothing) {
    CancelToken cancel;
    cancel.request(CancelMode::Now);
    const EditResult result = runEdit(sampleRequest(2, ClassicalFill::Telea), nullptr, &cancel);
    EXPECT_TRUE(result.cancelled);
    EXPECT_TRUE(result.variations.empty());
}

TEST(ClassicalFill, OutpaintExtendsCanvasAndKeepsSourceBitIdentical) {
    EditRequest r;
    r.source = loadImageFile(test::samplePhotoPath());
    r.mode = EditMode::Outpaint;
    r.outpaint = Margins{32, 0, 48, 16};
    r.classicalFill = ClassicalFill::Telea;
    const EditResult result = runEdit(r);
    ASSERT_EQ(result.variations.size(), 1u);
    const ImageRGBA8& out = result.variations[0].image;
    ASSERT_EQ(out.size(), (Size{512 + 80, 512 + 16}));
    EXPECT_EQ(out.copy(Rect{32, 0, 512, 512}), r.source);
}

TEST(ClassicalFill, RefusesImg2ImgWithoutAModel) {
    EditRequest r = sampleRequest(1);
    r.mode = EditMode::Img2Img;
    try {
        runEdit(r);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("needs a diffusion model"), std::string::npos) << e.what();
    }
}

TEST(RunEdit, MissingModelFileIsNamedInTheError) {
    EditRequest r = sampleRequest(1);
    r.modelPath = "/nonexistent/model.safetensors";
    try {
        runEdit(r);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/model.safetensors"), std::string::npos);
    }
}
