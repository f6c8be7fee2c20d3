// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/raster_shapes.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace atelier::tools {
namespace {

Rect boxOf(PointF a, PointF b) {
    const int l = static_cast<int>(std::lround(std::min(a.x, b.x)));
    const int t = static_cast<int>(std::lround(std::min(a.y, b.y)));
    const int r = static_cast<int>(std::lround(std::max(a.x, b.x)));
    const int btm = static_cast<int>(std::lround(std::max(a.y, b.y)));
    return Rect{l, t, r - l, btm - t};
}

} // namespace

Coverage rasterizePolygon(const std::vector<PointF>& points, Size size) {
    Coverage out;
    if (points.size() < 3) return out;
    double minX = points[0].x, maxX = minX, minY = points[0].y, maxY = minY;
    for (const PointF& p : points) {
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    const Rect box = Rect{static_cast<int>(std::floor(minX)), static_cast<int>(std::floor(minY)),
                          static_cast<int>(std::ceil(maxX)) - static_cast<int>(std::floor(minX)) + 1,
                          static_cast<int>(std::ceil(maxY)) - static_cast<int>(std::floor(minY)) + 1}
                         .intersected(Rect{0, 0, size.width, size.height});
    if (box.isEmpty()) return out;
    out.rect = box;
    out.values = MaskA8(box.width, box.height);
    std::vector<double> crossings;
    const std::size_t n = points.size();
    for (int y = box.y; y < box.bottom(); ++y) {
        const double cy = y + 0.5;
        crossings.clear();
        for (std::size_t i = 0; i < n; ++i) {
            const PointF& p = points[i];
            const PointF& q = points[(i + 1) % n];
            // Half-open rule: an edge counts when the scanline lies in [min y, max y).
            if ((p.y <= cy && q.y > cy) || (q.y <= cy && p.y > cy)) {
                crossings.push_back(p.x + (cy - p.y) * (q.x - p.x) / (q.y - p.y));
            }
        }
        std::sort(crossings.begin(), crossings.end());
        std::uint8_t* row = &out.values.at(0, y - box.y);
        for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
            // Pixels whose centre x + 0.5 lies in [x0, x1).
            const int x0 = std::max(box.x, static_cast<int>(std::ceil(crossings[k] - 0.5)));
            const int x1 = std::min(box.right(), static_cast<int>(std::ceil(crossings[k + 1] - 0.5)));
            if (x1 > x0) std::memset(row + (x0 - box.x), 255, static_cast<std::size_t>(x1 - x0));
        }
    }
    return out;
}

Coverage rasterizeRectangle(PointF a, PointF b, Size size) {
    Coverage out;
    const Rect r = boxOf(a, b).intersected(Rect{0, 0, size.width, size.height});
    if (r.isEmpty()) return out;
    out.rect = r;
    out.values = MaskA8(r.width, r.height, 255);
    return out;
}

Coverage rasterizeEllipse(PointF a, PointF b, Size size) {
    Coverage out;
    const Rect box = boxOf(a, b);
    const Rect r = box.intersected(Rect{0, 0, size.width, size.height});
    if (r.isEmpty()) return out;
    out.rect = r;
    out.values = MaskA8(r.width, r.height);
    const double cx = box.x + box.width / 2.0, cy = box.y + box.height / 2.0;
    const double rx = box.width / 2.0, ry = box.height / 2.0;
    for (int y = r.y; y < r.bottom(); ++y) {
        const double ny = (y + 0.5 - cy) / ry;
        for (int x = r.x; x < r.right(); ++x) {
            const double nx = (x + 0.5 - cx) / rx;
            if (nx * nx + ny * ny <= 1.0) out.values.at(x - r.x, y - r.y) = 255;
        }
    }
    return out;
}

} // namespace atelier::tools
