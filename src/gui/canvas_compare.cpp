// SPDX-License-Identifier: GPL-3.0-or-later
// CanvasView: comparing a previewed variation with the document (before/after
// toggle and a split view with a draggable divider).
#include "gui/canvas_view.h"

#include "app/editor_session.h"
#include "app/qt_image.h"
#include "doc/document.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace atelier::gui {
namespace {

constexpr double kDividerGrabPx = 8.0; ///< how near (widget pixels) the divider a press grabs it

void drawLabel(QPainter& p, const QString& text, QPointF anchor, Qt::Alignment side) {
    QRectF box = QRectF(p.fontMetrics().boundingRect(text)).adjusted(-8, -4, 8, 4);
    box.moveTop(anchor.y());
    if (side & Qt::AlignRight)
        box.moveRight(anchor.x());
    else
        box.moveLeft(anchor.x());
    p.fillRect(box, QColor(0, 0, 0, 170));
    p.setPen(Qt::white);
    p.drawText(box, Qt::AlignCenter, text);
}

} // namespace

void CanvasView::setCompareMode(CompareMode mode) {
    if (mode == m_compareMode) return;
    m_compareMode = mode;
    m_compareDragging = false;
    if (mode == CompareMode::After) m_before = QImage(); // only needed while compared
    update();
    emit compareModeChanged(mode);
}

void CanvasView::toggleBeforeAfter() {
    setCompareMode(m_compareMode == CompareMode::Before ? CompareMode::After : CompareMode::Before);
}

void CanvasView::setCompareSplit(double fraction) {
    const double clamped = std::isfinite(fraction) ? std::clamp(fraction, 0.0, 1.0) : 0.5;
    if (clamped == m_compareSplit) return;
    m_compareSplit = clamped;
    if (hasPreview() && m_compareMode == CompareMode::Split) update();
}

double CanvasView::compareDividerX() const {
    return m_view.mapFromImage(QPointF(m_compareSplit * m_session->document().size().width, 0)).x();
}

bool CanvasView::nearCompareDivider(QPointF pos) const {
    return hasPreview() && m_compareMode == CompareMode::Split &&
           std::abs(pos.x() - compareDividerX()) <= kDividerGrabPx;
}

const QImage& CanvasView::beforeImage() {
    if (m_before.isNull() && m_session->hasImage()) {
        // The image as it is, without mask overlays (the pyramid blends those in).
        m_before = app::toQImage(m_session->document().image().toFlat())
                       .convertToFormat(QImage::Format_ARGB32_Premultiplied);
    }
    return m_before;
}

// Called by paintImage() with the painter in image coordinates.
void CanvasView::paintPreview(QPainter& p, const QRect& exposed) {
    p.setRenderHint(QPainter::SmoothPixmapTransform, m_view.zoom() < 1.0);
    const QRectF src = QRectF(m_view.mapToImage(QRectF(exposed))).adjusted(-2, -2, 2, 2);
    const auto draw = [&](const QImage& image, const QRectF& within) {
        const QRectF r = src.intersected(within).intersected(QRectF(image.rect()));
        if (!r.isEmpty()) p.drawImage(r, image, r);
    };
    const QRectF all(m_preview.rect());
    switch (m_compareMode) {
    case CompareMode::After:
        draw(m_preview, all);
        break;
    case CompareMode::Before:
        draw(beforeImage(), all);
        break;
    case CompareMode::Split: {
        const double x = m_compareSplit * m_session->document().size().width;
        draw(beforeImage(), QRectF(all.left(), all.top(), x - all.left(), all.height()));
        draw(m_preview, QRectF(x, all.top(), all.right() - x, all.height()));
        break;
    }
    }
}

// Called by paintEvent() in widget coordinates while a preview is shown.
void CanvasView::paintCompareOverlay(QPainter& p) {
    const double top = 16;
    p.save();
    switch (m_compareMode) {
    case CompareMode::After:
        drawLabel(p, tr("After (preview): Apply to keep it · \\ shows before"), QPointF(16, top), Qt::AlignLeft);
        break;
    case CompareMode::Before:
        drawLabel(p, tr("Before (the image as it is) · \\ shows after"), QPointF(16, top), Qt::AlignLeft);
        break;
    case CompareMode::Split: {
        const double x = compareDividerX();
        const QPointF imageTop = m_view.mapFromImage(QPointF(0, 0));
        const QPointF imageBottom = m_view.mapFromImage(QPointF(0, m_session->document().size().height));
        const double y0 = std::max(0.0, imageTop.y()), y1 = std::min(double(height()), imageBottom.y());
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(0, 0, 0, 160), 3.0));
        p.drawLine(QPointF(x, y0), QPointF(x, y1));
        p.setPen(QPen(Qt::white, 1.0));
        p.drawLine(QPointF(x, y0), QPointF(x, y1));
        // A round handle in the middle of the visible part of the divider.
        const QPointF handle(x, (y0 + y1) / 2);
        p.setBrush(Qt::white);
        p.setPen(QPen(QColor(40, 40, 40), 1.0));
        p.drawEllipse(handle, 9.0, 9.0);
        p.setPen(QPen(QColor(40, 40, 40), 1.5));
        p.drawLine(handle + QPointF(-5, 0), handle + QPointF(-2, -3));
        p.drawLine(handle + QPointF(-5, 0), handle + QPointF(-2, 3));
        p.drawLine(handle + QPointF(5, 0), handle + QPointF(2, -3));
        p.drawLine(handle + QPointF(5, 0), handle + QPointF(2, 3));
        const double labelTop = std::max(top, y0 + 8);
        drawLabel(p, tr("Before"), QPointF(x - 8, labelTop), Qt::AlignRight);
        drawLabel(p, tr("After"), QPointF(x + 8, labelTop), Qt::AlignLeft);
        break;
    }
    }
    p.restore();
}

} // namespace atelier::gui
