// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "core/image.h"
#include "engine/edit_request.h"
#include "engine/variation.h"

namespace atelier::engine {

/// The pixels a backend edits: the source (extended for outpainting) and the
/// mask of what to regenerate, both the size of the output.
struct EditCanvas {
    ImageRGBA8 original; ///< output-sized original pixels (outpaint: source plus edge-replicated margins)
    MaskA8 mask;         ///< output-sized mask; outpaint margins are 255
    Rect sourceRect;     ///< where the untouched source sits inside `original`
};

/// Builds the canvas for a validated request. Outpaint extends the source by
/// its margins (new pixels replicate the nearest edge, as a neutral start) and
/// masks the new area fully; other modes use the source and mask as they are
/// (Img2Img and Txt2Img with no mask select the whole image).
EditCanvas prepareCanvas(const EditRequest& request);

/// The context rectangle a backend works on around `maskBounds`: the bounds
/// grown by `padding` pixels on each side (at least 16), clipped to `image`.
Rect contextCrop(const Rect& maskBounds, Size image, int padding);

/// The recipe fields that come straight from the request, for variation `index`.
Recipe baseRecipe(const EditRequest& request, int index);

} // namespace atelier::engine
