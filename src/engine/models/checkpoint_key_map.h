// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/models/unet_config.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace atelier::engine {

/// Which Stable Diffusion component a key belongs to.
enum class Component { UNet, VAE, TextEncoder };

/// How a tensor of the original single-file layout becomes a diffusers tensor.
enum class KeyTransform {
    None,
    Conv1x1ToLinear, ///< VAE mid-block attention: [C, C, 1, 1] -> [C, C]
    SplitQ,          ///< OpenCLIP attn.in_proj_*: first third (q)
    SplitK,          ///< ... second third (k)
    SplitV,          ///< ... last third (v)
};

/// Where one diffusers-named tensor comes from in a single-file checkpoint.
struct KeyOrigin {
    std::string originalKey;
    KeyTransform transform = KeyTransform::None;
};

/// The name mapping of one single-file checkpoint, per component: diffusers key -> origin.
struct CheckpointKeyMap {
    std::map<std::string, KeyOrigin> unet, vae, textEncoder;
    std::vector<std::string> unexpected; ///< original keys that map nowhere and are not known extras
    bool openClip = false;               ///< text encoder in OpenCLIP layout (SD 2.x)
    int openClipLayers = 0;              ///< OpenCLIP resblocks found (the last is dropped, as SD2 does)
};

/// Maps the keys of an original-layout (CompVis/Stability "ldm") checkpoint:
/// model.diffusion_model.* (UNet), first_stage_model.* (VAE),
/// cond_stage_model.transformer.* (SD1 CLIP) or cond_stage_model.model.*
/// (SD2 OpenCLIP) to diffusers/transformers names, driven by tables of name
/// pieces (the conversion diffusers' convert_from_ckpt.py performs). Known extras
/// (EMA weights, noise-schedule buffers, logit_scale, text_projection, position_ids)
/// are skipped; anything else unknown is listed in `unexpected`.
CheckpointKeyMap mapOriginalCheckpoint(const std::vector<std::string>& keys);

/// The inverse for the UNet and VAE and the SD1 text encoder: the original-layout
/// key of a diffusers key (the UNet's config and the VAE's block count as in the
/// model). Used to write single-file checkpoints (tests, conversion tools).
std::string unetKeyToOriginal(const std::string& diffusersKey, const UNetConfig& config);
std::string vaeKeyToOriginal(const std::string& diffusersKey, int vaeBlocks);
std::string textEncoderKeyToOriginal(const std::string& transformersKey);

} // namespace atelier::engine
