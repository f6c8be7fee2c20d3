// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: ISNet's pre- and postprocessing, apart from the network so tests can check them exactly.
#pragma once

#include "core/image.h"
#include "engine/segmentation/subject_segmenter.h"

#include <opencv2/core.hpp>

namespace atelier::engine {

/// The network input for `image`: [1, 3, side, side] float32, channels R, G, B,
/// each (x - 128) / 256 after a bilinear resize to side x side (aspect not kept).
cv::Mat subjectInputBlob(const ImageRGBA8& image, int side);

/// The mask for an image of `size` from the network's probabilities
/// `probability` ([side, side] float32, 0..1): bilinear resize to `size`, then
/// >= options.threshold -> 255 else 0, or with options.soft round(255 * p).
MaskA8 subjectMaskFromProbabilities(const cv::Mat& probability, Size size, const SubjectOptions& options);

} // namespace atelier::engine
