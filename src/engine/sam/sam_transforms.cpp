// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sam/sam_transforms.h"

#include <algorithm>

namespace F = torch::nn::functional;

namespace atelier::engine {
namespace {

torch::Tensor bilinear(const torch::Tensor& x, Size size, bool antialias) {
    return F::interpolate(x, F::InterpolateFuncOptions()
                                 .size(std::vector<std::int64_t>{size.height, size.width})
                                 .mode(torch::kBilinear)
                                 .align_corners(false)
                                 .antialias(antialias));
}

} // namespace

Size samPreprocessSize(Size original, int longSide) {
    const double scale = static_cast<double>(longSide) / std::max(original.width, original.height);
    return {static_cast<int>(original.width * scale + 0.5), static_cast<int>(original.height * scale + 0.5)};
}

torch::Tensor samResizeImage(const torch::Tensor& image, int longSide) {
    const Size target = samPreprocessSize({static_cast<int>(image.size(3)), static_cast<int>(image.size(2))}, longSide);
    return bilinear(image, target, true);
}

torch::Tensor samResizeImage(const ImageRGBA8& image, int longSide) {
    const torch::Tensor rgba = torch::from_blob(const_cast<std::uint8_t*>(image.pixels.data()),
                                                {image.height, image.width, 4}, torch::kUInt8);
    std::vector<torch::Tensor> channels;
    for (int c = 0; c < 3; ++c) {
        channels.push_back(samResizeImage(rgba.select(2, c).to(torch::kFloat32).view({1, 1, image.height, image.width}), longSide));
    }
    return torch::cat(channels, 1); // [1, 3, h, w]
}

torch::Tensor samApplyCoords(const torch::Tensor& coords, Size original, int longSide) {
    const Size target = samPreprocessSize(original, longSide);
    torch::Tensor out = coords.to(torch::kFloat32).clone();
    out.select(-1, 0).mul_(static_cast<double>(target.width) / original.width);
    out.select(-1, 1).mul_(static_cast<double>(target.height) / original.height);
    return out;
}

torch::Tensor samApplyBoxes(const torch::Tensor& boxes, Size original, int longSide) {
    return samApplyCoords(boxes.reshape({-1, 2, 2}), original, longSide).reshape({-1, 4});
}

torch::Tensor samPreprocess(const torch::Tensor& resized, int imgSize) {
    const auto opts = resized.options();
    const torch::Tensor mean = torch::tensor({123.675, 116.28, 103.53}, opts).view({1, 3, 1, 1});
    const torch::Tensor std = torch::tensor({58.395, 57.12, 57.375}, opts).view({1, 3, 1, 1});
    const torch::Tensor x = (resized - mean) / std;
    const std::int64_t padH = imgSize - x.size(2), padW = imgSize - x.size(3);
    return F::pad(x, F::PadFuncOptions({0, padW, 0, padH}));
}

torch::Tensor samPostprocessMasks(const torch::Tensor& lowRes, Size resized, Size original, int imgSize) {
    torch::Tensor masks = bilinear(lowRes, {imgSize, imgSize}, false);
    masks = masks.narrow(2, 0, resized.height).narrow(3, 0, resized.width);
    return bilinear(masks, original, false);
}

} // namespace atelier::engine
