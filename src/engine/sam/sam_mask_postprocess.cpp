// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sam/sam_mask_postprocess.h"

#include "core/error.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <string>

namespace atelier::engine {

MaskA8 samBinaryMask(const float* lowRes, int side, Size resized, Size original, int imgSize) {
    if (side <= 0 || imgSize <= 0 || resized.width <= 0 || resized.height <= 0 || original.width <= 0 ||
        original.height <= 0 || resized.width > imgSize || resized.height > imgSize) {
        throw Error("SAM mask post-processing: a " + std::to_string(resized.width) + "x" +
                    std::to_string(resized.height) + " input does not fit the model's " + std::to_string(imgSize) +
                    " side");
    }
    const cv::Mat low(side, side, CV_32FC1, const_cast<float*>(lowRes));
    cv::Mat input;
    cv::resize(low, input, cv::Size(imgSize, imgSize), 0.0, 0.0, cv::INTER_LINEAR);
    cv::Mat logits = input(cv::Rect(0, 0, resized.width, resized.height));
    if (resized != original) {
        cv::Mat scaled;
        cv::resize(logits, scaled, cv::Size(original.width, original.height), 0.0, 0.0, cv::INTER_LINEAR);
        logits = scaled;
    }
    MaskA8 mask(original.width, original.height);
    cv::Mat values(original.height, original.width, CV_8UC1, mask.values.data());
    cv::Mat binary = values; // compare() writes into mask.values: same size and type
    cv::compare(logits, 0.0, binary, cv::CMP_GT); // 255 where true
    if (binary.data != values.data) binary.copyTo(values);
    return mask;
}

} // namespace atelier::engine
