// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/classical/classical_fill.h"

#include "core/composite.h"
#include "core/error.h"
#include "core/feather.h"
#include "engine/classical/exemplar_fill.h"
#include "engine/classical/film_grain.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/photo.hpp>
#include <opencv2/xphoto/inpainting.hpp>

#include <chrono>
#include <cstring>

namespace atelier::engine {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

cv::Mat toBgr(const ImageRGBA8& image, const Rect& r) {
    cv::Mat rgba(image.height, image.width, CV_8UC4, const_cast<std::uint8_t*>(image.pixels.data()));
    cv::Mat bgr;
    cv::cvtColor(rgba(cv::Rect(r.x, r.y, r.width, r.height)), bgr, cv::COLOR_RGBA2BGR);
    return bgr;
}

cv::Mat holeOf(const MaskA8& mask, const Rect& r) {
    cv::Mat full(mask.height, mask.width, CV_8UC1, const_cast<std::uint8_t*>(mask.values.data()));
    cv::Mat hole;
    cv::threshold(full(cv::Rect(r.x, r.y, r.width, r.height)), hole, 0, 255, cv::THRESH_BINARY);
    return hole;
}

cv::Mat fillHole(const cv::Mat& bgr, const cv::Mat& hole, ClassicalFill method) {
    cv::Mat filled;
    if (method == ClassicalFill::Telea) {
        cv::inpaint(bgr, hole, filled, 5.0, cv::INPAINT_TELEA);
    } else {
        cv::Mat valid;
        cv::bitwise_not(hole, valid); // xphoto wants non-zero = known pixel
        cv::xphoto::inpaint(bgr, valid, filled, cv::xphoto::INPAINT_FSR_FAST);
    }
    return filled;
}

// The full-size edited image: `canvas.original` with the filled BGR crop written over `crop`.
ImageRGBA8 pasteFill(const ImageRGBA8& original, const cv::Mat& filledBgr, const Rect& crop) {
    ImageRGBA8 edited = original;
    for (int y = 0; y < crop.height; ++y) {
        const cv::Vec3b* row = filledBgr.ptr<cv::Vec3b>(y);
        for (int x = 0; x < crop.width; ++x) {
            std::uint8_t* p = edited.pixel(crop.x + x, crop.y + y);
            p[0] = row[x][2];
            p[1] = row[x][1];
            p[2] = row[x][0];
        }
    }
    return edited;
}

bool cancelRequested(const CancelToken* cancel, CancelMode at) {
    if (!cancel) return false;
    const CancelMode m = cancel->requested();
    return m == CancelMode::Now || (at == CancelMode::AfterCurrentVariation && m != CancelMode::None);
}

// What every classical variation's recipe says besides the request.
void stampClassicalRecipe(Recipe& recipe, const EditRequest& request, const Rect& crop) {
    recipe.promptUsed = false;
    recipe.cropRect = crop;
    recipe.device = "cpu";
    recipe.model.backend = "classical-fill";
    switch (request.classicalFill) {
    case ClassicalFill::PatchMatch: recipe.model.name = "Atelier exemplar fill (PatchMatch)"; break;
    case ClassicalFill::Fsr: recipe.model.name = "OpenCV xphoto FSR inpainting"; break;
    case ClassicalFill::Telea: recipe.model.name = "OpenCV Telea inpainting"; break;
    }
}

// FSR and Telea: one deterministic fill per job, then seeded film grain per variation.
EditResult runSmoothFill(const EditRequest& request, const EditCanvas& canvas, const Rect& crop, ProgressSink* sink,
                         const CancelToken* cancel, EditResult result) {
    const int totalSteps = 1 + request.variationCount;
    const auto fillStart = Clock::now();
    const cv::Mat hole = holeOf(canvas.mask, crop);
    const cv::Mat source = toBgr(canvas.original, crop);
    const cv::Mat filled = fillHole(source, hole, request.classicalFill);
    const GrainProfile grain = measureGrain(source, hole);
    const MaskA8 alpha = featherInward(canvas.mask, request.featherPx);
    const double fillSeconds = secondsSince(fillStart);
    if (sink) {
        ProgressEvent e;
        e.step = 1;
        e.totalSteps = totalSteps;
        e.variationCount = request.variationCount;
        e.stepSeconds = fillSeconds;
        e.stage = "fill";
        sink->onProgress(e);
    }

    for (int i = 0; i < request.variationCount; ++i) {
        if (cancelRequested(cancel, CancelMode::AfterCurrentVariation)) {
            result.cancelled = true;
            break;
        }
        const auto t0 = Clock::now();
        Recipe recipe = baseRecipe(request, i);
        cv::Mat grained = filled.clone();
        addFilmGrain(grained, hole, grain, recipe.seed);
        Variation v;
        v.image = compositeThroughMask(canvas.original, pasteFill(canvas.original, grained, crop), alpha);
        const double seconds = secondsSince(t0);
        if (cancelRequested(cancel, CancelMode::Now)) {
            result.cancelled = true;
            break;
        }
        stampClassicalRecipe(recipe, request, crop);
        recipe.timings.sharedSeconds = fillSeconds;
        recipe.timings.variationSeconds = seconds;
        recipe.timings.stepSeconds = {fillSeconds, seconds};
        v.recipe = std::move(recipe);
        if (sink) {
            ProgressEvent e;
            e.step = 2 + i;
            e.totalSteps = totalSteps;
            e.variationIndex = i;
            e.variationCount = request.variationCount;
            e.stepSeconds = seconds;
            e.stage = "grain+composite";
            e.preview = &v.image;
            sink->onProgress(e);
            sink->onVariation(v);
        }
        result.variations.push_back(std::move(v));
    }
    return result;
}

// The exemplar fill: the pyramid once per job, a whole coarse-to-fine fill per variation and seed.
EditResult runPatchMatchFill(const EditRequest& request, const EditCanvas& canvas, const Rect& crop,
                             ProgressSink* sink, const CancelToken* cancel, EditResult result) {
    const auto setupStart = Clock::now();
    ExemplarFill fill(toBgr(canvas.original, crop), holeOf(canvas.mask, crop));
    const MaskA8 alpha = featherInward(canvas.mask, request.featherPx);
    const double setupSeconds = secondsSince(setupStart);
    const int perVariation = fill.totalSteps();
    const int totalSteps = perVariation * request.variationCount;
    const FillStopFn stopNow = [cancel] { return cancelRequested(cancel, CancelMode::Now); };

    for (int i = 0; i < request.variationCount; ++i) {
        if (cancelRequested(cancel, CancelMode::AfterCurrentVariation)) {
            result.cancelled = true;
            break;
        }
        Recipe recipe = baseRecipe(request, i);
        std::vector<double> stepSeconds;
        auto stepStart = Clock::now();
        const auto t0 = stepStart;
        const ExemplarFillProgressFn progress = [&](const ExemplarFillProgress& p) {
            const double seconds = secondsSince(stepStart);
            stepStart = Clock::now();
            stepSeconds.push_back(seconds);
            if (!sink) return;
            ProgressEvent e;
            e.step = i * perVariation + p.step;
            e.totalSteps = totalSteps;
            e.variationIndex = i;
            e.variationCount = request.variationCount;
            e.stepSeconds = seconds;
            e.stage = "patchmatch level " + std::to_string(p.level) + "/" + std::to_string(p.levelCount) +
                      ", iteration " + std::to_string(p.iteration) + "/" + std::to_string(p.levelIterations);
            sink->onProgress(e);
        };
        const cv::Mat filled = fill.run(recipe.seed, progress, stopNow);
        if (filled.empty() || cancelRequested(cancel, CancelMode::Now)) {
            result.cancelled = true;
            break;
        }
        Variation v;
        v.image = compositeThroughMask(canvas.original, pasteFill(canvas.original, filled, crop), alpha);
        stampClassicalRecipe(recipe, request, crop);
        recipe.timings.sharedSeconds = setupSeconds;
        recipe.timings.variationSeconds = secondsSince(t0);
        recipe.timings.stepSeconds = std::move(stepSeconds);
        v.recipe = std::move(recipe);
        if (sink) sink->onVariation(v);
        result.variations.push_back(std::move(v));
    }
    return result;
}

} // namespace

