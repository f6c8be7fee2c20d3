// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/edit_canvas.h"
#include "engine/edit_engine.h"

namespace atelier::engine {

/// The model-free backend: fills the masked region from its surroundings with
/// OpenCV, so the studio works with no diffusion model installed. The prompt is
/// not used (recipes say promptUsed = false).
///
/// Algorithm: on a context crop around the mask, the hole (mask > 0) is filled
/// once per job with xphoto's Frequency Selective Reconstruction (FSR fast
/// profile; Genser et al., "Frequency Selective Reconstruction", PCS 2018) or
/// Telea's fast-marching method (Telea, "An Image Inpainting Technique Based on
/// the Fast Marching Method", J. Graphics Tools 9(1), 2004). Each variation then
/// adds film grain drawn with its own seed and matched to the measured
/// high-frequency noise of a ring around the hole, so a fill does not look
/// smoother than the photo around it, and variations differ. Finally the crop is
/// composited back through the inward-feathered mask.
///
/// Supports Inpaint and Outpaint; throws atelier::Error for Img2Img and Txt2Img,
/// which need a diffusion model. Steps reported: 1 (fill) + one per variation.
EditResult runClassicalFill(const EditRequest& request, const EditCanvas& canvas, ProgressSink* sink,
                            const CancelToken* cancel);

} // namespace atelier::engine
