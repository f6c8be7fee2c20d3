// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/magic_wand.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace atelier::tools {

Coverage magicWand(const TiledImage& image, Point seed, int tolerance) {
    Coverage out;
    if (!image.rect().contains(seed.x, seed.y)) return out;
    const int w = image.width(), h = image.height();
    const int tol = std::clamp(tolerance, 0, 255);
    const std::uint8_t* s = image.pixel(seed.x, seed.y);
    const int seedColour[4] = {s[0], s[1], s[2], s[3]};
    const auto matches = [&](int x, int y) {
        const std::uint8_t* p = image.pixel(x, y);
        for (int c = 0; c < 4; ++c) {
            if (std::abs(p[c] - seedColour[c]) > tol) return false;
        }
        return true;
    };
    std::vector<std::uint8_t> filled(static_cast<std::size_t>(w) * h, 0);
    const auto done = [&](int x, int y) { return filled[static_cast<std::size_t>(y) * w + x] != 0; };
    int left = seed.x, right = seed.x, top = seed.y, bottom = seed.y;
    std::vector<Point> stack{seed};
    while (!stack.empty()) {
        const Point p = stack.back();
        stack.pop_back();
        if (done(p.x, p.y) || !matches(p.x, p.y)) continue;
        int x0 = p.x, x1 = p.x;
        while (x0 > 0 && !done(x0 - 1, p.y) && matches(x0 - 1, p.y)) --x0;
        while (x1 + 1 < w && !done(x1 + 1, p.y) && matches(x1 + 1, p.y)) ++x1;
        std::fill(filled.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(p.y) * w + x0),
                  filled.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(p.y) * w + x1 + 1), 255);
        left = std::min(left, x0);
        right = std::max(right, x1);
        top = std::min(top, p.y);
        bottom = std::max(bottom, p.y);
        // Seed the neighbouring rows once per run of matching pixels.
        for (const int ny : {p.y - 1, p.y + 1}) {
            if (ny < 0 || ny >= h) continue;
            bool inRun = false;
            for (int x = x0; x <= x1; ++x) {
                const bool open = !done(x, ny) && matches(x, ny);
                if (open && !inRun) stack.push_back(Point{x, ny});
                inRun = open;
            }
        }
    }
    out.rect = Rect{left, top, right - left + 1, bottom - top + 1};
    out.values = MaskA8(out.rect.width, out.rect.height);
    for (int y = top; y <= bottom; ++y) {
        std::copy_n(filled.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(y) * w + left),
                    out.rect.width, &out.values.at(0, y - top));
    }
    return out;
}

} // namespace atelier::tools
