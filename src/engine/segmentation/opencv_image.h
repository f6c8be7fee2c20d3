// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: conversions between core images and OpenCV matrices for the segmenters.
#pragma once

#include "core/image.h"

#include <opencv2/core.hpp>

namespace atelier::engine {

/// The colour channels of `image` as a new 8-bit matrix, [H, W, 3], in RGB order
/// when `rgb` is true, else BGR (OpenCV's usual order). Alpha is dropped.
cv::Mat toColourMat(const ImageRGBA8& image, bool rgb);

/// A copy of an 8-bit single-channel matrix as a mask.
MaskA8 toMask(const cv::Mat& values);

} // namespace atelier::engine
