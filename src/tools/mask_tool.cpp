// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/mask_tool.h"

#include "core/error.h"
#include "doc/tile_recorder.h"
#include "tools/brush_stroke.h"
#include "tools/magic_wand.h"
#include "tools/raster_shapes.h"
#include "tools/selection_ink.h"

#include <cmath>
#include <utility>

namespace atelier::tools {
namespace {

constexpr double kMinPointDistance = 1.0; ///< freehand samples closer than this (pixels) are dropped

bool samePoint(PointF a, PointF b) { return std::hypot(a.x - b.x, a.y - b.y) < 1e-9; }

std::vector<PointF> boxOutline(PointF a, PointF b) { return {a, {b.x, a.y}, b, {a.x, b.y}, a}; }

std::vector<PointF> ellipseOutline(PointF a, PointF b) {
    const double cx = (a.x + b.x) / 2, cy = (a.y + b.y) / 2, rx = std::abs(b.x - a.x) / 2, ry = std::abs(b.y - a.y) / 2;
    std::vector<PointF> out;
    for (int i = 0; i <= 64; ++i) {
        const double t = 2.0 * 3.14159265358979323846 * i / 64;
        out.push_back({cx + rx * std::cos(t), cy + ry * std::sin(t)});
    }
    return out;
}

} // namespace

MaskTool::MaskTool(doc::Document& document, const ToolDefinition& definition, const ToolSettings& settings)
    : m_document(document), m_definition(definition), m_settings(settings), m_mode(settings.selection) {
    if (document.isEmpty()) throw Error("cannot use the " + definition.name + ": the document has no image");
    if (definition.ink == Ink::Segment) throw Error("the " + definition.name + " tool is a SegmentTool, not a MaskTool");
    if (definition.joining == Joining::Dabs) {
        BrushSettings brush = settings.brush;
        brush.mode = definition.ink == Ink::EraseMask ? BrushMode::Erase : brush.mode;
        validate(brush);
        m_settings.brush = brush;
    }
}

MaskTool::~MaskTool() = default;

Rect MaskTool::press(const Pointer& p) {
    if (m_finished) return Rect{};
    if (!m_active) {
        m_active = true;
        m_mode = selectionModeFor(m_settings.selection, p.modifiers);
    }
    m_hover = p.pos;
    switch (m_definition.controller) {
    case Controller::Freehand:
        if (m_definition.joining == Joining::Dabs) {
            m_stroke = std::make_unique<BrushStroke>(m_document, m_settings.brush);
            return m_stroke->begin(p);
        }
        m_points = {p.pos};
        return Rect{};
    case Controller::PointByPoint:
        if (m_points.empty() || !samePoint(m_points.back(), p.pos)) m_points.push_back(p.pos);
        return Rect{};
    case Controller::DragBox:
        m_points = {p.pos, p.pos};
        return Rect{};
    case Controller::OnePoint:
        m_points = {p.pos};
        return applyShape();
    case Controller::ClickOrDrag:
        return Rect{};
    }
    return Rect{};
}

Rect MaskTool::move(const Pointer& p) {
    m_hover = p.pos;
    if (!m_active || m_finished) return Rect{};
    switch (m_definition.controller) {
    case Controller::Freehand:
        if (m_stroke) return m_stroke->moveTo(p);
        if (std::hypot(p.pos.x - m_points.back().x, p.pos.y - m_points.back().y) >= kMinPointDistance) {
            m_points.push_back(p.pos);
        }
        return Rect{};
    case Controller::DragBox:
        m_points.back() = p.pos;
        return Rect{};
    case Controller::PointByPoint:
    case Controller::OnePoint:
    case Controller::ClickOrDrag:
        return Rect{};
    }
    return Rect{};
}

Rect MaskTool::release(const Pointer& p) {
    if (!m_active || m_finished) return Rect{};
    switch (m_definition.controller) {
    case Controller::Freehand:
        if (m_stroke) {
            const Rect dirty = m_stroke->moveTo(p);
            StrokeResult result = m_stroke->end();
            m_stroke.reset();
            m_delta = std::move(result.delta);
            m_finished = true;
            return dirty;
        }
        move(p);
        return applyShape();
    case Controller::DragBox:
        m_points.back() = p.pos;
        return applyShape();
    case Controller::PointByPoint:
    case Controller::OnePoint:
    case Controller::ClickOrDrag:
        return Rect{};
    }
    return Rect{};
}

Rect MaskTool::close() {
    if (!m_active || m_finished || m_definition.controller != Controller::PointByPoint) return Rect{};
    return applyShape();
}

Rect MaskTool::cancel() {
    Rect restored;
    if (m_stroke) restored = m_stroke->cancel();
    m_stroke.reset();
    if (m_finished && !m_delta.isEmpty()) {
        m_document.revert(m_delta);
        restored = restored.united(m_delta.bounds());
    }
    m_delta = doc::MaskDelta{};
    m_points.clear();
    m_active = false;
    m_finished = false;
    return restored;
}

doc::MaskDelta MaskTool::takeDelta() {
    doc::MaskDelta out = std::move(m_delta);
    m_delta = doc::MaskDelta{};
    m_active = false;
    return out;
}

std::vector<PointF> MaskTool::outline() const {
    if (!m_active || m_finished || m_points.empty()) return {};
    switch (m_definition.joining) {
    case Joining::Polygon: {
        std::vector<PointF> out = m_points;
        if (m_definition.controller == Controller::PointByPoint) out.push_back(m_hover); // rubber band
        return out;
    }
    case Joining::Rectangle:
        return boxOutline(m_points.front(), m_points.back());
    case Joining::Ellipse:
        return ellipseOutline(m_points.front(), m_points.back());
    case Joining::Dabs:
    case Joining::FloodFill:
    case Joining::Prompt:
        return {};
    }
    return {};
}

Rect MaskTool::applyShape() {
    const Size size = m_document.size();
    Coverage shape;
    switch (m_definition.joining) {
    case Joining::Polygon:
        shape = rasterizePolygon(m_points, size);
        break;
    case Joining::Rectangle:
        shape = rasterizeRectangle(m_points.front(), m_points.back(), size);
        break;
    case Joining::Ellipse:
        shape = rasterizeEllipse(m_points.front(), m_points.back(), size);
        break;
    case Joining::FloodFill:
        shape = magicWand(m_document.image(),
                          Point{static_cast<int>(std::floor(m_points.front().x)),
                                static_cast<int>(std::floor(m_points.front().y))},
                          m_settings.wandTolerance);
        break;
    case Joining::Dabs:
    case Joining::Prompt:
        break;
    }
    doc::MaskRecorder recorder(m_document.maskForWriting());
    const Rect dirty = applySelection(recorder, shape, m_mode);
    m_delta = recorder.finish();
    m_finished = true;
    return dirty;
}

} // namespace atelier::tools
