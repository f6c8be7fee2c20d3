// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (uses torch): SAM's mask decoder (modeling/mask_decoder.py).
#pragma once

#include "engine/sam/sam_config.h"
#include "engine/sam/sam_segmenter.h"
#include "engine/sam/two_way_transformer.h"

#include <torch/torch.h>

#include <vector>

namespace atelier::engine {

/// mask_decoder.py MLP: `layers.N` Linear layers, ReLU between them.
class SamMLPImpl : public torch::nn::Module {
public:
    SamMLPImpl(int inputDim, int hiddenDim, int outputDim, int numLayers);
    torch::Tensor forward(torch::Tensor x);

    torch::nn::ModuleList layers{nullptr};

private:
    std::vector<torch::nn::Linear> m_layers;
};
TORCH_MODULE(SamMLP);

/// What the mask decoder returns (B = prompt sets; M = 1, 3 or 4, see SamMaskOutputs).
struct SamDecoderOutput {
    torch::Tensor lowResMasks;        ///< [B, M, 4g, 4g] mask logits
    torch::Tensor iouPredictions;     ///< [B, M]
    torch::Tensor transformerQueries; ///< [B, 1 + tokens + N, C] (for checks against the reference)
    torch::Tensor transformerKeys;    ///< [B, g*g, C]
};

/// Segment Anything's MaskDecoder: the IoU and mask tokens with the sparse
/// prompt tokens through the two-way transformer, the image embedding upscaled
/// 4x (output_upscaling), one hypernetwork MLP per mask token, and the IoU head.
/// Names equal segment_anything's under "mask_decoder.".
class SamMaskDecoderImpl : public torch::nn::Module {
public:
    explicit SamMaskDecoderImpl(const SamMaskDecoderConfig& config);
    /// imageEmbeddings [1 or B, C, g, g], imagePe [1, C, g, g], sparse [B, N, C],
    /// dense [B, C, g, g]. multimask: tokens 1..3 (ambiguity-aware); else token 0.
    SamDecoderOutput forward(const torch::Tensor& imageEmbeddings, const torch::Tensor& imagePe,
                             const torch::Tensor& sparse, const torch::Tensor& dense, bool multimask);
    /// The same, returning the chosen outputs (All: tokens 0..3). `cache` (optional):
    /// firstLayerCache() of the same embedding, PE and dense prompt.
    SamDecoderOutput forward(const torch::Tensor& imageEmbeddings, const torch::Tensor& imagePe,
                             const torch::Tensor& sparse, const torch::Tensor& dense, SamMaskOutputs outputs,
                             const SamFirstLayerCache* cache = nullptr);
    /// The transformer's first-layer projections of imageEmbedding [1, C, g, g] + dense
    /// (the no-mask prompt, [1, C, 1, 1] or [1, C, g, g]) with imagePe [1, C, g, g].
    SamFirstLayerCache firstLayerCache(const torch::Tensor& imageEmbedding, const torch::Tensor& imagePe,
                                       const torch::Tensor& dense);

    const SamMaskDecoderConfig& config() const { return m_config; }

    SamTwoWayTransformer transformer{nullptr};
    torch::nn::Embedding iou_token{nullptr}, mask_tokens{nullptr};
    torch::nn::Sequential output_upscaling{nullptr};
    torch::nn::ModuleList output_hypernetworks_mlps{nullptr};
    SamMLP iou_prediction_head{nullptr};

private:
    SamMaskDecoderConfig m_config;
    std::vector<SamMLP> m_hypernetworks;
};
TORCH_MODULE(SamMaskDecoder);

} // namespace atelier::engine
