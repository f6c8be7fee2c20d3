// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/view_transform.h"

#include <algorithm>

namespace atelier::gui {

QRectF ViewTransform::mapFromImage(const QRectF& r) const {
    return QRectF(mapFromImage(r.topLeft()), r.size() * m_zoom);
}

QRectF ViewTransform::mapToImage(const QRectF& r) const { return QRectF(mapToImage(r.topLeft()), r.size() / m_zoom); }

QTransform ViewTransform::toQTransform() const {
    return QTransform(m_zoom, 0.0, 0.0, m_zoom, m_offset.x(), m_offset.y());
}

void ViewTransform::zoomAbout(QPointF anchor, double newZoom) {
    const QPointF imagePoint = mapToImage(anchor);
    m_zoom = std::clamp(newZoom, kMinZoom, kMaxZoom);
    m_offset = anchor - imagePoint * m_zoom;
}

void ViewTransform::fit(QSize image, QSize view, bool allowMagnify) {
    if (image.isEmpty() || view.isEmpty()) return;
    const double margin = 8.0;
    const double zx = (view.width() - 2 * margin) / image.width();
    const double zy = (view.height() - 2 * margin) / image.height();
    double z = std::min(zx, zy);
    if (!allowMagnify) z = std::min(z, 1.0);
    m_zoom = std::clamp(z, kMinZoom, kMaxZoom);
    m_offset = QPointF((view.width() - image.width() * m_zoom) / 2.0, (view.height() - image.height() * m_zoom) / 2.0);
}

void ViewTransform::actualSize(QSize image, QSize view) {
    m_zoom = 1.0;
    m_offset = QPointF((view.width() - image.width()) / 2.0, (view.height() - image.height()) / 2.0);
}

} // namespace atelier::gui
