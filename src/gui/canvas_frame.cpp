// SPDX-License-Identifier: GPL-3.0-or-later
// CanvasView: the outpaint frame, drawn as masked new canvas with handles, and
// dragging its edges and corners.
#include "gui/canvas_view.h"

#include "app/editor_session.h"
#include "core/error.h"
#include "doc/document.h"
#include "gui/checker_brush.h"

#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace atelier::gui {
namespace {

constexpr int kFrameSnap = 8;        ///< frame margins snap to multiples of this (latent-friendly)
constexpr double kHandleHalf = 4.5;  ///< half the side of a handle square, widget pixels
constexpr double kHandleReach = 9.0; ///< a press this close to a handle grabs it, widget pixels

enum Edge { Left = 1, Top = 2, Right = 4, Bottom = 8 };

/// The eight handles: the frame's corners and edge midpoints, with the edges each one moves.
struct Handle {
    QPointF at;
    int edges;
};

std::array<Handle, 8> handlesOf(const QRectF& r) {
    const QPointF c = r.center();
    return {{{r.topLeft(), Left | Top},
             {QPointF(c.x(), r.top()), Top},
             {r.topRight(), Right | Top},
             {QPointF(r.right(), c.y()), Right},
             {r.bottomRight(), Right | Bottom},
             {QPointF(c.x(), r.bottom()), Bottom},
             {r.bottomLeft(), Left | Bottom},
             {QPointF(r.left(), c.y()), Left}}};
}

Qt::CursorShape cursorFor(int edges) {
    switch (edges) {
    case Left:
    case Right:
        return Qt::SizeHorCursor;
    case Top:
    case Bottom:
        return Qt::SizeVerCursor;
    case Left | Top:
    case Right | Bottom:
        return Qt::SizeFDiagCursor;
    case Right | Top:
    case Left | Bottom:
        return Qt::SizeBDiagCursor;
    default:
        return Qt::SizeAllCursor;
    }
}

} // namespace

void CanvasView::setFrameEditing(bool on) {
    if (on == m_frameEditing) return;
    m_session->cancelTool();
    m_frameEditing = on;
    m_frameEdges = 0;
    setCursor(on ? Qt::SizeAllCursor : Qt::CrossCursor);
    update();
    emit frameEditingChanged(on);
}

Margins CanvasView::shownFrame() const {
    return m_frameEdges != 0 ? m_frameDraft : m_session->document().outpaintFrame();
}

QRectF CanvasView::frameWidgetRect() const {
    const Size s = m_session->document().size();
    const Margins f = shownFrame();
    return m_view.mapFromImage(QRectF(-f.left, -f.top, s.width + f.left + f.right, s.height + f.top + f.bottom));
}

int CanvasView::frameEdgesAt(QPointF pos) const {
    const doc::Document& d = m_session->document();
    if (d.isEmpty()) return 0;
    // A handle of the frame first (corners move two edges).
    for (const Handle& h : handlesOf(frameWidgetRect())) {
        if (std::abs(pos.x() - h.at.x()) <= kHandleReach && std::abs(pos.y() - h.at.y()) <= kHandleReach) {
            return h.edges;
        }
    }
    // Then the side(s) of the image the pointer is beyond, else the nearest edge.
    const QPointF p = m_view.mapToImage(pos);
    const double w = d.size().width, h = d.size().height;
    int edges = (p.x() < 0 ? Left : 0) | (p.x() > w ? Right : 0) | (p.y() < 0 ? Top : 0) | (p.y() > h ? Bottom : 0);
    if (edges != 0) return edges;
    const double distances[4] = {p.x(), p.y(), w - p.x(), h - p.y()};
    return 1 << static_cast<int>(std::min_element(distances, distances + 4) - distances);
}

bool CanvasView::beginFrameDrag(QPointF pos) {
    m_frameEdges = frameEdgesAt(pos);
    if (m_frameEdges == 0) return false;
    m_frameDraft = m_session->document().outpaintFrame();
    setCursor(cursorFor(m_frameEdges));
    dragFrame(pos);
    return true;
}

void CanvasView::dragFrame(QPointF pos) {
    if (m_frameEdges == 0) { // hovering: show what a press here would move
        if (m_frameEditing && !m_spaceHeld && !m_panning) setCursor(cursorFor(frameEdgesAt(pos)));
        return;
    }
    const doc::Document& d = m_session->document();
    const QPointF p = m_view.mapToImage(pos);
    const double beyond[4] = {-p.x(), -p.y(), p.x() - d.size().width, p.y() - d.size().height};
    int* edges[4] = {&m_frameDraft.left, &m_frameDraft.top, &m_frameDraft.right, &m_frameDraft.bottom};
    const QRect before = frameWidgetRect().toAlignedRect();
    for (int e = 0; e < 4; ++e) {
        if (!(m_frameEdges & (1 << e))) continue;
        const double raw = std::max(0.0, beyond[e]);
        const int snapped = static_cast<int>(std::lround(raw / kFrameSnap)) * kFrameSnap;
        const int limit = kMaxImageSide - ((e % 2 == 0) ? d.size().width : d.size().height);
        const int other = *edges[(e + 2) % 4]; // the opposite edge shares the side limit
        *edges[e] = std::clamp(snapped, 0, std::max(0, limit - other));
    }
    update(before.united(frameWidgetRect().toAlignedRect()).adjusted(-12, -12, 12, 12));
}

void CanvasView::endFrameDrag() {
    if (m_frameEdges == 0) return;
    const Margins frame = m_frameDraft;
    m_frameEdges = 0;
    try {
        m_session->setOutpaintFrame(frame);
    } catch (const Error& e) {
        emit toolFailed(QString::fromStdString(e.what()));
    }
    update();
}

void CanvasView::paintFrame(QPainter& p) {
    const doc::Document& d = m_session->document();
    const Margins f = shownFrame();
    if ((f.isNull() && !m_frameEditing) || !m_preview.isNull()) return;
    const QRectF widgetFrame = frameWidgetRect();
    // The new area shows as masked (it will be generated): a checkerboard under the
    // active layer's overlay colour. The image is drawn over the middle afterwards.
    p.fillRect(widgetFrame, checkerBrush());
    QColor masked(255, 0, 0, 128);
    if (const doc::MaskLayer* l = d.maskLayer(d.activeMaskId())) {
        masked = QColor((l->color >> 16) & 0xff, (l->color >> 8) & 0xff, l->color & 0xff,
                        static_cast<int>(std::lround(255 * std::max(l->opacity, 0.25))));
    }
    p.fillRect(widgetFrame, masked);
}

void CanvasView::paintFrameOutline(QPainter& p) {
    const Margins f = shownFrame();
    if ((f.isNull() && !m_frameEditing) || !m_preview.isNull() || m_session->document().isEmpty()) return;
    const QRectF r = frameWidgetRect();
    p.save();
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(Qt::black, 1.0));
    p.drawRect(r);
    p.setPen(QPen(Qt::white, 1.0, Qt::DashLine));
    p.drawRect(r);
    if (m_frameEditing) {
        p.setPen(QPen(Qt::black, 1.0));
        p.setBrush(Qt::white);
        for (const Handle& h : handlesOf(r)) {
            p.drawRect(QRectF(h.at.x() - kHandleHalf, h.at.y() - kHandleHalf, 2 * kHandleHalf, 2 * kHandleHalf));
        }
    }
    p.restore();
}

} // namespace atelier::gui
