// SPDX-License-Identifier: GPL-3.0-or-later
#include "provenance/digital_source_type.h"

namespace atelier::provenance {

std::string digitalSourceType(const engine::Recipe& r) {
    const std::string base = "http://cv.iptc.org/newscodes/digitalsourcetype/";
    if (r.model.backend != "diffusion") return base + "compositeSynthetic";
    if (r.mode == engine::EditMode::Txt2Img) return base + "trainedAlgorithmicMedia";
    return base + "compositeWithTrainedAlgorithmicMedia";
}

} // namespace atelier::provenance
