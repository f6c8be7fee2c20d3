// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: prompts to text-encoder conditioning.
#pragma once

#include "engine/pipeline/stable_diffusion_model.h"

#include <torch/torch.h>

#include <string>

namespace atelier::engine {

/// Conditioning for classifier-free guidance (Ho & Salimans, 2022).
struct PromptConditioning {
    torch::Tensor cond;   ///< [1, 77 * k, D]: the prompt
    torch::Tensor uncond; ///< [1, 77 * k, D]: the negative prompt (or the empty prompt)
};

/// Encodes a prompt and a negative prompt the way AUTOMATIC1111 does: the
/// emphasis syntax `(word:1.3)`, `(word)`, `[word]` sets per-token weights;
/// prompts longer than 75 tokens are cut into 77-token windows, each encoded
/// on its own and concatenated; both sides are padded to the same number of
/// windows with empty ones. Weighted embeddings are z * w, rescaled so each
/// window keeps its original mean. `clipSkip` > 0 takes an earlier layer
/// through the final LayerNorm. Runs on the model's device and dtype.
PromptConditioning encodePrompts(const StableDiffusionModel& model, const std::string& prompt,
                                 const std::string& negativePrompt, int clipSkip = 0);

} // namespace atelier::engine
