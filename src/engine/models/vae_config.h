// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace atelier::engine {

/// AutoencoderKL hyper-parameters; mirrors diffusers' vae/config.json. Defaults are SD 1.x/2.x's.
struct VAEConfig {
    int inChannels = 3;                                  ///< in_channels
    int outChannels = 3;                                 ///< out_channels
    std::vector<int> blockOutChannels{128, 256, 512, 512}; ///< block_out_channels
    int layersPerBlock = 2;                              ///< layers_per_block
    int latentChannels = 4;                              ///< latent_channels
    int normNumGroups = 32;                              ///< norm_num_groups
    double scalingFactor = 0.18215;                      ///< scaling_factor: latents = factor * posterior sample
    int sampleSize = 512;                                ///< sample_size (pixels)

    static VAEConfig sd();
    /// Parses a diffusers vae/config.json text; throws atelier::Error on bad JSON or block types.
    static VAEConfig fromJson(const std::string& json);
};

} // namespace atelier::engine
