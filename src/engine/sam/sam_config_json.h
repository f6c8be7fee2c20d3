// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (no torch): the parts of a SAM configuration that tensor shapes cannot tell,
// read from JSON that names them as segment_anything's build functions do.
#pragma once

#include "engine/sam/sam_config.h"

#include <string>

namespace atelier::engine {

/// Overrides from a JSON object using segment_anything's build argument names:
/// "img_size", "num_heads" (or "encoder_num_heads"), "global_attn_indexes" (or
/// "encoder_global_attn_indexes"), "window_size", "dec_num_heads". When the
/// object has a "config" member (a golden-case file), that member is read.
/// Other keys, and a "num_heads" list (TinyViT's per-stage heads), are ignored. Throws atelier::Error for malformed JSON or a key of the wrong type.
SamConfigOverrides samOverridesFromJson(const std::string& jsonText);

/// Overrides for the weights at `weightsPath`: the safetensors metadata entry
/// "sam_config" (`metadataConfig`, empty when absent) or else a JSON file beside
/// the weights with the same stem (sam_tiny.safetensors -> sam_tiny.json).
/// Neither present: no overrides (released models need none). Errors name the JSON's source.
SamConfigOverrides findSamOverrides(const std::string& weightsPath, const std::string& metadataConfig);

} // namespace atelier::engine
