// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "doc/document.h"
#include "doc/tile_delta.h"
#include "tools/brush.h"
#include "tools/pointer.h"
#include "tools/selection_mode.h"
#include "tools/tool_definition.h"

#include <memory>
#include <vector>

namespace atelier::tools {

class BrushStroke;

/// Settings every tool reads what it needs from.
struct ToolSettings {
    BrushSettings brush;                           ///< brush and eraser
    SelectionMode selection = SelectionMode::Replace; ///< mode without modifiers
    int wandTolerance = 32;                        ///< magic wand, 0..255
};

/// One use of a tool on a document's active mask layer, from the first press
/// to a finished edit, driven by plain Pointer samples (no toolkit types), so
/// every tool is testable without widgets. Assembled from its definition's
/// parts: the controller decides when points are taken and when the use ends,
/// the joining turns points into a shape, the ink writes it into the mask.
///
/// Each call returns the image pixels it changed (for repaint). When
/// isFinished(), takeDelta() gives the edit as one MaskDelta for the undo stack.
class MaskTool {
public:
    /// A tool on `document` (which must outlive it and keep its size and layers
    /// while it runs). Throws atelier::Error for an empty document or bad settings.
    MaskTool(doc::Document& document, const ToolDefinition& definition, const ToolSettings& settings);
    ~MaskTool();

    MaskTool(const MaskTool&) = delete;
    MaskTool& operator=(const MaskTool&) = delete;

    /// A button went down at `p` (starts the use, or adds a point).
    Rect press(const Pointer& p);
    /// The pointer moved (with or without a button held).
    Rect move(const Pointer& p);
    /// The button went up.
    Rect release(const Pointer& p);
    /// Closes a point-by-point shape (double-click or Enter) and applies it.
    Rect close();
    /// Abandons the use; the mask is restored byte-exactly. Returns the pixels restored.
    Rect cancel();

    /// True between the first press and the end of the use.
    bool isActive() const { return m_active; }
    /// True once the use ended with an edit (possibly empty) ready in takeDelta().
    bool isFinished() const { return m_finished; }
    /// The finished edit (empty when nothing changed); the tool is spent afterwards.
    doc::MaskDelta takeDelta();

    /// The shape so far, as a polyline in image pixels, for the canvas to draw
    /// (the lasso path, the polygon with its rubber band, the box or ellipse outline).
    std::vector<PointF> outline() const;
    /// The selection mode of this use (from the modifiers at the first press).
    SelectionMode mode() const { return m_mode; }
    const ToolDefinition& definition() const { return m_definition; }

private:
    Rect applyShape();

    doc::Document& m_document;
    ToolDefinition m_definition;
    ToolSettings m_settings;
    std::unique_ptr<BrushStroke> m_stroke;
    std::vector<PointF> m_points;
    PointF m_hover;
    bool m_active = false;
    bool m_finished = false;
    SelectionMode m_mode = SelectionMode::Replace;
    doc::MaskDelta m_delta;
};

} // namespace atelier::tools
