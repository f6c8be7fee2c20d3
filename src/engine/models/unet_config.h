// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace atelier::engine {

/// UNet2DConditionModel hyper-parameters; mirrors diffusers' unet/config.json.
/// Defaults are Stable Diffusion 1.5's.
struct UNetConfig {
    int inChannels = 4;                 ///< in_channels: 4, or 9 for inpainting models
    int outChannels = 4;                ///< out_channels
    std::vector<int> blockOutChannels{320, 640, 1280, 1280}; ///< block_out_channels
    std::vector<std::string> downBlockTypes{"CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D",
                                            "DownBlock2D"}; ///< down_block_types
    std::vector<std::string> upBlockTypes{"UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D",
                                          "CrossAttnUpBlock2D"}; ///< up_block_types
    int layersPerBlock = 2;             ///< layers_per_block
    int normNumGroups = 32;             ///< norm_num_groups
    double normEps = 1e-5;              ///< norm_eps
    int crossAttentionDim = 768;        ///< cross_attention_dim (1024 for SD2)
    std::vector<int> attentionHeads{8, 8, 8, 8}; ///< num_attention_heads, else attention_head_dim (diffusers quirk), per down block
    bool useLinearProjection = false;   ///< use_linear_projection (SD2)
    bool upcastAttention = false;       ///< upcast_attention (SD2-768); softmax is always float32 here
    int transformerLayersPerBlock = 1;  ///< transformer_layers_per_block
    bool flipSinToCos = true;           ///< flip_sin_to_cos
    double freqShift = 0.0;             ///< freq_shift
    int downsamplePadding = 1;          ///< downsample_padding
    int sampleSize = 64;                ///< sample_size (latent side: 64 for 512 px, 96 for 768 px)

    /// SD 1.x presets.
    static UNetConfig sd15();
    static UNetConfig sd15Inpaint();
    /// Parses a diffusers unet/config.json text. Throws atelier::Error on bad JSON,
    /// unsupported block types or settings (class embeddings, addition embeddings, ...).
    static UNetConfig fromJson(const std::string& json);
};

} // namespace atelier::engine
