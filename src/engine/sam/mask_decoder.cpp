// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sam/mask_decoder.h"

#include "engine/sam/sam_common.h"

namespace atelier::engine {

SamMLPImpl::SamMLPImpl(int inputDim, int hiddenDim, int outputDim, int numLayers) {
    layers = register_module("layers", torch::nn::ModuleList());
    for (int i = 0; i < numLayers; ++i) {
        const int in = i == 0 ? inputDim : hiddenDim, out = i == numLayers - 1 ? outputDim : hiddenDim;
        m_layers.push_back(torch::nn::Linear(in, out));
        layers->push_back(m_layers.back());
    }
}

torch::Tensor SamMLPImpl::forward(torch::Tensor x) {
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        x = m_layers[i]->forward(x);
        if (i + 1 < m_layers.size()) x = torch::relu(x);
    }
    return x;
}

namespace {

// ConvTranspose2d with kernel 2 and stride 2 on tokens (the output patches do
// not overlap): one GEMM [B, H*W, Cin] x [Cin, 2*2*Cout] with the weight's
// columns ordered (ky, kx, c), so each token's row is its 2x2 patch,
// channels last: [B, H, W, 2, 2, Cout]. Same result as the convolution (which
// torch runs through a slow reference kernel on the CPU).
torch::Tensor convTranspose2x2Patches(const torch::Tensor& tokens, const torch::nn::ConvTranspose2d& conv) {
    const torch::Tensor& weight = conv->weight; // [Cin, Cout, 2, 2]
    const std::int64_t cin = weight.size(0), cout = weight.size(1);
    const torch::Tensor w = weight.permute({0, 2, 3, 1}).reshape({cin, 4 * cout});
    if (!conv->bias.defined()) return torch::matmul(tokens, w);
    return torch::matmul(tokens, w).add_(conv->bias.repeat({4}));
}

// [B, H, W, 2, 2, C] patches -> [B, 2H * 2W, C] tokens in raster order.
torch::Tensor patchesToTokens(const torch::Tensor& patches, std::int64_t h, std::int64_t w) {
    const std::int64_t b = patches.size(0), c = patches.size(-1) / 4;
    return patches.view({b, h, w, 2, 2, c}).permute({0, 1, 3, 2, 4, 5}).reshape({b, 4 * h * w, c});
}

} // namespace

SamMaskDecoderImpl::SamMaskDecoderImpl(const SamMaskDecoderConfig& config) : m_config(config) {
    const int dim = config.transformerDim, tokens = config.numMultimaskOutputs + 1;
    transformer = register_module("transformer", SamTwoWayTransformer(config.depth, dim, config.numHeads, config.mlpDim,
                                                                      config.attentionDownsampleRate));
    iou_token = register_module("iou_token", torch::nn::Embedding(1, dim));
    mask_tokens = register_module("mask_tokens", torch::nn::Embedding(tokens, dim));
    output_upscaling = register_module("output_upscaling", torch::nn::Sequential(
        torch::nn::ConvTranspose2d(torch::nn::ConvTranspose2dOptions(dim, dim / 4, 2).stride(2)),
        SamLayerNorm2d(dim / 4),
        torch::nn::GELU(),
        torch::nn::ConvTranspose2d(torch::nn::ConvTranspose2dOptions(dim / 4, dim / 8, 2).stride(2)),
        torch::nn::GELU()));
    output_hypernetworks_mlps = register_module("output_hypernetworks_mlps", torch::nn::ModuleList());
    for (int i = 0; i < tokens; ++i) {
        m_hypernetworks.push_back(SamMLP(dim, dim, dim / 8, 3));
        output_hypernetworks_mlps->push_back(m_hypernetworks.back());
    }
    iou_prediction_head = register_module("iou_prediction_head",
                                          SamMLP(dim, config.iouHeadHiddenDim, tokens, config.iouHeadDepth));
}

SamFirstLayerCache SamMaskDecoderImpl::firstLayerCache(const torch::Tensor& imageEmbedding, const torch::Tensor& imagePe,
                                                       const torch::Tensor& dense) {
    return transformer->firstLayerCache(imageEmbedding + dense, imagePe);
}

