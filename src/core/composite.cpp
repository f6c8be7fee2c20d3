// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/composite.h"

#include "core/error.h"

namespace atelier {

ImageRGBA8 compositeThroughMask(const ImageRGBA8& original, const ImageRGBA8& edited, const MaskA8& alpha) {
    if (original.size() != edited.size() || original.size() != alpha.size()) {
        throw Error("composite: image, edited image and mask must have the same size");
    }
    ImageRGBA8 out = original;
    const std::size_t n = alpha.values.size();
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned a = alpha.values[i];
        if (a == 0) continue;
        std::uint8_t* o = &out.pixels[4 * i];
        const std::uint8_t* e = &edited.pixels[4 * i];
        for (int c = 0; c < 4; ++c) {
            o[c] = static_cast<std::uint8_t>((o[c] * (255u - a) + e[c] * a + 127u) / 255u);
        }
    }
    return out;
}

} // namespace atelier
