// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: the CLIP text transformer (Radford et al., "Learning
// Transferable Visual Models From Natural Language Supervision", 2021), as
// transformers' CLIPTextModel (modeling_clip.py) names its weights.
#pragma once

#include "engine/clip/clip_text_config.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace atelier::engine {

/// What one forward pass produces.
struct CLIPTextOutput {
    torch::Tensor lastHiddenState;          ///< [B, L, hidden]: final_layer_norm(last layer)
    torch::Tensor pooled;                   ///< [B, hidden]: lastHiddenState at the end-of-text token
    std::vector<torch::Tensor> hiddenStates; ///< embeddings, then each layer's output (numHiddenLayers + 1)
};

struct CLIPEncoderLayer;

/// CLIPTextModel: token + position embeddings, causal pre-LN transformer, final LayerNorm.
/// Registered under "text_model." exactly as transformers' state dict.
struct CLIPTextModel : torch::nn::Module {
    explicit CLIPTextModel(const CLIPTextConfig& config);

    /// ids [B, L] int64 with L <= maxPositionEmbeddings. No attention mask (as SD).
    CLIPTextOutput forward(const torch::Tensor& ids);

    /// The conditioning SD pipelines feed the UNet: lastHiddenState for clipSkip 0,
    /// else final_layer_norm(hiddenStates[-1 - clipSkip]) (diffusers' clip_skip).
    torch::Tensor encode(const torch::Tensor& ids, int clipSkip = 0);

    const CLIPTextConfig& config() const { return m_config; }

    CLIPTextConfig m_config;
    std::shared_ptr<torch::nn::Module> text_model;
    torch::nn::Embedding token_embedding{nullptr}, position_embedding{nullptr};
    torch::nn::ModuleList layers{nullptr};
    torch::nn::LayerNorm final_layer_norm{nullptr};
};

} // namespace atelier::engine
