// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/canvas_view.h"

#include "app/editor_session.h"
#include "app/segment_controller.h"
#include "doc/document.h"
#include "gui/checker_brush.h"

#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QScrollBar>
#include <QStyle>

#include <cmath>

namespace atelier::gui {

CanvasView::CanvasView(app::EditorSession* session, QWidget* parent) : QWidget(parent), m_session(session) {
    setObjectName(QStringLiteral("canvasView"));
    setMouseTracking(true);
    setTabletTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::CrossCursor);
    setMinimumSize(200, 150);
    m_hScroll = new QScrollBar(Qt::Horizontal, this);
    m_hScroll->setObjectName(QStringLiteral("canvasHScroll"));
    m_vScroll = new QScrollBar(Qt::Vertical, this);
    m_vScroll->setObjectName(QStringLiteral("canvasVScroll"));
    m_hScroll->setCursor(Qt::ArrowCursor);
    m_vScroll->setCursor(Qt::ArrowCursor);
    connect(m_hScroll, &QScrollBar::valueChanged, this, &CanvasView::scrolled);
    connect(m_vScroll, &QScrollBar::valueChanged, this, &CanvasView::scrolled);

    connect(session, &app::EditorSession::documentReplaced, this, &CanvasView::documentReplaced);
    connect(session, &app::EditorSession::imageChanged, this, [this](QRect r) {
        m_before = QImage();
        m_pyramid.refresh(m_session->document(), r);
        if (!hasPreview()) updateImageArea(r);
    });
    connect(session, &app::EditorSession::maskChanged, this, [this](QRect r) {
        m_pyramid.refresh(m_session->document(), r);
        if (!hasPreview()) updateImageArea(r);
    });
    connect(session, &app::EditorSession::outpaintFrameChanged, this, [this] {
        if (m_autoFit) {
            fitToWindow();
        } else {
            syncScrollBars(); // the scrollable area grows and shrinks with the frame
        }
        update();
    });
    connect(session, &app::EditorSession::toolOutlineChanged, this, [this] {
        const QRect now = toolOutlineRect();
        update(m_lastToolOutline.united(now));
        m_lastToolOutline = now;
    });
    documentReplaced();
}

void CanvasView::documentReplaced() {
    clearPreview();
    m_pyramid.rebuild(m_session->document());
    fitToWindow();
    update();
}

void CanvasView::setBrush(const tools::BrushSettings& brush) {
    const QRect old = outlineRect(m_hoverPos);
    m_settings.brush = brush;
    if (m_hoverVisible) update(old.united(outlineRect(m_hoverPos)));
}

void CanvasView::setToolSettings(const tools::ToolSettings& settings) {
    m_settings = settings;
    if (m_hoverVisible) update();
}

void CanvasView::setTool(const QString& id) {
    setFrameEditing(false); // choosing a tool, even the current one, leaves frame editing
    const std::string key = id.toStdString();
    try {
        tools::toolDefinition(key);
    } catch (const std::exception&) {
        return;
    }
    if (key == m_toolId) return;
    m_session->cancelTool();
    if (m_segment) m_segment->discard();
    m_segmentPressed = false;
    m_toolId = key;
    update();
    emit toolChanged(id);
}

void CanvasView::setEraseMode(bool erase) { m_eraseMode = erase; }

void CanvasView::setPreview(const QImage& image) {
    m_preview = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    if (m_compareMode == CompareMode::Before) setCompareMode(CompareMode::After); // a new preview shows itself
    update();
}

void CanvasView::clearPreview() {
    if (m_preview.isNull()) return;
    m_preview = QImage();
    m_before = QImage();
    m_compareDragging = false;
    update();
}

void CanvasView::setMaskColor(const QColor& color) {
    const doc::Document& d = m_session->document();
    if (d.isEmpty()) return;
    m_session->setMaskAppearance(
        d.activeMaskId(), (std::uint32_t(color.red()) << 16) | (std::uint32_t(color.green()) << 8) | color.blue(),
        color.alphaF());
}

double CanvasView::displayZoom() const { return m_view.zoom() * devicePixelRatioF(); }

QRect CanvasView::viewportRect() const { return rect(); }

