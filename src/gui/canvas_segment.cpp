// SPDX-License-Identifier: GPL-3.0-or-later
// CanvasView: the segment tool — clicks and boxes go to the SegmentController;
// the predicted mask, the points and the box are drawn over the image.
#include "gui/canvas_view.h"

#include "app/editor_session.h"
#include "app/segment_controller.h"

#include <QKeyEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace atelier::gui {
namespace {

constexpr qint64 kMaxOverlayPixels = 4'000'000; // larger masks are drawn from a scaled-down overlay
const QRgb kPreviewColour = qRgba(0, 200, 255, 255);

} // namespace

void CanvasView::setSegmentController(app::SegmentController* controller) {
    m_segment = controller;
    if (!controller) return;
    connect(controller, &app::SegmentController::previewChanged, this, &CanvasView::segmentPreviewChanged);
}

bool CanvasView::segmentToolSelected() const {
    return m_segment && tools::toolDefinition(m_toolId).ink == tools::Ink::Segment;
}

void CanvasView::segmentPreviewChanged() {
    const tools::SegmentTool* tool = m_segment ? m_segment->tool() : nullptr;
    const MaskA8* mask = tool ? tool->previewMask() : nullptr;
    if (mask != m_segmentOverlayMask || (mask && m_segmentOverlayIndex != tool->candidateIndex())) {
        m_segmentOverlayMask = mask;
        m_segmentOverlayIndex = tool ? tool->candidateIndex() : -1;
        m_segmentOverlay = QImage();
        m_segmentOverlayRect = QRect();
        if (mask) {
            const Rect b = mask->bounds();
            if (!b.isEmpty()) {
                // Overlay of the mask's bounds, one pixel per `step` image pixels.
                const int step = std::max(1, static_cast<int>(std::ceil(std::sqrt(
                                                  static_cast<double>(b.area()) / kMaxOverlayPixels))));
                QImage overlay((b.width + step - 1) / step, (b.height + step - 1) / step,
                               QImage::Format_ARGB32_Premultiplied);
                const int alpha = 110;
                for (int y = 0; y < overlay.height(); ++y) {
                    auto* row = reinterpret_cast<QRgb*>(overlay.scanLine(y));
                    const int sy = b.y + y * step;
                    for (int x = 0; x < overlay.width(); ++x) {
                        const int a = mask->at(b.x + x * step, sy) * alpha / 255;
                        row[x] = a == 0 ? 0u
                                        : qRgba(qRed(kPreviewColour) * a / 255, qGreen(kPreviewColour) * a / 255,
                                                qBlue(kPreviewColour) * a / 255, a);
                    }
                }
                m_segmentOverlay = overlay;
                m_segmentOverlayRect = QRect(b.x, b.y, b.width, b.height);
            }
        }
    }
    update();
}

void CanvasView::paintSegmentPreview(QPainter& p) {
    if (!segmentToolSelected()) return;
    const tools::SegmentTool* tool = m_segment->tool();
    if (!tool) return;
    p.save();
    if (!m_segmentOverlay.isNull() && tool->hasPreview()) {
        p.setTransform(m_view.toQTransform());
        p.setRenderHint(QPainter::SmoothPixmapTransform, false);
        p.drawImage(QRectF(m_segmentOverlayRect), m_segmentOverlay);
        p.resetTransform();
    }
    p.setRenderHint(QPainter::Antialiasing);
    const auto drawBox = [&](const Rect& r, const QColor& colour) {
        const QRectF box(m_view.mapFromImage(QPointF(r.x, r.y)), m_view.mapFromImage(QPointF(r.right(), r.bottom())));
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(0, 0, 0, 200), 3.0));
        p.drawRect(box);
        p.setPen(QPen(colour, 1.5, Qt::DashLine));
        p.drawRect(box);
    };
    if (tool->prompt().box) drawBox(*tool->prompt().box, QColor(0, 200, 255));
    if (const std::optional<Rect> drag = tool->dragBox()) drawBox(*drag, QColor(255, 255, 255));
    for (const PromptPoint& pt : tool->prompt().points) {
        const QPointF c = m_view.mapFromImage(QPointF(pt.x + 0.5, pt.y + 0.5));
        p.setPen(QPen(Qt::white, 2.0));
        p.setBrush(pt.foreground ? QColor(40, 200, 80) : QColor(230, 50, 50));
        p.drawEllipse(c, 6.0, 6.0);
        p.setPen(QPen(Qt::white, 2.0));
        if (pt.foreground) p.drawLine(c + QPointF(0, -3), c + QPointF(0, 3));
        p.drawLine(c + QPointF(-3, 0), c + QPointF(3, 0));
    }
    p.restore();
}

bool CanvasView::segmentKey(QKeyEvent* event) {
    if (!segmentToolSelected()) return false;
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        int mods = tools::NoModifier;
        if (event->modifiers() & Qt::ShiftModifier) mods |= tools::ShiftModifier;
        if (event->modifiers() & Qt::AltModifier) mods |= tools::AltModifier;
        m_segment->commit(tools::selectionModeFor(m_settings.selection, mods));
        return true;
    }
    case Qt::Key_Escape:
        m_segment->discard();
        return true;
    case Qt::Key_Tab:
        m_segment->cycleCandidate();
        return true;
    case Qt::Key_Backspace:
        m_segment->undoLastPrompt();
        return true;
    default:
        return false;
    }
}

bool CanvasView::focusNextPrevChild(bool next) {
    // With the segment tool, Tab cycles the candidate masks instead of moving the focus.
    if (segmentToolSelected() && hasFocus()) return false;
    return QWidget::focusNextPrevChild(next);
}

} // namespace atelier::gui
