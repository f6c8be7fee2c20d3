// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace atelier::test {

/// The bundled sample photograph (512x512 RGB).
inline std::string samplePhotoPath() { return std::string(ATELIER_SOURCE_DIR) + "/resources/samples/astronaut.png"; }
/// The bundled mask covering the shuttle model in the sample photograph.
inline std::string sampleMaskPath() {
    return std::string(ATELIER_SOURCE_DIR) + "/resources/samples/astronaut_shuttle_mask.png";
}

} // namespace atelier::test
