// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sam/sam_prompt_encoder.h"

#include "engine/sam/sam_common.h"

#include <cmath>

namespace atelier::engine {

SamPositionEmbeddingRandomImpl::SamPositionEmbeddingRandomImpl(int numPosFeats) {
    positional_encoding_gaussian_matrix = register_buffer("positional_encoding_gaussian_matrix", torch::zeros({2, numPosFeats}));
}

torch::Tensor SamPositionEmbeddingRandomImpl::encode(const torch::Tensor& coords01) {
    torch::Tensor c = 2 * coords01 - 1;
    c = torch::matmul(c, positional_encoding_gaussian_matrix);
    c = 2 * M_PI * c;
    return torch::cat({torch::sin(c), torch::cos(c)}, -1);
}

torch::Tensor SamPositionEmbeddingRandomImpl::forwardGrid(int h, int w) {
    const auto opts = positional_encoding_gaussian_matrix.options();
    const torch::Tensor grid = torch::ones({h, w}, opts);
    const torch::Tensor y = (grid.cumsum(0) - 0.5) / h; // cell centres in [0, 1]
    const torch::Tensor x = (grid.cumsum(1) - 0.5) / w;
    return encode(torch::stack({x, y}, -1)).permute({2, 0, 1}); // [2F, h, w]
}

torch::Tensor SamPositionEmbeddingRandomImpl::forwardWithCoords(const torch::Tensor& coords, int imageH, int imageW) {
    torch::Tensor c = coords.clone().to(torch::kFloat32);
    c.select(-1, 0).div_(imageW);
    c.select(-1, 1).div_(imageH);
    return encode(c);
}

SamPromptEncoderImpl::SamPromptEncoderImpl(const SamPromptEncoderConfig& config) : m_config(config) {
    const int dim = config.embedDim, maskIn = config.maskInChans;
    pe_layer = register_module("pe_layer", SamPositionEmbeddingRandom(dim / 2));
    point_embeddings = register_module("point_embeddings", torch::nn::ModuleList());
    for (int i = 0; i < 4; ++i) point_embeddings->push_back(torch::nn::Embedding(1, dim));
    not_a_point_embed = register_module("not_a_point_embed", torch::nn::Embedding(1, dim));
    mask_downscaling = register_module("mask_downscaling", torch::nn::Sequential(
        torch::nn::Conv2d(torch::nn::Conv2dOptions(1, maskIn / 4, 2).stride(2)),
        SamLayerNorm2d(maskIn / 4),
        torch::nn::GELU(),
        torch::nn::Conv2d(torch::nn::Conv2dOptions(maskIn / 4, maskIn, 2).stride(2)),
        SamLayerNorm2d(maskIn),
        torch::nn::GELU(),
        torch::nn::Conv2d(torch::nn::Conv2dOptions(maskIn, dim, 1))));
    no_mask_embed = register_module("no_mask_embed", torch::nn::Embedding(1, dim));
}

torch::Tensor SamPromptEncoderImpl::pointWeight(int i) {
    return point_embeddings[i]->as<torch::nn::Embedding>()->weight; // [1, C]
}

torch::Tensor SamPromptEncoderImpl::embedPoints(const torch::Tensor& coordsIn, const torch::Tensor& labelsIn, bool pad) {
    torch::Tensor coords = coordsIn.to(torch::kFloat32) + 0.5; // to the pixel centre
    torch::Tensor labels = labelsIn.to(torch::kLong);
    if (pad) {
        const std::int64_t b = coords.size(0);
        coords = torch::cat({coords, torch::zeros({b, 1, 2}, coords.options())}, 1);
        labels = torch::cat({labels, -torch::ones({b, 1}, labels.options())}, 1);
    }
    const int side = m_config.inputImageSize;
    torch::Tensor e = pe_layer->forwardWithCoords(coords, side, side); // [B, N, C]
    const auto is = [&labels](int value) { return (labels == value).unsqueeze(-1); };
    e = torch::where(is(-1), not_a_point_embed->weight.expand_as(e), e);
    e = torch::where(is(0), e + pointWeight(0), e);
    e = torch::where(is(1), e + pointWeight(1), e);
    return e;
}

torch::Tensor SamPromptEncoderImpl::embedBoxes(const torch::Tensor& boxes) {
    const torch::Tensor corners = (boxes.to(torch::kFloat32) + 0.5).reshape({-1, 2, 2});
    const int side = m_config.inputImageSize;
    const torch::Tensor e = pe_layer->forwardWithCoords(corners, side, side); // [B, 2, C]
    return e + torch::cat({pointWeight(2), pointWeight(3)}, 0).unsqueeze(0);
}

std::pair<torch::Tensor, torch::Tensor> SamPromptEncoderImpl::forward(const torch::Tensor& pointCoords,
                                                                      const torch::Tensor& pointLabels,
                                                                      const torch::Tensor& boxes,
                                                                      const torch::Tensor& masks) {
    std::int64_t b = 1;
    if (pointCoords.defined()) b = pointCoords.size(0);
    else if (boxes.defined()) b = boxes.size(0);
    else if (masks.defined()) b = masks.size(0);
    const torch::Tensor weight = no_mask_embed->weight;
    torch::Tensor sparse = torch::empty({b, 0, m_config.embedDim}, weight.options());
    if (pointCoords.defined()) sparse = torch::cat({sparse, embedPoints(pointCoords, pointLabels, !boxes.defined())}, 1);
    if (boxes.defined()) sparse = torch::cat({sparse, embedBoxes(boxes)}, 1);
    torch::Tensor dense;
    if (masks.defined()) {
        dense = mask_downscaling->forward(masks.to(torch::kFloat32));
    } else {
        const int g = m_config.imageEmbeddingSize;
        dense = weight.reshape({1, -1, 1, 1}).expand({b, -1, g, g});
    }
    return {sparse, dense};
}

torch::Tensor SamPromptEncoderImpl::getDensePe() {
    const int g = m_config.imageEmbeddingSize;
    return pe_layer->forwardGrid(g, g).unsqueeze(0);
}

} // namespace atelier::engine
