// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/pipeline/image_tensor.h"

#include <opencv2/imgproc.hpp>

#include <cstring>

namespace atelier::engine {
namespace {

cv::Mat resized(const cv::Mat& src, Size size) {
    if (src.cols == size.width && src.rows == size.height) return src.clone();
    const bool shrinking = size.width < src.cols && size.height < src.rows;
    cv::Mat out;
    cv::resize(src, out, cv::Size(size.width, size.height), 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_CUBIC);
    return out;
}

} // namespace

torch::Tensor imageToTensor(const ImageRGBA8& image, const Rect& crop, Size size) {
    const cv::Mat rgba(image.height, image.width, CV_8UC4, const_cast<std::uint8_t*>(image.pixels.data()));
    cv::Mat rgb;
    cv::cvtColor(rgba(cv::Rect(crop.x, crop.y, crop.width, crop.height)), rgb, cv::COLOR_RGBA2RGB);
    rgb = resized(rgb, size);
    cv::Mat f;
    rgb.convertTo(f, CV_32FC3, 2.0 / 255.0, -1.0);
    return torch::from_blob(f.data, {1, size.height, size.width, 3}, torch::kFloat32).permute({0, 3, 1, 2}).clone();
}

torch::Tensor maskToTensor(const MaskA8& mask, const Rect& crop, Size size) {
    const cv::Mat m(mask.height, mask.width, CV_8UC1, const_cast<std::uint8_t*>(mask.values.data()));
    cv::Mat f;
    resized(m(cv::Rect(crop.x, crop.y, crop.width, crop.height)), size).convertTo(f, CV_32F, 1.0 / 255.0);
    return torch::from_blob(f.data, {1, 1, size.height, size.width}, torch::kFloat32).clone();
}

ImageRGBA8 tensorToImage(const torch::Tensor& image, Size size) {
    const torch::Tensor t = ((image.detach().to(torch::kCPU, torch::kFloat32)[0].permute({1, 2, 0}) + 1.0) * 127.5)
                                .round()
                                .clamp(0, 255)
                                .to(torch::kUInt8)
                                .contiguous();
    const cv::Mat rgb(static_cast<int>(t.size(0)), static_cast<int>(t.size(1)), CV_8UC3, t.data_ptr<std::uint8_t>());
    const cv::Mat out = resized(rgb, size);
    ImageRGBA8 img(size.width, size.height);
    for (int y = 0; y < size.height; ++y) {
        const std::uint8_t* row = out.ptr<std::uint8_t>(y);
        for (int x = 0; x < size.width; ++x) {
            std::memcpy(img.pixel(x, y), row + 3 * x, 3);
            img.pixel(x, y)[3] = 255;
        }
    }
    return img;
}

} // namespace atelier::engine
