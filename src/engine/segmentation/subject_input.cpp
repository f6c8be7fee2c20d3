// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/segmentation/subject_input.h"

#include "engine/segmentation/opencv_image.h"

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

namespace atelier::engine {

cv::Mat subjectInputBlob(const ImageRGBA8& image, int side) {
    const cv::Mat rgb = toColourMat(image, /*rgb=*/true);
    // blobFromImage computes (x - mean) * scale: (x - 128) / 256, channels kept in R, G, B order.
    return cv::dnn::blobFromImage(rgb, 1.0 / 256.0, cv::Size(side, side), cv::Scalar(128, 128, 128),
                                  /*swapRB=*/false, /*crop=*/false, CV_32F);
}

MaskA8 subjectMaskFromProbabilities(const cv::Mat& probability, Size size, const SubjectOptions& options) {
    cv::Mat resized;
    cv::resize(probability, resized, cv::Size(size.width, size.height), 0, 0, cv::INTER_LINEAR);
    cv::Mat values;
    if (options.soft) {
        resized.convertTo(values, CV_8U, 255.0); // rounds, saturates outside 0..1
    } else {
        values = resized >= options.threshold; // 255 where true
    }
    return toMask(values);
}

} // namespace atelier::engine
