// SPDX-License-Identifier: GPL-3.0-or-later
// CanvasView: pointer, wheel and keyboard input (tools, panning, zooming).
#include "gui/canvas_view.h"

#include "app/editor_session.h"
#include "app/segment_controller.h"
#include "core/error.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QTabletEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace atelier::gui {
namespace {

int toPointerButtons(Qt::MouseButtons buttons) {
    int out = tools::NoButton;
    if (buttons & Qt::LeftButton) out |= tools::LeftButton;
    if (buttons & Qt::RightButton) out |= tools::RightButton;
    if (buttons & Qt::MiddleButton) out |= tools::MiddleButton;
    return out;
}

int toPointerModifiers(Qt::KeyboardModifiers mods) {
    int out = tools::NoModifier;
    if (mods & Qt::ShiftModifier) out |= tools::ShiftModifier;
    if (mods & Qt::ControlModifier) out |= tools::ControlModifier;
    if (mods & Qt::AltModifier) out |= tools::AltModifier;
    return out;
}

} // namespace

tools::Pointer CanvasView::toPointer(QPointF widgetPos, Qt::MouseButtons buttons, Qt::KeyboardModifiers mods,
                                     float pressure) const {
    const QPointF p = m_view.mapToImage(widgetPos);
    return tools::Pointer{PointF{p.x(), p.y()}, pressure, toPointerButtons(buttons), toPointerModifiers(mods)};
}

