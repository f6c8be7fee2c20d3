// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (uses torch): Segment Anything's prompt encoder (modeling/prompt_encoder.py).
#pragma once

#include "engine/sam/sam_config.h"

#include <torch/torch.h>

#include <utility>
#include <vector>

namespace atelier::engine {

/// Random Fourier features of positions (Tancik et al. 2020): buffer
/// positional_encoding_gaussian_matrix [2, numPosFeats]; encodings are
/// [sin, cos] of 2 pi (2 p - 1) G, so 2 * numPosFeats wide.
class SamPositionEmbeddingRandomImpl : public torch::nn::Module {
public:
    explicit SamPositionEmbeddingRandomImpl(int numPosFeats);
    /// The encoding of every cell centre of an h x w grid -> [2F, h, w].
    torch::Tensor forwardGrid(int h, int w);
    /// Pixel coordinates [B, N, 2] (x, y) of an image of `imageH` x `imageW` -> [B, N, 2F].
    torch::Tensor forwardWithCoords(const torch::Tensor& coords, int imageH, int imageW);

    torch::Tensor positional_encoding_gaussian_matrix;

private:
    torch::Tensor encode(const torch::Tensor& coords01); // [..., 2] in [0, 1] -> [..., 2F]
};
TORCH_MODULE(SamPositionEmbeddingRandom);

/// Segment Anything's PromptEncoder: sparse tokens for points and box corners,
/// a dense embedding from a low-res mask (or no_mask_embed), and the dense
/// positional encoding of the image embedding grid. Names equal segment_anything's under "prompt_encoder.".
class SamPromptEncoderImpl : public torch::nn::Module {
public:
    explicit SamPromptEncoderImpl(const SamPromptEncoderConfig& config);

    /// Sparse [B, N, C] and dense [B, C, g, g] embeddings. Every input is optional (undefined = absent):
    /// pointCoords [B, N, 2] float32 in model-input pixels (ResizeLongestSide applied; 0.5 is added here),
    /// pointLabels [B, N] int64 (1 foreground, 0 background, -1 padding), boxes [B, 4] (x0, y0, x1, y1)
    /// in model-input pixels, masks [B, 1, 4g, 4g] low-res logits. Without a box, a padding point is
    /// appended to the points, as SAM does.
    std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor& pointCoords, const torch::Tensor& pointLabels,
                                                    const torch::Tensor& boxes, const torch::Tensor& masks);
    /// The positional encoding of the image embedding grid -> [1, C, g, g].
    torch::Tensor getDensePe();

    const SamPromptEncoderConfig& config() const { return m_config; }

    SamPositionEmbeddingRandom pe_layer{nullptr};
    torch::nn::ModuleList point_embeddings{nullptr}; ///< 4 x Embedding(1, C): negative, positive, box corner 1, 2
    torch::nn::Embedding not_a_point_embed{nullptr};
    torch::nn::Sequential mask_downscaling{nullptr};
    torch::nn::Embedding no_mask_embed{nullptr};

private:
    torch::Tensor pointWeight(int i);
    torch::Tensor embedPoints(const torch::Tensor& coords, const torch::Tensor& labels, bool pad);
    torch::Tensor embedBoxes(const torch::Tensor& boxes);

    SamPromptEncoderConfig m_config;
};
TORCH_MODULE(SamPromptEncoder);

} // namespace atelier::engine
