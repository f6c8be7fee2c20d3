// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/models/unet_config.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

namespace atelier::engine {

UNetConfig UNetConfig::sd15() { return UNetConfig{}; }

UNetConfig UNetConfig::sd15Inpaint() {
    UNetConfig c;
    c.inChannels = 9;
    return c;
}

UNetConfig UNetConfig::fromJson(const std::string& text) {
    try {
        const nlohmann::json j = nlohmann::json::parse(text);
        UNetConfig c;
        c.inChannels = j.value("in_channels", c.inChannels);
        c.outChannels = j.value("out_channels", c.outChannels);
        c.blockOutChannels = j.value("block_out_channels", c.blockOutChannels);
        c.downBlockTypes = j.value("down_block_types", c.downBlockTypes);
        c.upBlockTypes = j.value("up_block_types", c.upBlockTypes);
        c.layersPerBlock = j.value("layers_per_block", c.layersPerBlock);
        c.normNumGroups = j.value("norm_num_groups", c.normNumGroups);
        c.normEps = j.value("norm_eps", c.normEps);
        c.crossAttentionDim = j.value("cross_attention_dim", c.crossAttentionDim);
        c.useLinearProjection = j.value("use_linear_projection", false);
        c.upcastAttention = j.value("upcast_attention", false);
        c.flipSinToCos = j.value("flip_sin_to_cos", true);
        c.freqShift = j.value("freq_shift", 0.0);
        c.downsamplePadding = j.value("downsample_padding", 1);
        c.sampleSize = j.value("sample_size", 64);
        if (j.contains("transformer_layers_per_block") && j["transformer_layers_per_block"].is_number_integer()) {
            c.transformerLayersPerBlock = j["transformer_layers_per_block"].get<int>();
        } else if (j.contains("transformer_layers_per_block") && !j["transformer_layers_per_block"].is_null()) {
            throw Error("per-block transformer_layers_per_block lists are not supported");
        }
        // diffusers quirk: attention_head_dim holds the number of heads when num_attention_heads is absent.
        nlohmann::json heads = j.contains("num_attention_heads") && !j["num_attention_heads"].is_null()
                                   ? j["num_attention_heads"]
                                   : j.value("attention_head_dim", nlohmann::json(8));
        c.attentionHeads = heads.is_array() ? heads.get<std::vector<int>>()
                                            : std::vector<int>(c.blockOutChannels.size(), heads.get<int>());
        for (const char* unsupported : {"class_embed_type", "addition_embed_type", "encoder_hid_dim", "time_cond_proj_dim"}) {
            if (j.contains(unsupported) && !j[unsupported].is_null()) {
                throw Error(std::string("unsupported UNet setting ") + unsupported);
            }
        }
        if (c.downBlockTypes.size() != c.blockOutChannels.size() || c.upBlockTypes.size() != c.blockOutChannels.size() ||
            c.attentionHeads.size() != c.blockOutChannels.size()) {
            throw Error("block lists of different lengths");
        }
        for (const auto& t : c.downBlockTypes) {
            if (t != "CrossAttnDownBlock2D" && t != "DownBlock2D") throw Error("unsupported down block type " + t);
        }
        for (const auto& t : c.upBlockTypes) {
            if (t != "CrossAttnUpBlock2D" && t != "UpBlock2D") throw Error("unsupported up block type " + t);
        }
        return c;
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("UNet config: ") + e.what());
    }
}

} // namespace atelier::engine
