// SPDX-License-Identifier: GPL-3.0-or-later
// Quality of a fill against the known truth under the mask: PSNR, SSIM and a seam measure.
#pragma once

#include <opencv2/core.hpp>

namespace atelier::bench {

/// How close a fill is to the pixels that were really under the mask.
struct FillQuality {
    double psnr = 0.0; ///< dB over the masked pixels' RGB values (8-bit peak 255); higher is better
    double ssim = 0.0; ///< mean SSIM over the masked pixels (luma; Wang et al., IEEE TIP 2004: 11x11 Gaussian window, sigma 1.5)
    /// Seam: how far the gradient profile across the mask boundary departs from the photo's. For each
    /// one-pixel ring at signed distance d from the boundary (4 rings outside, 10 inside: the feather
    /// and beyond), the mean Sobel magnitude of the luma; the figure is the mean absolute difference of
    /// the result's profile from the truth's, over the truth's mean. 0 = the boundary looks like the
    /// photo; an outline the photo does not have raises it, and so does texture that turns to blur
    /// inside the mask. Lower is better. It needs no pixel alignment, so a different but plausible
    /// texture is not penalised the way PSNR penalises it.
    double seam = 0.0;
};

/// Measures `result` (CV_8UC3) against `truth` (CV_8UC3) where `mask`
/// (CV_8UC1, non-zero = filled) is set.
FillQuality measureFill(const cv::Mat& result, const cv::Mat& truth, const cv::Mat& mask);

} // namespace atelier::bench
