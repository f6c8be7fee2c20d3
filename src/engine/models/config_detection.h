// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/clip/clip_text_config.h"
#include "engine/io/tensor_index.h"
#include "engine/models/unet_config.h"
#include "engine/models/vae_config.h"

#include <map>
#include <string>

namespace atelier::engine {

/// Stable Diffusion families Atelier recognises from tensor shapes.
enum class SDArchitecture {
    SD1,          ///< SD 1.x: CLIP ViT-L text encoder (768), 4 latent input channels
    SD1Inpaint,   ///< SD 1.x inpainting: 9 input channels (latents, mask, masked-image latents)
    SD2,          ///< SD 2.x: OpenCLIP ViT-H text encoder (1024), linear projections
    SD2Inpaint,   ///< SD 2.x inpainting
    Other,        ///< a non-standard size (e.g. a tiny test model); configs must come from config.json or metadata
};

/// "sd1", "sd1-inpaint", "sd2", "sd2-inpaint", "other".
const char* toString(SDArchitecture arch);

/// Shapes of one component's tensors under diffusers/transformers names.
using ShapeMap = std::map<std::string, std::vector<std::int64_t>>;

/// What detection found: the configs to build the modules with.
struct DetectedConfigs {
    SDArchitecture architecture = SDArchitecture::SD1;
    UNetConfig unet;
    VAEConfig vae;
    CLIPTextConfig textEncoder;
};

/// Derives the three configs from tensor shapes (diffusers names per component):
/// channel lists, layer counts, block types, context width, projection kind,
/// vocabulary and depth. What shapes cannot tell (GroupNorm groups, head counts,
/// activation) follows the standard families: SD1 has 8 UNet heads, 12 CLIP heads
/// and quick_gelu; SD2 has 64-channel UNet heads, 64-channel CLIP heads and gelu;
/// 32 norm groups. Throws atelier::Error when a required tensor is missing.
DetectedConfigs detectConfigs(const ShapeMap& unet, const ShapeMap& vae, const ShapeMap& textEncoder);

} // namespace atelier::engine
