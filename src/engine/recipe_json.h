// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/variation.h"

#include <string>

namespace atelier::engine {

/// The recipe as a JSON object text (keys in snake_case: mode, prompt,
/// negative_prompt, prompt_used, seed, steps, cfg_scale, strength, sampler,
/// classical_fill, variation_index, variation_count, outpaint{left,top,right,bottom},
/// feather_px, source_size{width,height}, crop_rect{x,y,width,height},
/// source_sha256, mask_sha256, model{backend,name,path,architecture,sha256},
/// device, app_version, timings{shared_s,variation_s,step_s[]}). `indent` < 0
/// gives one line.
std::string recipeToJson(const Recipe& recipe, int indent = -1);

/// Parses recipeToJson() output. Throws atelier::Error on malformed JSON,
/// a missing key, or a value of the wrong type. The hashes (source_sha256,
/// mask_sha256, model.sha256) may be absent, as in recipes written before
/// they existed; they then read as "".
Recipe recipeFromJson(const std::string& json);

} // namespace atelier::engine
