// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"

#include <cstdint>

namespace atelier::tools {

/// What a brush does to the mask.
enum class BrushMode {
    Paint, ///< raise the mask towards 255 (select)
    Erase, ///< lower the mask towards 0 (deselect)
};

/// A round brush. validate() lists the ranges.
struct BrushSettings {
    double radius = 20.0;  ///< dab radius in image pixels, > 0
    double hardness = 0.8; ///< 0..1: full strength out to hardness * radius, then a smooth falloff to 0 at radius
    double opacity = 1.0;  ///< 0..1: the most one stroke changes a pixel
    double spacing = 0.15; ///< distance between dabs as a fraction of the radius, > 0
    BrushMode mode = BrushMode::Paint;
    bool pressureSize = true; ///< pressure scales the radius (a mouse always reports 1)
};

/// Throws atelier::Error naming the first setting out of range.
void validate(const BrushSettings& settings);

/// The coverage (0..1) of a round dab at `distance` pixels from its centre:
/// 1 up to hardness * radius, 0 from `radius` on, a smoothstep in between.
/// hardness 1 gives a hard edge.
double dabProfile(double distance, double radius, double hardness);

/// The pixels a dab centred at `centre` with `radius` may touch (not clipped).
Rect dabBounds(PointF centre, double radius);

/// The mask value after inking `coverage` (0..255) over `original`:
/// paint is "over" towards 255, erase scales towards 0. Coverage 0 keeps
/// `original`; coverage 255 gives 255 (paint) or 0 (erase).
std::uint8_t inkValue(BrushMode mode, std::uint8_t original, std::uint8_t coverage);

} // namespace atelier::tools
