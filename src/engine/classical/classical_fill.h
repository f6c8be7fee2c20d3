// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/edit_canvas.h"
#include "engine/edit_engine.h"

namespace atelier::engine {

/// The model-free backend: fills the masked region from its surroundings, so
/// the studio works with no diffusion model installed. The prompt is not used
/// (recipes say promptUsed = false). Works on a context crop around the mask
/// (the mask's bounds grown by half their longer side); the hole is every pixel
/// with mask > 0, and the result is composited back through the
/// inward-feathered mask, so pixels where the mask is 0 stay bit-identical.
///
/// - ClassicalFill::PatchMatch (the default): the multi-scale exemplar fill
///   (ExemplarFill; Wexler et al., PAMI 2007, with PatchMatch, Barnes et al.,
///   SIGGRAPH 2009). Its pyramid is built once per job; each variation is a
///   whole fill from its own seed, so variations are different plausible
///   fills. Steps reported: one per completion iteration of every variation,
///   with the level and iteration in the stage text. Cancel Now is seen
///   between PatchMatch bands (well under a second).
/// - ClassicalFill::Fsr / Telea: xphoto's Frequency Selective Reconstruction
///   (FSR fast profile; Genser et al., PCS 2018) or Telea's fast marching
///   (J. Graphics Tools 9(1), 2004), once per job; each variation then adds
///   film grain drawn with its own seed and matched to the noise of a ring
///   around the hole. Steps reported: 1 (fill) + one per variation.
///
/// Supports Inpaint and Outpaint (the margins are the hole; the exemplar fill
/// extends texture outwards); throws atelier::Error for Img2Img and Txt2Img,
/// which need a diffusion model, and when no 7x7 patch of the crop lies
/// outside the mask.
EditResult runClassicalFill(const EditRequest& request, const EditCanvas& canvas, ProgressSink* sink,
                            const CancelToken* cancel);

} // namespace atelier::engine
