// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "core/image.h"

#include <QImage>
#include <QRect>

namespace atelier::app {

/// A deep copy of `image` as a QImage::Format_RGBA8888 (straight alpha).
QImage toQImage(const ImageRGBA8& image);

/// A QImage over `image`'s bytes without copying; valid only while `image`
/// lives unchanged. Use it for one-off reads (scaling, painting).
QImage wrapAsQImage(const ImageRGBA8& image);

/// `image` converted to straight RGBA8 (any QImage format; premultiplied
/// formats are un-premultiplied). A null QImage gives an empty image.
ImageRGBA8 fromQImage(const QImage& image);

/// A deep copy of `mask` as a QImage::Format_Grayscale8.
QImage maskToQImage(const MaskA8& mask);

/// A mask from `image`: a greyscale image as is; an image with a non-opaque
/// alpha channel by its alpha; otherwise by its luminance.
MaskA8 maskFromQImage(const QImage& image);

/// Rect <-> QRect (both half-open in size terms; QRect's right() is inclusive).
QRect toQRect(const Rect& r);
/// See toQRect().
Rect fromQRect(const QRect& r);

} // namespace atelier::app
