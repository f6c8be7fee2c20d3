// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace atelier::engine {

/// CLIPTextConfig fields we use; defaults are SD 1.x's (openai ViT-L/14 text tower).
struct CLIPTextConfig {
    int vocabSize = 49408;           ///< vocab_size
    int hiddenSize = 768;            ///< hidden_size (1024 for SD2's OpenCLIP ViT-H)
    int intermediateSize = 3072;     ///< intermediate_size
    int numHiddenLayers = 12;        ///< num_hidden_layers (23 for diffusers-format SD2)
    int numAttentionHeads = 12;      ///< num_attention_heads
    int maxPositionEmbeddings = 77;  ///< max_position_embeddings
    std::string hiddenAct = "quick_gelu"; ///< hidden_act: quick_gelu (SD1) or gelu (SD2)
    double layerNormEps = 1e-5;      ///< layer_norm_eps
    int eosTokenId = 2;              ///< eos_token_id; 2 (old configs) means "take the highest id"

    static CLIPTextConfig sd15();
    /// Parses a transformers text_encoder/config.json; throws atelier::Error.
    static CLIPTextConfig fromJson(const std::string& json);
};

} // namespace atelier::engine
