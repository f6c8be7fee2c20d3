// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mask_ops.h"

#include <algorithm>
#include <limits>

namespace atelier {
namespace {

constexpr std::uint8_t kSelectedFrom = 128;
constexpr float kFar = 1e20f;

// One-dimensional squared distance transform of sampled function f (lower
// envelope of parabolas), Felzenszwalb & Huttenlocher, section 2.
void transform1d(const float* f, int n, float* d, std::vector<int>& v, std::vector<double>& z) {
    v.assign(static_cast<std::size_t>(n), 0);
    z.assign(static_cast<std::size_t>(n) + 1, 0.0);
    const auto intersection = [&](int q, int p) {
        return ((f[q] + static_cast<double>(q) * q) - (f[p] + static_cast<double>(p) * p)) / (2.0 * (q - p));
    };
    std::size_t k = 0;
    z[0] = -std::numeric_limits<double>::infinity();
    z[1] = std::numeric_limits<double>::infinity();
    for (int q = 1; q < n; ++q) {
        double s = intersection(q, v[k]);
        while (s <= z[k]) {
            --k;
            s = intersection(q, v[k]);
        }
        ++k;
        v[k] = q;
        z[k] = s;
        z[k + 1] = std::numeric_limits<double>::infinity();
    }
    k = 0;
    for (int q = 0; q < n; ++q) {
        while (z[k + 1] < q) ++k;
        const int p = v[k];
        d[q] = static_cast<float>(static_cast<double>(q - p) * (q - p) + f[p]);
    }
}

std::vector<std::uint8_t> flags(const MaskA8& mask, bool selected) {
    std::vector<std::uint8_t> out(mask.values.size());
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = (mask.values[i] >= kSelectedFrom) == selected ? 1 : 0;
    return out;
}

} // namespace

std::vector<float> squaredDistanceTransform(const std::vector<std::uint8_t>& isSource, int width, int height) {
    std::vector<float> d(static_cast<std::size_t>(width) * height);
    for (std::size_t i = 0; i < d.size(); ++i) d[i] = isSource[i] ? 0.f : kFar;
    const int n = std::max(width, height);
    std::vector<float> f(static_cast<std::size_t>(n)), out(static_cast<std::size_t>(n));
    std::vector<int> v;
    std::vector<double> z;
    for (int x = 0; x < width; ++x) { // columns
        for (int y = 0; y < height; ++y) f[static_cast<std::size_t>(y)] = d[static_cast<std::size_t>(y) * width + x];
        transform1d(f.data(), height, out.data(), v, z);
        for (int y = 0; y < height; ++y) d[static_cast<std::size_t>(y) * width + x] = out[static_cast<std::size_t>(y)];
    }
    for (int y = 0; y < height; ++y) { // rows
        float* row = d.data() + static_cast<std::size_t>(y) * width;
        std::copy(row, row + width, f.begin());
        transform1d(f.data(), width, row, v, z);
    }
    return d;
}

MaskA8 invertMask(const MaskA8& mask) {
    MaskA8 out = mask;
    for (std::uint8_t& v : out.values) v = static_cast<std::uint8_t>(255 - v);
    return out;
}

MaskA8 growMask(const MaskA8& mask, int radiusPx) {
    if (radiusPx <= 0 || mask.isEmpty()) return mask;
    const std::vector<float> d = squaredDistanceTransform(flags(mask, true), mask.width, mask.height);
    const float r2 = static_cast<float>(radiusPx) * radiusPx;
    MaskA8 out = mask;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (d[i] <= r2) out.values[i] = 255;
    }
    return out;
}

MaskA8 shrinkMask(const MaskA8& mask, int radiusPx) {
    if (radiusPx <= 0 || mask.isEmpty()) return mask;
    const std::vector<float> d = squaredDistanceTransform(flags(mask, false), mask.width, mask.height);
    const float r2 = static_cast<float>(radiusPx) * radiusPx;
    MaskA8 out = mask;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (d[i] <= r2) out.values[i] = 0;
    }
    return out;
}

MaskA8 fillMaskHoles(const MaskA8& mask) {
    if (mask.isEmpty()) return mask;
    const int w = mask.width, h = mask.height;
    // Flood the unselected pixels reachable from the border; the rest of the unselected are holes.
    std::vector<std::uint8_t> outside(mask.values.size(), 0);
    std::vector<int> stack;
    const auto push = [&](int x, int y) {
        const std::size_t i = static_cast<std::size_t>(y) * w + x;
        if (outside[i] || mask.values[i] >= kSelectedFrom) return;
        outside[i] = 1;
        stack.push_back(static_cast<int>(i));
    };
    for (int x = 0; x < w; ++x) {
        push(x, 0);
        push(x, h - 1);
    }
    for (int y = 0; y < h; ++y) {
        push(0, y);
        push(w - 1, y);
    }
    while (!stack.empty()) {
        const int i = stack.back();
        stack.pop_back();
        const int x = i % w, y = i / w;
        if (x > 0) push(x - 1, y);
        if (x + 1 < w) push(x + 1, y);
        if (y > 0) push(x, y - 1);
        if (y + 1 < h) push(x, y + 1);
    }
    MaskA8 out = mask;
    for (std::size_t i = 0; i < out.values.size(); ++i) {
        if (!outside[i] && out.values[i] < kSelectedFrom) out.values[i] = 255;
    }
    return out;
}

} // namespace atelier