void CanvasView::updateImageArea(const QRect& imageRect) {
    update(m_view.mapFromImage(QRectF(imageRect)).toAlignedRect().adjusted(-2, -2, 2, 2));
}

void CanvasView::paintEvent(QPaintEvent* event) {
    QPainter p(this);
    p.fillRect(event->rect(), QColor(45, 45, 48));
    if (m_pyramid.levelCount() == 0) {
        p.setPen(QColor(190, 190, 190));
        p.drawText(rect(), Qt::AlignCenter, tr("Open an image (File ▸ Open…) or drop an image file here"));
        return;
    }
    paintFrame(p);
    paintImage(p, event->rect());
    paintFrameOutline(p);
    if (!m_preview.isNull()) paintCompareOverlay(p);
    paintToolOutline(p);
    paintSegmentPreview(p);
    if (m_hoverVisible && !m_panning && !m_spaceHeld && !m_frameEditing && usesBrushOutline()) {
        const double r = m_settings.brush.radius * m_view.zoom();
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(0, 0, 0, 200), 1.0));
        p.drawEllipse(m_hoverPos, r + 1.0, r + 1.0);
        p.setPen(QPen(QColor(255, 255, 255, 230), 1.0));
        p.drawEllipse(m_hoverPos, r, r);
    }
}

void CanvasView::paintImage(QPainter& p, const QRect& exposed) {
    const Size size = m_session->document().size();
    const QRect imageRect(0, 0, size.width, size.height);
    const QRect src = m_view.mapToImage(QRectF(exposed)).toAlignedRect().adjusted(-2, -2, 2, 2).intersected(imageRect);
    if (src.isEmpty()) return;
    p.save();
    p.setTransform(m_view.toQTransform());
    if (m_preview.isNull()) {
        if (m_pyramid.hasTransparency()) {
            p.save();
            p.resetTransform();
            p.fillRect(m_view.mapFromImage(QRectF(src)).intersected(QRectF(exposed)), checkerBrush());
            p.restore();
        }
        const double deviceZoom = displayZoom(); // device pixels per image pixel (high-DPI screens)
        const int k = m_pyramid.levelFor(deviceZoom);
        const double scale = std::ldexp(1.0, k); // image pixels per level pixel
        const QImage& level = m_pyramid.level(k);
        const QRectF levelSrc = QRectF(src.x() / scale, src.y() / scale, src.width() / scale, src.height() / scale)
                                    .intersected(QRectF(level.rect()));
        p.setRenderHint(QPainter::SmoothPixmapTransform, deviceZoom * scale < 1.0);
        p.drawImage(QRectF(levelSrc.x() * scale, levelSrc.y() * scale, levelSrc.width() * scale,
                           levelSrc.height() * scale),
                    level, levelSrc);
    } else {
        paintPreview(p, exposed);
    }
    p.restore();
}

void CanvasView::paintToolOutline(QPainter& p) {
    const std::vector<PointF> outline = m_session->toolOutline();
    if (outline.size() < 2) return;
    QPolygonF poly;
    for (const PointF& pt : outline) poly << m_view.mapFromImage(QPointF(pt.x, pt.y));
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(Qt::black, 1.0));
    p.drawPolyline(poly);
    p.setPen(QPen(Qt::white, 1.0, Qt::DashLine));
    p.drawPolyline(poly);
    p.restore();
}

QRect CanvasView::toolOutlineRect() const {
    const std::vector<PointF> outline = m_session->toolOutline();
    QRectF r;
    for (const PointF& pt : outline) {
        const QPointF w = m_view.mapFromImage(QPointF(pt.x, pt.y));
        r = r.united(QRectF(w, QSizeF(1, 1)));
    }
    return r.toAlignedRect().adjusted(-3, -3, 3, 3);
}

void CanvasView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    const int e = style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    m_hScroll->setGeometry(0, height() - e, width() - e, e);
    m_vScroll->setGeometry(width() - e, 0, e, height() - e);
    if (m_autoFit) {
        fitToWindow();
    } else {
        syncScrollBars();
    }
}

bool CanvasView::usesBrushOutline() const {
    return tools::toolDefinition(m_toolId).joining == tools::Joining::Dabs;
}

