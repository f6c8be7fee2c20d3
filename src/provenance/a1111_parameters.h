// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/variation.h"

#include <string>

namespace atelier::provenance {

/// AUTOMATIC1111's name for one of our samplers and its "Schedule type".
struct A1111Sampler {
    std::string sampler;      ///< "Euler a", "Euler", "DPM++ 2M", "DDIM", "PLMS", "LCM"; else our own name
    std::string scheduleType; ///< "Automatic", "Karras" or "Uniform"; empty for a sampler A1111 lacks
};

/// The closest AUTOMATIC1111 (v1.9+) sampler and schedule type for an Atelier
/// sampler name: euler_a → Euler a/Automatic, euler → Euler/Automatic,
/// euler_karras → Euler/Karras, dpmpp_2m → DPM++ 2M/Uniform (diffusers' default
/// spacing, not A1111's automatic Karras), dpmpp_2m_karras → DPM++ 2M/Karras,
/// ddim → DDIM/Automatic, pndm → PLMS/Automatic, lcm → LCM/Automatic. Any other
/// name is passed through with no schedule type.
A1111Sampler a1111Sampler(const std::string& atelierSampler);

/// The generation text AUTOMATIC1111's stable-diffusion-webui writes into the
/// PNG "parameters" text chunk (and JPEG/WebP EXIF UserComment), built like its
/// modules/processing.py create_infotext():
///
///     <prompt>
///     Negative prompt: <negative prompt>          (only when there is one)
///     Steps: 30, Sampler: Euler a, Schedule type: Automatic, CFG scale: 7.5, Seed: 42,
///     Size: 512x512, Model hash: 6ce0161689, Model: v1-5-pruned-emaonly,
///     Denoising strength: 0.75, Version: Atelier 0.1.0
///
/// (the settings are one line, ", "-separated). Values holding ',', ':' or a
/// newline are JSON-quoted as A1111 does; whole numbers print without ".0" as in
/// files the A1111 UI writes; Size is the output size (source plus outpaint
/// margins); Model hash is the first 10 hex digits of the model's SHA-256 (A1111's
/// and Civitai's short hash) and is left out when unknown; Model is the checkpoint
/// name without its extension; Denoising strength appears for edits of an image,
/// not for Txt2Img. Returns "" for a recipe the classical fill made (no model, no
/// prompt): A1111 readers would show misleading settings. Never throws.
std::string a1111Parameters(const engine::Recipe& recipe);

/// The output size a recipe describes: source size plus outpaint margins.
Size outputSizeOf(const engine::Recipe& recipe);

} // namespace atelier::provenance
