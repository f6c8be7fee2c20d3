// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: the Stable Diffusion edit pipelines behind EditRequest.
#pragma once

#include "engine/edit_canvas.h"
#include "engine/edit_engine.h"
#include "engine/pipeline/stable_diffusion_model.h"

namespace atelier::engine {

/// Where the pipeline works inside the canvas and at what resolution.
struct WorkArea {
    Rect crop;     ///< context crop in canvas pixels
    Size size;     ///< working resolution (multiple of the VAE scale), near the model's native size
};

/// The context crop around the mask (the whole canvas for Img2Img/Txt2Img or a
/// mask covering most of it), grown by a margin of 1/4 of its larger side (at
/// least 32 px), then the working size: the crop scaled so its longer side is
/// the model's native resolution, rounded to multiples of `multiple`.
WorkArea chooseWorkArea(const EditCanvas& canvas, EditMode mode, int nativeSide, int multiple);

/// How a job is computed (never what it computes).
struct DiffusionOptions {
    /// Variations denoised together in one UNet batch; 0 = the device's default
    /// (defaultVariationBatch). Each variation's noise comes from its own seed,
    /// so batching changes speed, not the image (up to float rounding).
    int variationBatch = 0;
};

/// 4 on CUDA, where a larger batch fills the GPU; 1 on the CPU, where the
/// SD 1.5 UNet at batch 8 measured no faster per image than at batch 2 (2.72 s
/// vs 2.58 s per image at 256², the GEMMs already saturate the cores).
int defaultVariationBatch(const torch::Device& device);

/// Runs txt2img, img2img, inpaint or outpaint with a loaded model: prompts
/// encoded once, the masked image encoded once, then one denoising loop per
/// batch of variations (seed + i) with classifier-free guidance (Ho & Salimans,
/// 2022); cancelling "after the current variation" finishes the current batch.
/// Inpainting uses the 9-channel UNet input [latents, mask, masked-image
/// latents] with an inpainting model, else masked latent blending at each step
/// (RePaint-style replacement of the known region; Lugmayr et al., 2022).
/// Each result is decoded, resized back to the crop and composited onto the
/// original pixels through the inward-feathered mask. Reports a latent preview
/// every step; honours both cancel modes between steps.
EditResult runDiffusion(const StableDiffusionModel& model, const EditRequest& request, const EditCanvas& canvas,
                        ProgressSink* sink, const CancelToken* cancel, const DiffusionOptions& options = {});

} // namespace atelier::engine