SamDecoderOutput SamMaskDecoderImpl::forward(const torch::Tensor& imageEmbeddings, const torch::Tensor& imagePe,
                                             const torch::Tensor& sparse, const torch::Tensor& dense, bool multimask) {
    return forward(imageEmbeddings, imagePe, sparse, dense, multimask ? SamMaskOutputs::Multimask : SamMaskOutputs::Single);
}

SamDecoderOutput SamMaskDecoderImpl::forward(const torch::Tensor& imageEmbeddings, const torch::Tensor& imagePe,
                                             const torch::Tensor& sparse, const torch::Tensor& dense,
                                             SamMaskOutputs outputs, const SamFirstLayerCache* cache) {
    const std::int64_t b = sparse.size(0), numTokens = m_config.numMultimaskOutputs + 1;
    // [1 + tokens, C] -> [B, 1 + tokens + N, C]
    const torch::Tensor outputTokens = torch::cat({iou_token->weight, mask_tokens->weight}, 0).unsqueeze(0).expand({b, -1, -1});
    const torch::Tensor tokens = torch::cat({outputTokens, sparse}, 1);

    // One copy of the image embedding per prompt set (repeat_interleave when one embedding serves B prompts).
    const torch::Tensor image = imageEmbeddings.size(0) == b ? imageEmbeddings
                                                              : imageEmbeddings.repeat_interleave(b / imageEmbeddings.size(0), 0);
    const torch::Tensor src = image + dense;
    const torch::Tensor posSrc = imagePe.size(0) == b ? imagePe : imagePe.repeat_interleave(b / imagePe.size(0), 0);
    const std::int64_t h = src.size(2), w = src.size(3);

    SamDecoderOutput out;
    std::tie(out.transformerQueries, out.transformerKeys) = transformer->forward(src, posSrc, tokens, cache);
    const torch::Tensor iouTokenOut = out.transformerQueries.select(1, 0);                // [B, C]
    const torch::Tensor maskTokensOut = out.transformerQueries.narrow(1, 1, numTokens);   // [B, T, C]

    // output_upscaling (ConvTranspose2d, LayerNorm2d, GELU, ConvTranspose2d, GELU) on channels-last
    // tokens, where the LayerNorm2d is a plain layer norm over the last dimension.
    const auto module = [this](std::size_t i) { return output_upscaling->ptr(i); };
    const auto conv = [&module](std::size_t i) {
        return torch::nn::ConvTranspose2d(std::dynamic_pointer_cast<torch::nn::ConvTranspose2dImpl>(module(i)));
    };
    const auto* norm = module(1)->as<SamLayerNorm2dImpl>();
    torch::Tensor upscaled = patchesToTokens(convTranspose2x2Patches(out.transformerKeys, conv(0)), h, w);
    upscaled = torch::layer_norm(upscaled, {upscaled.size(-1)}, norm->weight, norm->bias, norm->eps());
    upscaled = torch::gelu(convTranspose2x2Patches(torch::gelu(upscaled), conv(3))); // [B, 2h*2w, 2*2*C/8]

    // Only the hypernetworks of the masks returned.
    const std::int64_t first = outputs == SamMaskOutputs::Multimask ? 1 : 0;
    const std::int64_t count = outputs == SamMaskOutputs::Single ? 1 : numTokens - first;
    std::vector<torch::Tensor> hyper;
    for (std::int64_t i = first; i < first + count; ++i) {
        hyper.push_back(m_hypernetworks[static_cast<std::size_t>(i)]->forward(maskTokensOut.select(1, i)));
    }
    const torch::Tensor hyperIn = torch::stack(hyper, 2); // [B, C/8, M]
    const std::int64_t uc = hyperIn.size(1);
    // Every output pixel's features times each mask's weights, then back to [B, M, 4h, 4w].
    const torch::Tensor masks = torch::matmul(upscaled.view({b, -1, uc}), hyperIn)
                                    .view({b, 2 * h, 2 * w, 2, 2, count})
                                    .permute({0, 5, 1, 3, 2, 4})
                                    .reshape({b, count, 4 * h, 4 * w});
    const torch::Tensor iou = iou_prediction_head->forward(iouTokenOut);

    out.lowResMasks = masks;
    out.iouPredictions = iou.narrow(1, first, count);
    return out;
}

} // namespace atelier::engine
