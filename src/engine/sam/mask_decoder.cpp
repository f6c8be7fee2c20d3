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

// ConvTranspose2d with kernel 2 and stride 2 (the output patches do not
// overlap) as one GEMM: tokens [B, H*W, Cin] x weight [Cin, Cout*2*2], then
// each token's 2x2 patch is put in place. Same result as the convolution
// (torch runs that one through its slow reference kernel on the CPU), about 3x faster here.
torch::Tensor upscale2x(const torch::Tensor& tokens, std::int64_t h, std::int64_t w,
                        const torch::nn::ConvTranspose2d& conv) {
    const torch::Tensor& weight = conv->weight; // [Cin, Cout, 2, 2]
    const std::int64_t b = tokens.size(0), cin = weight.size(0), cout = weight.size(1);
    torch::Tensor patches = torch::matmul(tokens, weight.reshape({cin, cout * 4})); // [B, H*W, Cout*4]
    patches = patches.view({b, h, w, cout, 2, 2}).permute({0, 3, 1, 4, 2, 5}).reshape({b, cout, 2 * h, 2 * w});
    if (conv->bias.defined()) patches.add_(conv->bias.view({1, cout, 1, 1}));
    return patches;
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

SamDecoderOutput SamMaskDecoderImpl::forward(const torch::Tensor& imageEmbeddings, const torch::Tensor& imagePe,
                                             const torch::Tensor& sparse, const torch::Tensor& dense, bool multimask) {
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
    std::tie(out.transformerQueries, out.transformerKeys) = transformer->forward(src, posSrc, tokens);
    const torch::Tensor iouTokenOut = out.transformerQueries.select(1, 0);                // [B, C]
    const torch::Tensor maskTokensOut = out.transformerQueries.narrow(1, 1, numTokens);   // [B, T, C]

    // output_upscaling: ConvTranspose2d, LayerNorm2d, GELU, ConvTranspose2d, GELU (each transposed
    // convolution as one GEMM on tokens, see upscale2x()).
    const auto convAt = [this](std::size_t i) {
        return torch::nn::ConvTranspose2d(std::dynamic_pointer_cast<torch::nn::ConvTranspose2dImpl>(output_upscaling->ptr(i)));
    };
    torch::Tensor upscaled = upscale2x(out.transformerKeys, h, w, convAt(0));
    upscaled = torch::gelu(output_upscaling->ptr(1)->as<SamLayerNorm2dImpl>()->forward(upscaled));
    upscaled = torch::gelu(upscale2x(upscaled.flatten(2).transpose(1, 2), 2 * h, 2 * w, convAt(3)));
    std::vector<torch::Tensor> hyper;
    for (std::int64_t i = 0; i < numTokens; ++i) hyper.push_back(m_hypernetworks[i]->forward(maskTokensOut.select(1, i)));
    const torch::Tensor hyperIn = torch::stack(hyper, 1); // [B, T, C/8]
    const std::int64_t uc = upscaled.size(1), uh = upscaled.size(2), uw = upscaled.size(3);
    const torch::Tensor masks = torch::matmul(hyperIn, upscaled.view({b, uc, uh * uw})).view({b, -1, uh, uw});
    const torch::Tensor iou = iou_prediction_head->forward(iouTokenOut);

    const std::int64_t first = multimask ? 1 : 0, count = multimask ? numTokens - 1 : 1;
    out.lowResMasks = masks.narrow(1, first, count);
    out.iouPredictions = iou.narrow(1, first, count);
    return out;
}

} // namespace atelier::engine
