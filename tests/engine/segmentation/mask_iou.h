// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image.h"

#include <cstddef>
#include <string>

namespace atelier::test {

/// Intersection over union of two masks of the same size, each read as
/// selected where the value is >= 128. 1 when both select nothing; -1 when the
/// sizes differ.
inline double maskIoU(const MaskA8& a, const MaskA8& b) {
    if (a.width != b.width || a.height != b.height) return -1.0;
    std::size_t both = 0, either = 0;
    for (std::size_t i = 0; i < a.values.size(); ++i) {
        const bool sa = a.values[i] >= 128, sb = b.values[i] >= 128;
        both += sa && sb;
        either += sa || sb;
    }
    return either ? static_cast<double>(both) / static_cast<double>(either) : 1.0;
}

/// The reference mask of the sample photo's subject (checked by eye; see tests/data/segmentation/README.md).
inline std::string subjectReferencePath() {
    return std::string(ATELIER_SOURCE_DIR) + "/tests/data/segmentation/astronaut_subject_reference.png";
}

/// The prepared ISNet model where packaging/fetch-models.sh writes it in the source tree.
inline std::string preparedSubjectModelPath() {
    return std::string(ATELIER_SOURCE_DIR) + "/models/isnet/isnet-fp32.onnx";
}

} // namespace atelier::test
