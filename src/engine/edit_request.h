// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "core/image.h"

#include <cstdint>
#include <string>

namespace atelier::engine {

/// What an edit does with the source image and mask.
enum class EditMode {
    Inpaint,  ///< regenerate the masked region of the source
    Outpaint, ///< extend the canvas by `outpaint` margins and fill the new area (plus any masked pixels)
    Img2Img,  ///< restyle the whole source; `strength` sets how far from it the result may move
    Txt2Img,  ///< a new image of the source's size from the prompt alone
};

/// The classical (model-free) fill algorithm, used when no diffusion model is set.
enum class ClassicalFill {
    PatchMatch, ///< multi-scale exemplar fill (Wexler et al., PAMI 2007; PatchMatch, Barnes et al., SIGGRAPH 2009): copies texture and structure, a different fill per seed
    Fsr,        ///< OpenCV xphoto Frequency Selective Reconstruction (Genser et al., PCS 2018): smooth
    Telea,      ///< OpenCV fast marching inpainting (Telea, J. Graphics Tools 2004): fastest, smoothest
};

/// One edit job, immutable once queued: a value copy of everything the worker needs.
///
/// Images are straight-alpha RGBA8; the mask is A8 of the same size (0 = keep,
/// 255 = regenerate, in between = soft selection). validate() lists the rules.
struct EditRequest {
    ImageRGBA8 source;          ///< full-resolution source pixels (for Txt2Img only its size is used)
    MaskA8 mask;                ///< same size as `source`; may be empty (all 0) for Img2Img/Txt2Img/Outpaint
    EditMode mode = EditMode::Inpaint;
    std::string prompt;         ///< what to generate (diffusion backends only)
    std::string negativePrompt; ///< what to steer away from with classifier-free guidance
    std::uint64_t seed = 0;     ///< variation i uses seed + i
    int steps = 30;             ///< denoising steps, 1..1000
    double cfgScale = 7.5;      ///< classifier-free guidance scale, 0..50 (1 = no guidance)
    double strength = 1.0;      ///< 0..1: how much of the source is replaced (Img2Img/Inpaint)
    int variationCount = 1;     ///< number of results, 1..64
    std::string sampler = "euler_a"; ///< diffusion sampler name (ddim, euler, euler_a, dpmpp_2m, ...)
    std::string modelPath;      ///< diffusion checkpoint or folder; empty selects the classical fill
    ClassicalFill classicalFill = ClassicalFill::PatchMatch; ///< algorithm of the classical fill
    Margins outpaint;           ///< Outpaint: pixels added on each side of the source
    double featherPx = 6.0;     ///< inward feather of the mask edge when compositing back, in pixels
};

/// Checks a request and throws atelier::Error naming the first problem:
/// empty source, mask size different from the source, empty mask for Inpaint,
/// Outpaint with no margins, or a numeric field out of its range.
void validate(const EditRequest& request);

/// "inpaint", "outpaint", "img2img", "txt2img".
const char* toString(EditMode mode);
/// Parses toString(EditMode); throws atelier::Error for an unknown name.
EditMode editModeFromString(const std::string& name);
/// "patchmatch", "fsr", "telea".
const char* toString(ClassicalFill fill);
/// Parses toString(ClassicalFill); throws atelier::Error for an unknown name.
ClassicalFill classicalFillFromString(const std::string& name);

} // namespace atelier::engine
