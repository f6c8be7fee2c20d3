// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QBrush>
#include <QColor>
#include <QPainter>
#include <QPixmap>

namespace atelier::gui {

/// The grey checkerboard the canvas shows under transparent pixels and new outpaint area.
inline const QBrush& checkerBrush() {
    static const QBrush brush = [] {
        QPixmap tile(16, 16);
        tile.fill(QColor(204, 204, 204));
        QPainter p(&tile);
        p.fillRect(0, 0, 8, 8, QColor(153, 153, 153));
        p.fillRect(8, 8, 8, 8, QColor(153, 153, 153));
        return QBrush(tile);
    }();
    return brush;
}

} // namespace atelier::gui
