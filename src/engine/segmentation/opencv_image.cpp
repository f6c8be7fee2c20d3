// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/segmentation/opencv_image.h"

#include <opencv2/imgproc.hpp>

namespace atelier::engine {

cv::Mat toColourMat(const ImageRGBA8& image, bool rgb) {
    const cv::Mat rgba(image.height, image.width, CV_8UC4, const_cast<std::uint8_t*>(image.pixels.data()));
    cv::Mat colour;
    cv::cvtColor(rgba, colour, rgb ? cv::COLOR_RGBA2RGB : cv::COLOR_RGBA2BGR);
    return colour;
}

MaskA8 toMask(const cv::Mat& values) {
    CV_Assert(values.type() == CV_8UC1);
    MaskA8 mask(values.cols, values.rows);
    cv::Mat view(values.rows, values.cols, CV_8UC1, mask.values.data());
    values.copyTo(view);
    return mask;
}

} // namespace atelier::engine
