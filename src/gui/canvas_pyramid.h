// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"

#include <QImage>
#include <QRect>

#include <vector>

namespace atelier::doc {
class Document;
}

namespace atelier::gui {

/// What the canvas draws, ready for QPainter: the document image with its
/// visible mask layers blended over it as coloured overlays, premultiplied
/// ARGB32, in a pyramid of levels (level k is 1/2^k of the image size, 2x2 box
/// filtered) down to about 512 pixels. The canvas draws from the level nearest
/// above the zoom, so a fit view of an 8192x8192 image scales a 1024-pixel
/// image instead of the full one. An edit refreshes only its rectangle on every
/// level (cost follows the edit, not the image).
class CanvasPyramid {
public:
    /// Rebuilds everything from `document` (empty document: no levels).
    void rebuild(const doc::Document& document);
    /// Recomposites `imageRect` (image pixels) from `document` on every level.
    void refresh(const doc::Document& document, const QRect& imageRect);

    /// Number of levels (0 when empty).
    int levelCount() const { return static_cast<int>(m_levels.size()); }
    /// Level `k` (0 = full size).
    const QImage& level(int k) const { return m_levels[static_cast<std::size_t>(k)]; }
    /// The level to draw from at `zoom` (widget pixels per image pixel): the
    /// smallest one still at least as large as the view needs.
    int levelFor(double zoom) const;
    /// True when some image pixel is not fully opaque (the canvas then draws a checkerboard).
    bool hasTransparency() const { return m_transparent; }

private:
    void composite(const doc::Document& document, const QRect& r);
    void downsample(int level, const QRect& sourceRect);

    std::vector<QImage> m_levels;
    bool m_transparent = false;
};

} // namespace atelier::gui
