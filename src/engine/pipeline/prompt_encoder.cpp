// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/pipeline/prompt_encoder.h"

#include "engine/clip/prompt_weighting.h"

namespace atelier::engine {
namespace {

// One window through the text encoder with its token weights applied. [1, 77, D]
torch::Tensor encodeWindow(const StableDiffusionModel& model, const WeightedChunk& chunk, int clipSkip) {
    std::vector<std::int64_t> ids(chunk.tokens.ids.begin(), chunk.tokens.ids.end());
    const torch::Tensor idTensor = torch::tensor(ids, torch::kInt64).unsqueeze(0).to(model.device);
    torch::Tensor z = model.textEncoder->encode(idTensor, clipSkip);
    const std::vector<float> w(chunk.weights.begin(), chunk.weights.end());
    bool weighted = false;
    for (float v : w) weighted = weighted || v != 1.0f;
    if (!weighted) return z;
    const torch::Tensor weights = torch::tensor(w).to(model.device, z.scalar_type()).view({1, -1, 1});
    const torch::Tensor before = z.mean();
    z = z * weights;
    return z * (before / z.mean()); // keep the window's mean, as A1111 does
}

torch::Tensor encodeWindows(const StableDiffusionModel& model, const std::vector<WeightedChunk>& chunks, int clipSkip) {
    std::vector<torch::Tensor> parts;
    for (const WeightedChunk& c : chunks) parts.push_back(encodeWindow(model, c, clipSkip));
    return torch::cat(parts, 1);
}

} // namespace

PromptConditioning encodePrompts(const StableDiffusionModel& model, const std::string& prompt,
                                 const std::string& negativePrompt, int clipSkip) {
    torch::NoGradGuard noGrad;
    std::vector<WeightedChunk> cond = tokenizeWeighted(*model.tokenizer, prompt, model.padding);
    std::vector<WeightedChunk> uncond = tokenizeWeighted(*model.tokenizer, negativePrompt, model.padding);
    const std::vector<WeightedChunk> empty = tokenizeWeighted(*model.tokenizer, "", model.padding);
    while (cond.size() < uncond.size()) cond.push_back(empty.front());
    while (uncond.size() < cond.size()) uncond.push_back(empty.front());
    return {encodeWindows(model, cond, clipSkip), encodeWindows(model, uncond, clipSkip)};
}

} // namespace atelier::engine