QRect CanvasView::outlineRect(QPointF widgetPos) const {
    const double r = m_settings.brush.radius * m_view.zoom() + 3.0;
    return QRectF(widgetPos.x() - r, widgetPos.y() - r, 2 * r, 2 * r).toAlignedRect();
}

void CanvasView::moveOutline(QPointF widgetPos, bool visible) {
    if (m_hoverVisible) update(outlineRect(m_hoverPos));
    m_hoverPos = widgetPos;
    m_hoverVisible = visible;
    if (m_hoverVisible) update(outlineRect(m_hoverPos));
}

void CanvasView::viewChanged() {
    syncScrollBars();
    update();
    emit zoomChanged(displayZoom());
}

void CanvasView::syncScrollBars() {
    const Size size = m_session->document().size();
    const bool visible = !size.isEmpty();
    m_hScroll->setVisible(visible);
    m_vScroll->setVisible(visible);
    if (!visible) return;
    m_syncingScrollBars = true;
    // Scroll positions are -offset: the canvas (the image and its outpaint frame) may move
    // until half a view lies beyond either edge.
    const Margins& f = m_session->document().outpaintFrame();
    const double z = m_view.zoom();
    const double left = f.left * z, top = f.top * z;
    const double right = (size.width + f.right) * z, bottom = (size.height + f.bottom) * z;
    m_hScroll->setRange(static_cast<int>(std::floor(-width() / 2 - left)),
                        static_cast<int>(std::ceil(std::max(0.0, right - width() / 2))));
    m_vScroll->setRange(static_cast<int>(std::floor(-height() / 2 - top)),
                        static_cast<int>(std::ceil(std::max(0.0, bottom - height() / 2))));
    m_hScroll->setPageStep(width());
    m_vScroll->setPageStep(height());
    m_hScroll->setSingleStep(20);
    m_vScroll->setSingleStep(20);
    m_hScroll->setValue(static_cast<int>(std::lround(-m_view.offset().x())));
    m_vScroll->setValue(static_cast<int>(std::lround(-m_view.offset().y())));
    m_syncingScrollBars = false;
}

void CanvasView::scrolled() {
    if (m_syncingScrollBars) return;
    m_autoFit = false;
    const QPointF target(-m_hScroll->value(), -m_vScroll->value());
    m_view.pan(target - m_view.offset());
    update();
}

void CanvasView::setZoomAbout(QPointF anchor, double zoom) {
    m_autoFit = false;
    m_view.zoomAbout(anchor, zoom);
    viewChanged();
}

void CanvasView::zoomIn() { setZoomAbout(QRectF(rect()).center(), m_view.zoom() * std::sqrt(2.0)); }

void CanvasView::zoomOut() { setZoomAbout(QRectF(rect()).center(), m_view.zoom() / std::sqrt(2.0)); }

void CanvasView::fitToWindow() {
    m_autoFit = true;
    const doc::Document& d = m_session->document();
    if (d.isEmpty()) {
        syncScrollBars();
        return;
    }
    const Margins& f = d.outpaintFrame();
    const int bar = style()->pixelMetric(QStyle::PM_ScrollBarExtent); // keep the image clear of the scroll bars
    m_view.fit(QSize(d.size().width + f.left + f.right, d.size().height + f.top + f.bottom),
               QSize(width() - bar, height() - bar), true);
    m_view.pan(QPointF(f.left, f.top) * m_view.zoom());
    viewChanged();
}

void CanvasView::actualSize() {
    m_autoFit = false;
    const Size s = m_session->document().size();
    if (s.isEmpty()) return;
    m_view.actualSize(QSize(s.width, s.height), size());
    const double dpr = devicePixelRatioF();
    m_view.zoomAbout(QRectF(rect()).center(), 1.0 / dpr); // one image pixel per device pixel
    // ...starting on a device pixel: centring in an odd width left it half a pixel off (resampled,
    // and scrolling then snapped it to whole pixels).
    const QPointF device = m_view.offset() * dpr;
    m_view.pan((QPointF(std::floor(device.x()), std::floor(device.y())) - device) / dpr);
    viewChanged();
}

} // namespace atelier::gui
