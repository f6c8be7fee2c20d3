// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QTransform>

namespace atelier::gui {

/// How the canvas shows the image: widget = image * zoom + offset.
/// A small value type so the mapping is testable without a widget.
class ViewTransform {
public:
    /// Smallest and largest zoom factors (1 = one image pixel per widget pixel): 5% to 3200%.
    static constexpr double kMinZoom = 0.05;
    static constexpr double kMaxZoom = 32.0;

    /// Widget pixels per image pixel.
    double zoom() const { return m_zoom; }
    /// Where image point (0, 0) lies, in widget pixels.
    QPointF offset() const { return m_offset; }

    /// Image pixels -> widget pixels.
    QPointF mapFromImage(QPointF imagePos) const { return imagePos * m_zoom + m_offset; }
    /// Widget pixels -> image pixels.
    QPointF mapToImage(QPointF widgetPos) const { return (widgetPos - m_offset) / m_zoom; }
    /// An image rectangle in widget pixels.
    QRectF mapFromImage(const QRectF& r) const;
    /// A widget rectangle in image pixels.
    QRectF mapToImage(const QRectF& r) const;
    /// The mapping as a QTransform (image -> widget), for QPainter.
    QTransform toQTransform() const;

    /// Sets the zoom (clamped) keeping the image point under `anchor` (widget pixels) in place.
    void zoomAbout(QPointF anchor, double newZoom);
    /// Moves the image by `delta` widget pixels.
    void pan(QPointF delta) { m_offset += delta; }
    /// Shows the whole image centred in `view`, never magnified beyond 1:1
    /// unless `allowMagnify`.
    void fit(QSize image, QSize view, bool allowMagnify = false);
    /// 1:1, with the image centred in `view`.
    void actualSize(QSize image, QSize view);

private:
    double m_zoom = 1.0;
    QPointF m_offset;
};

} // namespace atelier::gui
