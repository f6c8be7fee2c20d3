// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image.h"
#include "engine/edit_request.h"
#include "engine/variation.h"

namespace atelier::app {

/// A job that repeats `recipe` exactly, for one variation: its mode, prompt,
/// negative prompt, seed (this variation's own), steps, CFG, strength, sampler,
/// model (recipe.model.path; empty = classical fill), classical fill,
/// outpaint margins and feather, over `source` and `mask` (the pixels it
/// started from: check them with sameInputs()).
engine::EditRequest rerunRequest(const engine::Recipe& recipe, ImageRGBA8 source, MaskA8 mask);

/// True when `source` and `mask` hash as the recipe's inputs did
/// (recipe.sourceSha256, recipe.maskSha256; an empty recorded hash is not checked).
bool sameInputs(const engine::Recipe& recipe, const ImageRGBA8& source, const MaskA8& mask);

/// "More like this": an img2img job over the variation's own image with its
/// prompt, negative prompt, seed, steps, CFG, sampler and model, making `count`
/// variations that stay `strength` (0..1) close to it.
engine::EditRequest moreLikeThisRequest(const engine::Variation& variation, int count, double strength);

} // namespace atelier::app
