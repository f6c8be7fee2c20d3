// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image.h"

#include <memory>
#include <string>

namespace atelier::engine {

/// How SubjectSegmenter turns the network's probabilities into a mask.
struct SubjectOptions {
    float threshold = 0.5f; ///< probability at or above which a pixel is the subject (binary masks)
    bool soft = false;      ///< true: keep the probabilities (0..1 -> 0..255) instead of thresholding
};

/// Select subject: masks the main subject of a photograph in one call, with
/// ISNet, the network of Qin et al. 2022, "Highly Accurate Dichotomous Image
/// Segmentation" (ECCV 2022, https://arxiv.org/abs/2203.03041), as trained and
/// exported to ONNX by IMG.LY (npm package @imgly/background-removal-data,
/// AGPL-3.0), converted to float32 by packaging/fetch-models.sh.
///
/// Model contract: input `input` [1, 3, 1024, 1024] float RGB, (x - 128) / 256
/// for 8-bit x; output `output` [1, 1, 1024, 1024], probabilities (already
/// through a sigmoid). The image is resized to 1024x1024 (bilinear, aspect not
/// kept, alpha ignored) and the output resized back to the image size
/// (bilinear) before thresholding. Runs on OpenCV's DNN module (CPU): about
/// 6 s of CPU time per image, 7-11 s wall on a loaded shared two-core machine
/// (measured with the 512x512 sample; the network always sees 1024x1024).
///
/// Not thread-safe: one segmenter per thread (loading takes about a second).
class SubjectSegmenter {
public:
    /// Side of the square network input, in pixels.
    static constexpr int kInputSide = 1024;

    /// Loads the ONNX model at `modelPath` (see findSubjectModel() for the
    /// default). Throws atelier::Error naming the file when it is missing or
    /// not a readable ONNX model.
    explicit SubjectSegmenter(const std::string& modelPath);
    ~SubjectSegmenter();
    SubjectSegmenter(SubjectSegmenter&&) noexcept;
    SubjectSegmenter& operator=(SubjectSegmenter&&) noexcept;

    /// The subject mask of `image`, same size: 255 = subject, 0 = background
    /// (or probabilities x 255 with options.soft). Throws atelier::Error for an
    /// empty image, or naming the model file when the network fails or its
    /// output is not [1, 1, 1024, 1024].
    MaskA8 segment(const ImageRGBA8& image, const SubjectOptions& options = {});

    /// The path the model was loaded from.
    const std::string& modelPath() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace atelier::engine
