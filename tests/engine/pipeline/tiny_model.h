// SPDX-License-Identifier: GPL-3.0-or-later
// Tiny but real Stable Diffusion models assembled from the golden weights: a
// diffusers folder and an original-layout single file holding the same weights.
#pragma once

#include <string>

namespace atelier::test {

/// Writes a diffusers-layout folder at `dir`: model_index.json, unet/ (the
/// golden `unetCase`), vae/, text_encoder/ (clip_text_sd15), tokenizer/
/// (vocab.json + merges.txt of the first 486 CLIP merges: 1000 ids, matching
/// the tiny text encoder), scheduler/ (the SD 1.x scheduler config).
void writeTinyDiffusersFolder(const std::string& dir, const std::string& unetCase = "unet_sd15");

/// Writes the same model as one .safetensors in the original CompVis layout,
/// named through the inverse key map; the non-standard configs and the tiny
/// merges travel in the file's metadata.
void writeTinySingleFile(const std::string& path, const std::string& unetCase = "unet_sd15");

} // namespace atelier::test
