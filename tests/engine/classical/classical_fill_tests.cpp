// SPDX-License-Identifier: GPL-3.0-or-later
// The classical fill on the real sample photo, through runEdit, for each of its
// algorithms: the masked region changes, the rest stays bit-identical,
// variations differ by seed and repeat exactly, progress and cancel behave.
#include "core/error.h"
#include "engine/edit_engine.h"
#include "engine/image_io.h"
#include "sample_paths.h"

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

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

// The share of fully selected pixels whose RGB values differ by more than `levels` in some channel.
double shareChangedInsideMask(const ImageRGBA8& a, const ImageRGBA8& b, const MaskA8& mask, int levels) {
    long changed = 0, n = 0;
    for (int y = 0; y < mask.height; ++y)
        for (int x = 0; x < mask.width; ++x)
            if (mask.at(x, y) == 255) {
                bool far = false;
                for (int c = 0; c < 3; ++c) far = far || std::abs(a.pixel(x, y)[c] - b.pixel(x, y)[c]) > levels;
                changed += far;
                ++n;
            }
    return n ? static_cast<double>(changed) / n : 0.0;
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
    void onProgress(const ProgressEvent& e) override {
        steps.push_back(e.step);
        totals.push_back(e.totalSteps);
        stages.push_back(e.stage);
    }
    void onVariation(const Variation& v) override { seeds.push_back(v.recipe.seed); }
    void onNotice(const std::string& n) override { notice = n; }
    std::vector<int> steps;
    std::vector<int> totals;
    std::vector<std::string> stages;
    std::vector<std::uint64_t> seeds;
    std::string notice;
};

} // namespace

constexpr ClassicalFill kAllFills[] = {ClassicalFill::PatchMatch, ClassicalFill::Fsr, ClassicalFill::Telea};

TEST(ClassicalFill, PatchMatchIsTheDefault) {
    EXPECT_EQ(EditRequest().classicalFill, ClassicalFill::PatchMatch);
    EXPECT_EQ(classicalFillFromString("patchmatch"), ClassicalFill::PatchMatch);
    EXPECT_STREQ(toString(ClassicalFill::PatchMatch), "patchmatch");
}

