// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/brush.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace atelier::tools {

void validate(const BrushSettings& s) {
    const auto fail = [](const std::string& what, double v) {
        throw Error("brush " + what + " " + std::to_string(v) + " is out of range");
    };
    if (!(s.radius > 0.0) || s.radius > 10000.0) fail("radius", s.radius);
    if (!(s.hardness >= 0.0 && s.hardness <= 1.0)) fail("hardness", s.hardness);
    if (!(s.opacity >= 0.0 && s.opacity <= 1.0)) fail("opacity", s.opacity);
    if (!(s.spacing > 0.0) || s.spacing > 100.0) fail("spacing", s.spacing);
}

double dabProfile(double distance, double radius, double hardness) {
    if (radius <= 0.0 || distance >= radius) return 0.0;
    const double inner = std::clamp(hardness, 0.0, 1.0) * radius;
    if (distance <= inner) return 1.0;
    const double t = (distance - inner) / (radius - inner); // 0 at the inner edge, 1 at the rim
    return 1.0 - t * t * (3.0 - 2.0 * t);
}

Rect dabBounds(PointF centre, double radius) {
    const int left = static_cast<int>(std::floor(centre.x - radius));
    const int top = static_cast<int>(std::floor(centre.y - radius));
    const int right = static_cast<int>(std::ceil(centre.x + radius));
    const int bottom = static_cast<int>(std::ceil(centre.y + radius));
    return Rect{left, top, right - left, bottom - top};
}

std::uint8_t inkValue(BrushMode mode, std::uint8_t original, std::uint8_t coverage) {
    const int o = original, c = coverage;
    if (mode == BrushMode::Paint) return static_cast<std::uint8_t>(o + ((255 - o) * c + 127) / 255);
    return static_cast<std::uint8_t>((o * (255 - c) + 127) / 255);
}

} // namespace atelier::tools
