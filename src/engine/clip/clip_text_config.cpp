// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/clip/clip_text_config.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

namespace atelier::engine {

CLIPTextConfig CLIPTextConfig::sd15() { return CLIPTextConfig{}; }

CLIPTextConfig CLIPTextConfig::fromJson(const std::string& text) {
    try {
        const nlohmann::json j = nlohmann::json::parse(text);
        CLIPTextConfig c;
        c.vocabSize = j.value("vocab_size", c.vocabSize);
        c.hiddenSize = j.value("hidden_size", c.hiddenSize);
        c.intermediateSize = j.value("intermediate_size", c.intermediateSize);
        c.numHiddenLayers = j.value("num_hidden_layers", c.numHiddenLayers);
        c.numAttentionHeads = j.value("num_attention_heads", c.numAttentionHeads);
        c.maxPositionEmbeddings = j.value("max_position_embeddings", c.maxPositionEmbeddings);
        c.hiddenAct = j.value("hidden_act", c.hiddenAct);
        c.layerNormEps = j.value("layer_norm_eps", c.layerNormEps);
        c.eosTokenId = j.value("eos_token_id", c.eosTokenId);
        if (c.hiddenAct != "quick_gelu" && c.hiddenAct != "gelu") throw Error("unsupported hidden_act " + c.hiddenAct);
        if (c.hiddenSize % c.numAttentionHeads != 0) throw Error("hidden_size is not a multiple of the head count");
        return c;
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("CLIP text config: ") + e.what());
    }
}

} // namespace atelier::engine