bool CanvasView::pressAt(QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons, Qt::KeyboardModifiers mods,
                         float pressure) {
    setFocus(Qt::MouseFocusReason);
    if (button == Qt::MiddleButton || (button == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_panLast = pos;
        setCursor(Qt::ClosedHandCursor);
        moveOutline(pos, false);
        return true;
    }
    if (!m_session->hasImage()) return false;
    if (m_frameEditing) return button == Qt::LeftButton && beginFrameDrag(pos);
    const tools::ToolDefinition& def = tools::toolDefinition(m_toolId);
    if (def.ink == tools::Ink::Segment) {
        if (button != Qt::LeftButton || !m_segment) return false;
        if (hasPreview()) {
            clearPreview();
            emit previewCleared();
        }
        m_segmentPressed = true;
        m_segment->press(toPointer(pos, buttons | button, mods, pressure));
        return true;
    }
    const bool brushLike = def.joining == tools::Joining::Dabs;
    if (button != Qt::LeftButton && !(button == Qt::RightButton && brushLike)) return false;
    if (hasPreview() && button == Qt::LeftButton && nearCompareDivider(pos)) {
        m_compareDragging = true; // dragging the before/after divider (canvas_compare.cpp)
        return true;
    }
    if (hasPreview()) {
        clearPreview();
        emit previewCleared();
    }
    const tools::ToolDefinition* tool = &def;
    if (brushLike && (button == Qt::RightButton || m_eraseMode)) tool = &tools::toolDefinition("eraser");
    tools::ToolSettings settings = m_settings;
    settings.brush.mode = tool->ink == tools::Ink::EraseMask ? tools::BrushMode::Erase : tools::BrushMode::Paint;
    try {
        m_session->toolPress(*tool, settings, toPointer(pos, buttons | button, mods, pressure));
    } catch (const Error& e) {
        emit toolFailed(QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

void CanvasView::moveTo(QPointF pos, Qt::MouseButtons buttons, Qt::KeyboardModifiers mods, float pressure) {
    if (m_panning) {
        m_autoFit = false;
        m_view.pan(pos - m_panLast);
        m_panLast = pos;
        syncScrollBars();
        update();
        return;
    }
    if (m_frameEditing) {
        dragFrame(pos);
        emit pointerMoved(m_view.mapToImage(pos));
        return;
    }
    if (m_compareDragging) {
        const double width = m_session->document().size().width;
        if (width > 0) setCompareSplit(m_view.mapToImage(pos).x() / width);
        return;
    }
    if (!m_spaceHeld) setCursor(hasPreview() && nearCompareDivider(pos) ? Qt::SplitHCursor : Qt::CrossCursor);
    moveOutline(pos, m_session->hasImage());
    if (m_segmentPressed && m_segment) m_segment->move(toPointer(pos, buttons, mods, pressure));
    if (m_session->isToolActive()) m_session->toolMove(toPointer(pos, buttons, mods, pressure));
    emit pointerMoved(m_view.mapToImage(pos));
}

bool CanvasView::releaseAt(QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons,
                           Qt::KeyboardModifiers mods) {
    if (m_panning && (button == Qt::MiddleButton || button == Qt::LeftButton)) {
        m_panning = false;
        setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::CrossCursor);
        return true;
    }
    if (m_frameEditing && button == Qt::LeftButton) {
        endFrameDrag();
        return true;
    }
    if (m_compareDragging && button == Qt::LeftButton) {
        m_compareDragging = false;
        return true;
    }
    if (m_segmentPressed && button == Qt::LeftButton) {
        m_segmentPressed = false;
        if (m_segment) m_segment->release(toPointer(pos, buttons, mods, 1.0f));
        return true;
    }
    if (m_session->isToolActive() && (button == Qt::LeftButton || button == Qt::RightButton)) {
        m_session->toolRelease(toPointer(pos, buttons, mods, 1.0f));
        return true;
    }
    return false;
}

void CanvasView::mousePressEvent(QMouseEvent* event) {
    m_previousPressPos = m_lastPressPos;
    m_lastPressPos = event->position();
    if (!pressAt(event->position(), event->button(), event->buttons(), event->modifiers(), 1.0f)) {
        QWidget::mousePressEvent(event);
    }
}

void CanvasView::mouseMoveEvent(QMouseEvent* event) {
    moveTo(event->position(), event->buttons(), event->modifiers(), 1.0f);
}

void CanvasView::mouseReleaseEvent(QMouseEvent* event) {
    if (!releaseAt(event->position(), event->button(), event->buttons(), event->modifiers())) {
        QWidget::mouseReleaseEvent(event);
    }
}

void CanvasView::mouseDoubleClickEvent(QMouseEvent* event) {
    const auto near = [](QPointF a, QPointF b) { return (a - b).manhattanLength() <= QApplication::startDragDistance(); };
    const bool polygon = tools::toolDefinition(m_toolId).controller == tools::Controller::PointByPoint;
    if (!near(event->position(), m_lastPressPos)) {
        // No press came before this event here (synthetic input): it is a click of its own.
        mousePressEvent(event);
        if (polygon) m_session->toolClose();
    } else if (polygon && near(m_lastPressPos, m_previousPressPos)) {
        // Both presses of the double-click at one place (Qt delivered the second press already).
        // Two quick clicks at different places are two points, not a double-click.
        m_session->toolClose();
    }
    event->accept();
}

void CanvasView::tabletEvent(QTabletEvent* event) {
    const auto pressure = static_cast<float>(event->pressure());
    switch (event->type()) {
    case QEvent::TabletPress:
        pressAt(event->position(), event->button(), event->buttons(), event->modifiers(), pressure);
        break;
    case QEvent::TabletMove:
        moveTo(event->position(), event->buttons(), event->modifiers(), pressure);
        break;
    case QEvent::TabletRelease:
        releaseAt(event->position(), event->button(), event->buttons(), event->modifiers());
        break;
    default:
        return;
    }
    event->accept(); // no synthesized mouse events: the tablet path carries the pressure
}

void CanvasView::wheelEvent(QWheelEvent* event) {
    const QPoint delta = event->angleDelta();
    const int steps = delta.y() != 0 ? delta.y() : delta.x();
    if (steps == 0 || m_pyramid.levelCount() == 0) return;
    // One notch (120) zooms by 2^(1/4), so four notches double the size.
    setZoomAbout(event->position(), m_view.zoom() * std::pow(2.0, steps / 480.0));
    moveOutline(event->position(), true);
    event->accept();
}

void CanvasView::keyPressEvent(QKeyEvent* event) {
    if (segmentKey(event)) return;
    switch (event->key()) {
    case Qt::Key_Space:
        if (!event->isAutoRepeat()) {
            m_spaceHeld = true;
            setCursor(Qt::OpenHandCursor);
            update(outlineRect(m_hoverPos));
        }
        return;
    case Qt::Key_BracketLeft:
    case Qt::Key_BracketRight: {
        tools::BrushSettings brush = m_settings.brush;
        const double factor = event->key() == Qt::Key_BracketRight ? 1.2 : 1.0 / 1.2;
        brush.radius = std::clamp(brush.radius * factor, 0.5, 1000.0);
        setBrush(brush);
        emit brushRadiusChanged(brush.radius);
        return;
    }
    case Qt::Key_Return:
    case Qt::Key_Enter:
        m_session->toolClose();
        return;
    case Qt::Key_Escape:
        m_session->cancelTool();
        return;
    case Qt::Key_Backslash:
        if (hasPreview()) {
            toggleBeforeAfter();
            return;
        }
        QWidget::keyPressEvent(event);
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void CanvasView::keyReleaseEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        if (!m_panning) setCursor(Qt::CrossCursor);
        update(outlineRect(m_hoverPos));
        return;
    }
    QWidget::keyReleaseEvent(event);
}

void CanvasView::leaveEvent(QEvent* event) {
    moveOutline(m_hoverPos, false);
    QWidget::leaveEvent(event);
}

} // namespace atelier::gui
