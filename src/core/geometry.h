// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>

namespace atelier {

/// An integer point in image pixels (x right, y down).
struct Point {
    int x = 0;
    int y = 0;
    friend bool operator==(Point a, Point b) { return a.x == b.x && a.y == b.y; }
};

/// A sub-pixel point in image pixels; pixel (i, j) covers [i, i+1) x [j, j+1),
/// so its centre is (i + 0.5, j + 0.5).
struct PointF {
    double x = 0.0;
    double y = 0.0;
};

/// A width and height in pixels.
struct Size {
    int width = 0;
    int height = 0;
    bool isEmpty() const { return width <= 0 || height <= 0; }
    friend bool operator==(Size a, Size b) { return a.width == b.width && a.height == b.height; }
    friend bool operator!=(Size a, Size b) { return !(a == b); }
};

/// Extra pixels on each side of a canvas (outpainting), all >= 0.
struct Margins {
    int left = 0;
    int top = 0;
    int right = 0;
    int bottom = 0;
    bool isNull() const { return left == 0 && top == 0 && right == 0 && bottom == 0; }
};

/// A half-open integer rectangle [x, x+width) x [y, y+height) in pixels.
struct Rect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;

    bool isEmpty() const { return width <= 0 || height <= 0; }
    int right() const { return x + width; }   ///< one past the last column
    int bottom() const { return y + height; } ///< one past the last row
    long long area() const { return isEmpty() ? 0 : static_cast<long long>(width) * height; }
    bool contains(int px, int py) const { return px >= x && px < right() && py >= y && py < bottom(); }

    /// The overlap of two rectangles; empty when they do not meet.
    Rect intersected(const Rect& o) const {
        const int l = std::max(x, o.x), t = std::max(y, o.y);
        const int r = std::min(right(), o.right()), b = std::min(bottom(), o.bottom());
        return (r > l && b > t) ? Rect{l, t, r - l, b - t} : Rect{};
    }
    /// The smallest rectangle holding both; an empty operand is ignored.
    Rect united(const Rect& o) const {
        if (isEmpty()) return o;
        if (o.isEmpty()) return *this;
        const int l = std::min(x, o.x), t = std::min(y, o.y);
        const int r = std::max(right(), o.right()), b = std::max(bottom(), o.bottom());
        return Rect{l, t, r - l, b - t};
    }
    /// Grown by `d` pixels on every side (shrunk when d < 0).
    Rect adjusted(int d) const { return Rect{x - d, y - d, width + 2 * d, height + 2 * d}; }

    friend bool operator==(const Rect& a, const Rect& b) {
        return a.x == b.x && a.y == b.y && a.width == b.width && a.height == b.height;
    }
    friend bool operator!=(const Rect& a, const Rect& b) { return !(a == b); }
};

} // namespace atelier
