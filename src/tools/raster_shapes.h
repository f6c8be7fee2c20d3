// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "tools/coverage.h"

#include <vector>

namespace atelier::tools {

/// Fills the closed polygon through `points` (image pixels; the last point
/// joins the first) over an image of `size`: a pixel is in (255) when its centre
/// is inside by the even-odd rule, as a scanline fill does it. Fewer than three
/// points, or a shape outside the image, give an empty Coverage.
Coverage rasterizePolygon(const std::vector<PointF>& points, Size size);

/// The axis-aligned box with corners `a` and `b` (any order), corners rounded to
/// the nearest pixel edge, clipped to an image of `size`.
Coverage rasterizeRectangle(PointF a, PointF b, Size size);

/// The ellipse inscribed in the box with corners `a` and `b`: pixels whose
/// centre lies inside it, clipped to an image of `size`.
Coverage rasterizeEllipse(PointF a, PointF b, Size size);

} // namespace atelier::tools
