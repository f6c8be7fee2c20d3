// SPDX-License-Identifier: GPL-3.0-or-later
// CanvasView: dragging the outpaint frame's edges.
#include "gui/canvas_view.h"

#include "app/editor_session.h"
#include "core/error.h"
#include "doc/document.h"

#include <algorithm>
#include <cmath>

namespace atelier::gui {
namespace {

constexpr int kFrameSnap = 8; ///< frame margins snap to multiples of this (latent-friendly)

} // namespace

void CanvasView::setFrameEditing(bool on) {
    if (on == m_frameEditing) return;
    m_session->cancelTool();
    m_frameEditing = on;
    m_frameEdge = -1;
    setCursor(on ? Qt::SizeAllCursor : Qt::CrossCursor);
    update();
    emit frameEditingChanged(on);
}

Margins CanvasView::shownFrame() const {
    return m_frameEdge >= 0 ? m_frameDraft : m_session->document().outpaintFrame();
}

bool CanvasView::beginFrameDrag(QPointF pos) {
    const doc::Document& d = m_session->document();
    if (d.isEmpty()) return false;
    const QPointF p = m_view.mapToImage(pos);
    const double w = d.size().width, h = d.size().height;
    // The edge on the side the pointer is on (outside the image), else the nearest one.
    const double distances[4] = {p.x(), p.y(), w - p.x(), h - p.y()};
    m_frameEdge = static_cast<int>(std::min_element(distances, distances + 4) - distances);
    m_frameDraft = d.outpaintFrame();
    dragFrame(pos);
    return true;
}

void CanvasView::dragFrame(QPointF pos) {
    if (m_frameEdge < 0) return;
    const doc::Document& d = m_session->document();
    const QPointF p = m_view.mapToImage(pos);
    const double beyond[4] = {-p.x(), -p.y(), p.x() - d.size().width, p.y() - d.size().height};
    const double raw = std::max(0.0, beyond[m_frameEdge]);
    const int snapped = static_cast<int>(std::lround(raw / kFrameSnap)) * kFrameSnap;
    int* edges[4] = {&m_frameDraft.left, &m_frameDraft.top, &m_frameDraft.right, &m_frameDraft.bottom};
    const int limit = kMaxImageSide - ((m_frameEdge % 2 == 0) ? d.size().width : d.size().height);
    const int other = *edges[(m_frameEdge + 2) % 4]; // the opposite edge shares the side limit
    *edges[m_frameEdge] = std::clamp(snapped, 0, std::max(0, limit - other));
    update();
}

void CanvasView::endFrameDrag() {
    if (m_frameEdge < 0) return;
    const Margins frame = m_frameDraft;
    m_frameEdge = -1;
    try {
        m_session->setOutpaintFrame(frame);
    } catch (const Error& e) {
        emit toolFailed(QString::fromStdString(e.what()));
    }
    update();
}

} // namespace atelier::gui
