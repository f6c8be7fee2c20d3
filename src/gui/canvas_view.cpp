// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/canvas_view.h"

#include "app/editor_session.h"
#include "app/qt_image.h"

#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <array>
#include <cmath>

namespace atelier::gui {
namespace {

QBrush checkerBrush() {
    QPixmap tile(16, 16);
    tile.fill(QColor(200, 200, 200));
    QPainter p(&tile);
    p.fillRect(0, 0, 8, 8, QColor(150, 150, 150));
    p.fillRect(8, 8, 8, 8, QColor(150, 150, 150));
    return QBrush(tile);
}

} // namespace

CanvasView::CanvasView(app::EditorSession* session, QWidget* parent) : QWidget(parent), m_session(session) {
    setObjectName(QStringLiteral("canvasView"));
    setMouseTracking(true);
    setTabletTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::CrossCursor);
    setMinimumSize(200, 150);

    connect(session, &app::EditorSession::documentReplaced, this, [this] {
        clearPreview();
        rebuildCaches();
        fitToWindow();
        update();
    });
    connect(session, &app::EditorSession::imageChanged, this, [this](QRect r) {
        refreshImage(r);
        updateImageArea(r);
    });
    connect(session, &app::EditorSession::maskChanged, this, [this](QRect r) {
        refreshMask(r);
        if (!hasPreview()) updateImageArea(r);
    });
    rebuildCaches();
}

void CanvasView::setBrush(const tools::BrushSettings& brush) {
    const QRect old = outlineRect(m_hoverPos);
    m_brush = brush;
    if (m_hoverVisible) update(old.united(outlineRect(m_hoverPos)));
}

void CanvasView::setEraseMode(bool erase) { m_eraseMode = erase; }

void CanvasView::setPreview(const QImage& image) {
    m_preview = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    update();
}

void CanvasView::clearPreview() {
    if (m_preview.isNull()) return;
    m_preview = QImage();
    update();
}

void CanvasView::setMaskColor(const QColor& color) {
    m_maskColor = color;
    refreshMask(m_overlay.rect());
    update();
}

void CanvasView::rebuildCaches() {
    const ImageRGBA8& image = m_session->document().image();
    if (image.isEmpty()) {
        m_image = QImage();
        m_overlay = QImage();
        return;
    }
    m_image = app::wrapAsQImage(image).convertToFormat(QImage::Format_ARGB32_Premultiplied);
    m_overlay = QImage(image.width, image.height, QImage::Format_ARGB32_Premultiplied);
    refreshMask(m_overlay.rect());
}

void CanvasView::refreshImage(const QRect& imageRect) {
    const QRect r = imageRect.intersected(m_image.rect());
    if (r.isEmpty()) return;
    QPainter p(&m_image);
    p.setCompositionMode(QPainter::CompositionMode_Source);
    p.drawImage(r.topLeft(), app::wrapAsQImage(m_session->document().image()), r);
}

void CanvasView::refreshMask(const QRect& imageRect) {
    const QRect r = imageRect.intersected(m_overlay.rect());
    if (r.isEmpty()) return;
    std::array<QRgb, 256> lut;
    for (int v = 0; v < 256; ++v) {
        const int a = (v * m_maskColor.alpha() + 127) / 255;
        lut[v] = qPremultiply(qRgba(m_maskColor.red(), m_maskColor.green(), m_maskColor.blue(), a));
    }
    const MaskA8& mask = m_session->document().mask();
    for (int y = r.top(); y <= r.bottom(); ++y) {
        auto* row = reinterpret_cast<QRgb*>(m_overlay.scanLine(y));
        for (int x = r.left(); x <= r.right(); ++x) row[x] = lut[mask.at(x, y)];
    }
}

void CanvasView::updateImageArea(const QRect& imageRect) {
    update(m_view.mapFromImage(QRectF(imageRect)).toAlignedRect().adjusted(-2, -2, 2, 2));
}

void CanvasView::paintEvent(QPaintEvent* event) {
    QPainter p(this);
    p.fillRect(event->rect(), QColor(45, 45, 48));
    if (m_image.isNull()) {
        p.setPen(QColor(190, 190, 190));
        p.drawText(rect(), Qt::AlignCenter, tr("Open an image (File ▸ Open…) or drop an image file here"));
        return;
    }
    const QImage& base = m_preview.isNull() ? m_image : m_preview;
    const QRect src =
        m_view.mapToImage(QRectF(event->rect())).toAlignedRect().adjusted(-2, -2, 2, 2).intersected(base.rect());
    if (!src.isEmpty()) {
        p.save();
        p.setTransform(m_view.toQTransform());
        p.setRenderHint(QPainter::SmoothPixmapTransform, m_view.zoom() < 1.0);
        if (base.hasAlphaChannel()) p.fillRect(src, checkerBrush());
        p.drawImage(QRectF(src), base, QRectF(src));
        if (m_preview.isNull()) p.drawImage(QRectF(src), m_overlay, QRectF(src));
        p.restore();
    }
    if (!m_preview.isNull()) {
        const QString badge = tr("Preview: Apply to keep it");
        const QRect box =
            p.fontMetrics().boundingRect(badge).adjusted(-8, -4, 8, 4).translated(16, 16 + p.fontMetrics().ascent());
        p.fillRect(box, QColor(0, 0, 0, 170));
        p.setPen(Qt::white);
        p.drawText(box, Qt::AlignCenter, badge);
    }
    if (m_hoverVisible && !m_panning && !m_spaceHeld) {
        const double r = m_brush.radius * m_view.zoom();
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(0, 0, 0, 200), 1.0));
        p.drawEllipse(m_hoverPos, r + 1.0, r + 1.0);
        p.setPen(QPen(QColor(255, 255, 255, 230), 1.0));
        p.drawEllipse(m_hoverPos, r, r);
    }
}

void CanvasView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (m_autoFit) fitToWindow();
}

QRect CanvasView::outlineRect(QPointF widgetPos) const {
    const double r = m_brush.radius * m_view.zoom() + 3.0;
    return QRectF(widgetPos.x() - r, widgetPos.y() - r, 2 * r, 2 * r).toAlignedRect();
}

void CanvasView::moveOutline(QPointF widgetPos, bool visible) {
    if (m_hoverVisible) update(outlineRect(m_hoverPos));
    m_hoverPos = widgetPos;
    m_hoverVisible = visible;
    if (m_hoverVisible) update(outlineRect(m_hoverPos));
}

void CanvasView::setZoomAbout(QPointF anchor, double zoom) {
    m_autoFit = false;
    m_view.zoomAbout(anchor, zoom);
    update();
    emit zoomChanged(m_view.zoom());
}

void CanvasView::zoomIn() { setZoomAbout(QRectF(rect()).center(), m_view.zoom() * std::sqrt(2.0)); }

void CanvasView::zoomOut() { setZoomAbout(QRectF(rect()).center(), m_view.zoom() / std::sqrt(2.0)); }

void CanvasView::fitToWindow() {
    m_autoFit = true;
    if (m_image.isNull()) return;
    m_view.fit(m_image.size(), size(), true);
    update();
    emit zoomChanged(m_view.zoom());
}

void CanvasView::actualSize() {
    m_autoFit = false;
    if (m_image.isNull()) return;
    m_view.actualSize(m_image.size(), size());
    update();
    emit zoomChanged(m_view.zoom());
}

} // namespace atelier::gui