EditResult runClassicalFill(const EditRequest& request, const EditCanvas& canvas, ProgressSink* sink,
                            const CancelToken* cancel) {
    if (request.mode == EditMode::Img2Img || request.mode == EditMode::Txt2Img) {
        throw Error(std::string("the classical fill can only inpaint and outpaint; ") + toString(request.mode) +
                    " needs a diffusion model");
    }
    EditResult result;
    switch (request.classicalFill) {
    case ClassicalFill::PatchMatch:
        result.notice = "No diffusion model is configured: using the classical fill (exemplar, PatchMatch), which "
                        "copies texture from around the mask; the prompt is not used.";
        break;
    case ClassicalFill::Fsr: result.notice = "No diffusion model is configured: using the classical fill (OpenCV FSR); the prompt is not used."; break;
    case ClassicalFill::Telea: result.notice = "No diffusion model is configured: using the classical fill (OpenCV Telea); the prompt is not used."; break;
    }
    if (sink) sink->onNotice(result.notice);
    if (cancelRequested(cancel, CancelMode::AfterCurrentVariation)) {
        result.cancelled = true;
        return result;
    }
    const Rect bounds = canvas.mask.bounds();
    const Rect crop = contextCrop(bounds, canvas.mask.size(), std::max(bounds.width, bounds.height) / 2);
    if (request.classicalFill == ClassicalFill::PatchMatch) {
        return runPatchMatchFill(request, canvas, crop, sink, cancel, std::move(result));
    }
    return runSmoothFill(request, canvas, crop, sink, cancel, std::move(result));
}

} // namespace atelier::engine
