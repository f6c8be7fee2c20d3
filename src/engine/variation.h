// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "core/image.h"
#include "engine/edit_request.h"

#include <cstdint>
#include <string>
#include <vector>

namespace atelier::engine {

/// Which backend and weights made a result.
struct ModelIdentity {
    std::string backend;      ///< "classical-fill" or "diffusion"
    std::string name;         ///< human name: "OpenCV FSR inpainting", a checkpoint's file name, ...
    std::string path;         ///< checkpoint path; empty for the classical fill
    std::string architecture; ///< detected architecture ("sd15", "sd15-inpaint", ...); empty if none
    std::string sha256;       ///< weightsSha256() of the weight file(s), 64 hex digits; empty for the classical fill
};

/// Wall-clock timings of one variation, in seconds.
struct Timings {
    double sharedSeconds = 0.0;      ///< work done once per job (prompt encoding, fill) and shared
    double variationSeconds = 0.0;   ///< work done for this variation alone
    std::vector<double> stepSeconds; ///< per denoising step (or per stage for the classical fill)
};

/// Everything needed to reproduce a variation: every request field but the
/// pixels, the seed this variation used, where the work happened, and timings.
struct Recipe {
    EditMode mode = EditMode::Inpaint;
    std::string prompt;
    std::string negativePrompt;
    bool promptUsed = false;        ///< false for the classical fill, which ignores the prompt
    std::uint64_t seed = 0;         ///< this variation's seed (request seed + index)
    int steps = 0;
    double cfgScale = 0.0;
    double strength = 0.0;
    std::string sampler;
    ClassicalFill classicalFill = ClassicalFill::PatchMatch;
    int variationIndex = 0;         ///< 0-based index within the job
    int variationCount = 1;
    Margins outpaint;
    double featherPx = 0.0;
    Size sourceSize;                ///< source size before any outpaint extension
    Rect cropRect;                  ///< the context crop the backend worked on, in output pixels
    std::string sourceSha256;       ///< imageSha256() of the source pixels; empty for Txt2Img (source unused)
    std::string maskSha256;         ///< maskSha256() of the request's mask; empty when it had none
    ModelIdentity model;
    std::string device;             ///< "cpu" or "cuda:0"
    std::string appVersion;
    Timings timings;
};

/// One result of a job: the full-resolution image (already composited back onto
/// the original pixels) and its recipe.
struct Variation {
    ImageRGBA8 image;
    Recipe recipe;
};

} // namespace atelier::engine
