// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/feather.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace atelier {
namespace {

std::vector<float> gaussianKernel(double radiusPx) {
    const double sigma = std::max(radiusPx / 2.0, 0.1);
    const int support = std::max(1, static_cast<int>(std::ceil(3.0 * sigma)));
    std::vector<float> k(2 * support + 1);
    double sum = 0.0;
    for (int i = -support; i <= support; ++i) {
        const double v = std::exp(-(i * i) / (2.0 * sigma * sigma));
        k[i + support] = static_cast<float>(v);
        sum += v;
    }
    for (float& v : k) v = static_cast<float>(v / sum);
    return k;
}

// Separable blur of `mask` restricted to `area` (reads clamp at the mask border).
MaskA8 blurArea(const MaskA8& mask, const Rect& area, const std::vector<float>& k) {
    MaskA8 out = mask;
    if (area.isEmpty()) return out;
    const int support = static_cast<int>(k.size() / 2);
    const int w = mask.width, h = mask.height;
    // Horizontal pass over the rows the vertical pass will read.
    const int y0 = std::max(0, area.y - support), y1 = std::min(h, area.bottom() + support);
    std::vector<float> tmp(static_cast<std::size_t>(y1 - y0) * area.width);
    for (int y = y0; y < y1; ++y) {
        const std::uint8_t* row = mask.values.data() + static_cast<std::size_t>(y) * w;
        float* dst = tmp.data() + static_cast<std::size_t>(y - y0) * area.width;
        for (int x = area.x; x < area.right(); ++x) {
            float acc = 0.f;
            for (int i = -support; i <= support; ++i) acc += k[i + support] * row[std::clamp(x + i, 0, w - 1)];
            dst[x - area.x] = acc;
        }
    }
    for (int y = area.y; y < area.bottom(); ++y) {
        for (int x = 0; x < area.width; ++x) {
            float acc = 0.f;
            for (int i = -support; i <= support; ++i) {
                const int sy = std::clamp(y + i, y0, y1 - 1);
                acc += k[i + support] * tmp[static_cast<std::size_t>(sy - y0) * area.width + x];
            }
            out.at(area.x + x, y) = static_cast<std::uint8_t>(std::clamp(std::lround(acc), 0L, 255L));
        }
    }
    return out;
}

} // namespace

MaskA8 gaussianBlurMask(const MaskA8& mask, double radiusPx) {
    if (radiusPx <= 0.0) return mask;
    const std::vector<float> k = gaussianKernel(radiusPx);
    const Rect area = mask.bounds().adjusted(static_cast<int>(k.size() / 2)).intersected(mask.rect());
    return blurArea(mask, area, k);
}

MaskA8 featherInward(const MaskA8& mask, double radiusPx) {
    if (radiusPx <= 0.0) return mask;
    const Rect area = mask.bounds();
    MaskA8 blurred = blurArea(mask, area, gaussianKernel(radiusPx));
    for (std::size_t i = 0; i < blurred.values.size(); ++i) {
        blurred.values[i] = std::min(blurred.values[i], mask.values[i]);
    }
    return blurred;
}

} // namespace atelier
