// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/models/vae_config.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

namespace atelier::engine {

VAEConfig VAEConfig::sd() { return VAEConfig{}; }

VAEConfig VAEConfig::fromJson(const std::string& text) {
    try {
        const nlohmann::json j = nlohmann::json::parse(text);
        VAEConfig c;
        c.inChannels = j.value("in_channels", c.inChannels);
        c.outChannels = j.value("out_channels", c.outChannels);
        c.blockOutChannels = j.value("block_out_channels", c.blockOutChannels);
        c.layersPerBlock = j.value("layers_per_block", c.layersPerBlock);
        c.latentChannels = j.value("latent_channels", c.latentChannels);
        c.normNumGroups = j.value("norm_num_groups", c.normNumGroups);
        c.scalingFactor = j.value("scaling_factor", c.scalingFactor);
        c.sampleSize = j.value("sample_size", c.sampleSize);
        for (const auto& t : j.value("down_block_types", std::vector<std::string>{})) {
            if (t != "DownEncoderBlock2D") throw Error("unsupported VAE down block type " + t);
        }
        for (const auto& t : j.value("up_block_types", std::vector<std::string>{})) {
            if (t != "UpDecoderBlock2D") throw Error("unsupported VAE up block type " + t);
        }
        return c;
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("VAE config: ") + e.what());
    }
}

} // namespace atelier::engine
