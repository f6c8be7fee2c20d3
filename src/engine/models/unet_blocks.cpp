// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/models/unet_blocks.h"

namespace atelier::engine {
namespace {

std::shared_ptr<Transformer2DModel> transformer(int channels, int heads, const UNetBlockOptions& o) {
    return std::make_shared<Transformer2DModel>(channels, heads, o.contextDim, o.groups, o.transformerLayers,
                                                o.linearProjection);
}

} // namespace

DownBlock::DownBlock(int in, int out, int layers, int heads, bool downsample, int downsamplePadding,
                     const UNetBlockOptions& o) {
    resnets = register_module("resnets", torch::nn::ModuleList());
    if (heads > 0) attentions = register_module("attentions", torch::nn::ModuleList());
    for (int i = 0; i < layers; ++i) {
        resnets->push_back(std::make_shared<ResnetBlock2D>(i == 0 ? in : out, out, o.tembChannels, o.groups, o.eps));
        if (heads > 0) attentions->push_back(transformer(out, heads, o));
    }
    if (downsample) {
        downsamplers = register_module("downsamplers", torch::nn::ModuleList());
        downsamplers->push_back(std::make_shared<Downsample2D>(out, downsamplePadding));
    }
}

torch::Tensor DownBlock::forward(torch::Tensor h, const torch::Tensor& temb, const torch::Tensor& context,
                                 std::vector<torch::Tensor>& skips) {
    for (std::size_t i = 0; i < resnets->size(); ++i) {
        h = resnets[i]->as<ResnetBlock2D>()->forward(h, temb);
        if (attentions) h = attentions[i]->as<Transformer2DModel>()->forward(h, context);
        skips.push_back(h);
    }
    if (downsamplers) {
        h = downsamplers[0]->as<Downsample2D>()->forward(h);
        skips.push_back(h);
    }
    return h;
}

MidBlockCrossAttn::MidBlockCrossAttn(int channels, int heads, const UNetBlockOptions& o) {
    resnets = register_module("resnets", torch::nn::ModuleList());
    attentions = register_module("attentions", torch::nn::ModuleList());
    resnets->push_back(std::make_shared<ResnetBlock2D>(channels, channels, o.tembChannels, o.groups, o.eps));
    attentions->push_back(transformer(channels, heads, o));
    resnets->push_back(std::make_shared<ResnetBlock2D>(channels, channels, o.tembChannels, o.groups, o.eps));
}

torch::Tensor MidBlockCrossAttn::forward(torch::Tensor h, const torch::Tensor& temb, const torch::Tensor& context) {
    h = resnets[0]->as<ResnetBlock2D>()->forward(h, temb);
    for (std::size_t i = 0; i < attentions->size(); ++i) {
        h = attentions[i]->as<Transformer2DModel>()->forward(h, context);
        h = resnets[i + 1]->as<ResnetBlock2D>()->forward(h, temb);
    }
    return h;
}

UpBlock::UpBlock(int in, int out, int prevOut, int layers, int heads, bool upsample, const UNetBlockOptions& o) {
    resnets = register_module("resnets", torch::nn::ModuleList());
    if (heads > 0) attentions = register_module("attentions", torch::nn::ModuleList());
    for (int i = 0; i < layers; ++i) {
        const int skipChannels = (i == layers - 1) ? in : out;
        const int resnetIn = (i == 0) ? prevOut : out;
        resnets->push_back(std::make_shared<ResnetBlock2D>(resnetIn + skipChannels, out, o.tembChannels, o.groups, o.eps));
        if (heads > 0) attentions->push_back(transformer(out, heads, o));
    }
    if (upsample) {
        upsamplers = register_module("upsamplers", torch::nn::ModuleList());
        upsamplers->push_back(std::make_shared<Upsample2D>(out));
    }
}

torch::Tensor UpBlock::forward(torch::Tensor h, const torch::Tensor& temb, const torch::Tensor& context,
                               std::vector<torch::Tensor>& skips, std::optional<std::vector<int64_t>> upsampleSize) {
    for (std::size_t i = 0; i < resnets->size(); ++i) {
        h = torch::cat({h, skips.back()}, 1);
        skips.pop_back();
        h = resnets[i]->as<ResnetBlock2D>()->forward(h, temb);
        if (attentions) h = attentions[i]->as<Transformer2DModel>()->forward(h, context);
    }
    if (upsamplers) h = upsamplers[0]->as<Upsample2D>()->forward(h, upsampleSize);
    return h;
}

} // namespace atelier::engine
