// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <opencv2/core.hpp>

#include <cstdint>

namespace atelier::engine {

/// Per-channel standard deviation (BGR, in 8-bit levels) of an image's
/// high-frequency detail: what makes a photo look grainy rather than smooth.
struct GrainProfile {
    double sigma[3] = {0.0, 0.0, 0.0};
};

/// Measures the grain in a ring 4 to 8 px outside `hole` in `bgr` (nearer pixels' detail would include
/// what is under the hole)
/// (CV_8UC3): the standard deviation of bgr - GaussianBlur(bgr, sigma 1).
/// `hole` is CV_8UC1, non-zero inside. An image with no ring pixels yields 0.
GrainProfile measureGrain(const cv::Mat& bgr, const cv::Mat& hole);

/// Adds zero-mean Gaussian grain with `profile`'s deviation to the pixels of
/// `bgr` (CV_8UC3, in place) where `hole` is non-zero. The noise comes from
/// std::mt19937_64 seeded with `seed` through a Box-Muller transform, so it is
/// identical on every platform for the same seed.
void addFilmGrain(cv::Mat& bgr, const cv::Mat& hole, const GrainProfile& profile, std::uint64_t seed);

} // namespace atelier::engine