TEST(ClassicalFill, ChangesMaskedRegionAndKeepsOutsideBitIdentical) {
    for (ClassicalFill fill : kAllFills) {
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
    for (ClassicalFill fill : {ClassicalFill::PatchMatch, ClassicalFill::Telea}) {
        SCOPED_TRACE(toString(fill));
        const EditRequest r = sampleRequest(2, fill);
        const EditResult first = runEdit(r);
        const EditResult again = runEdit(r);
        ASSERT_EQ(first.variations.size(), 2u);
        EXPECT_NE(first.variations[0].image, first.variations[1].image);
        // Different plausible fills, not just different grain: with the patch fill a good part of the
        // hole takes other content; grain alone moves few pixels by more than 8 levels.
        const double moved = shareChangedInsideMask(first.variations[0].image, first.variations[1].image, r.mask, 8);
        std::cout << toString(fill) << ": " << 100.0 * moved << "% of the hole differs by more than 8 levels\n";
        if (fill == ClassicalFill::PatchMatch) {
            EXPECT_GT(moved, 0.10);
        } else {
            EXPECT_LT(moved, 0.05);
        }
        EXPECT_EQ(first.variations[0].image, again.variations[0].image);
        EXPECT_EQ(first.variations[1].image, again.variations[1].image);
        EXPECT_EQ(first.variations[0].recipe.seed, 42u);
        EXPECT_EQ(first.variations[1].recipe.seed, 43u);
    }
}

TEST(ClassicalFill, PatchMatchReportsLevelsAndIterationsAsSteps) {
    EditRequest r = sampleRequest(2, ClassicalFill::PatchMatch);
    RecordingSink sink;
    const EditResult result = runEdit(r, &sink);
    ASSERT_EQ(result.variations.size(), 2u);
    ASSERT_FALSE(sink.steps.empty());
    const int total = sink.totals.front();
    EXPECT_EQ(static_cast<int>(sink.steps.size()), total);
    EXPECT_EQ(total % 2, 0) << "each variation has the same number of steps";
    for (std::size_t i = 0; i < sink.steps.size(); ++i) {
        EXPECT_EQ(sink.steps[i], static_cast<int>(i) + 1);
        EXPECT_EQ(sink.totals[i], total);
        EXPECT_EQ(sink.stages[i].rfind("patchmatch level ", 0), 0u) << sink.stages[i];
    }
    EXPECT_NE(sink.notice.find("prompt is not used"), std::string::npos);
    EXPECT_EQ(result.variations[0].recipe.model.backend, "classical-fill");
    EXPECT_EQ(result.variations[0].recipe.classicalFill, ClassicalFill::PatchMatch);
    EXPECT_EQ(static_cast<int>(result.variations[0].recipe.timings.stepSeconds.size()), total / 2);
}

TEST(ClassicalFill, PatchMatchCancelNowStopsWithinTheVariation) {
    const EditRequest r = sampleRequest(2, ClassicalFill::PatchMatch);
    CancelToken cancel;
    struct CancelAtThirdStep : RecordingSink {
        CancelToken* token = nullptr;
        void onProgress(const ProgressEvent& e) override {
            RecordingSink::onProgress(e);
            if (e.step == 3) token->request(CancelMode::Now);
        }
    } sink;
    sink.token = &cancel;
    const EditResult result = runEdit(r, &sink, &cancel);
    EXPECT_TRUE(result.cancelled);
    EXPECT_TRUE(result.variations.empty());
    EXPECT_EQ(sink.steps.size(), 3u) << "no step may run after the cancel";
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
    for (ClassicalFill fill : {ClassicalFill::PatchMatch, ClassicalFill::Telea}) {
        SCOPED_TRACE(toString(fill));
        const EditRequest r = sampleRequest(3, fill);
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
}

TEST(ClassicalFill, CancelNowBeforeStartProducesNothing) {
    for (ClassicalFill fill : kAllFills) {
        SCOPED_TRACE(toString(fill));
        CancelToken cancel;
        cancel.request(CancelMode::Now);
        const EditResult result = runEdit(sampleRequest(2, fill), nullptr, &cancel);
        EXPECT_TRUE(result.cancelled);
        EXPECT_TRUE(result.variations.empty());
    }
}

TEST(ClassicalFill, OutpaintExtendsCanvasAndKeepsSourceBitIdentical) {
    for (ClassicalFill fill : {ClassicalFill::PatchMatch, ClassicalFill::Telea}) {
        SCOPED_TRACE(toString(fill));
        EditRequest r;
        r.source = loadImageFile(test::samplePhotoPath());
        r.mode = EditMode::Outpaint;
        r.outpaint = Margins{32, 0, 48, 16};
        r.classicalFill = fill;
        const EditResult result = runEdit(r);
        ASSERT_EQ(result.variations.size(), 1u);
        const ImageRGBA8& out = result.variations[0].image;
        ASSERT_EQ(out.size(), (Size{512 + 80, 512 + 16}));
        EXPECT_EQ(out.copy(Rect{32, 0, 512, 512}), r.source);
        if (fill == ClassicalFill::PatchMatch) {
            // Texture, not the edge-replicated streaks the canvas starts from: the new right margin
            // varies along its rows about as much as the photo's own right edge region does.
            const auto rowVariation = [&](int x0, int x1) {
                double sum = 0.0;
                long n = 0;
                for (int y = 0; y < 512; ++y)
                    for (int x = x0 + 1; x < x1; ++x, ++n)
                        for (int c = 0; c < 3; ++c) sum += std::abs(out.pixel(x, y)[c] - out.pixel(x - 1, y)[c]);
                return sum / (3.0 * n);
            };
            EXPECT_GT(rowVariation(32 + 512 + 8, 32 + 512 + 48), 0.3 * rowVariation(32 + 512 - 48, 32 + 512));
        }
    }
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
