// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/variation.h"

#include <string>

namespace atelier::provenance {

/// The IPTC NewsCodes "digital source type" URI for what a recipe made, written
/// as Iptc4xmpExt:DigitalSourceType (IPTC Photo Metadata Standard 2023.1+):
///  - a diffusion model made every pixel (Txt2Img):
///    http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia
///  - a diffusion model changed part of an existing image (inpaint, outpaint, img2img):
///    http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia
///  - the classical (non-learned) fill changed part of an image:
///    http://cv.iptc.org/newscodes/digitalsourcetype/compositeSynthetic
/// Never throws.
std::string digitalSourceType(const engine::Recipe& recipe);

} // namespace atelier::provenance
