// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tools/brush.h"

#include <optional>
#include <string>
#include <vector>

namespace atelier::tools {

/// How a tool reads the pointer.
enum class Controller {
    Freehand,     ///< press, drag, release: every sample counts
    PointByPoint, ///< each press adds a point; close() (double-click, Enter) ends
    DragBox,      ///< press one corner, release at the other
    OnePoint,     ///< a single press
    ClickOrDrag,  ///< a click adds a point (Alt: a negative one); a drag draws a box (segment tool)
};

/// How the points become a shape.
enum class Joining {
    Dabs,      ///< round dabs spaced along the path (point shape: round dab with hardness)
    Polygon,   ///< the closed polygon through the points
    Rectangle, ///< the box between two corners
    Ellipse,   ///< the ellipse inscribed in that box
    FloodFill, ///< the similar-coloured region around the point (magic wand)
    Prompt,    ///< points and a box gathered as a segmentation prompt (no shape of its own)
};

/// What the shape does to the mask.
enum class Ink {
    PaintMask, ///< raise the mask (brush)
    EraseMask, ///< lower the mask (eraser)
    Selection, ///< replace, add to or subtract from the mask (SelectionMode)
    Segment,   ///< asks a MaskPredictor for the object the prompt points at; the preview is
               ///< committed (replace, add, subtract) with Enter
};

/// A tool is data: the parts it is assembled from (after Aseprite's tools).
/// The shipped tools come from resources/tools/tools.json, embedded at build time.
struct ToolDefinition {
    std::string id;       ///< stable key ("brush", "lasso", ...), for settings and tests
    std::string name;     ///< English display name (translated by the UI)
    Controller controller;
    Joining joining;
    Ink ink;
    std::string shortcut; ///< single-key shortcut, e.g. "B"
    std::string hint;     ///< one line of help for the status bar
    std::optional<BrushSettings> brush; ///< default brush (radius, hardness, opacity, spacing), if the tool has one
    std::optional<int> wandTolerance;   ///< default colour tolerance 0..255 (magic wand), if the tool has one
};

/// Parses tool definitions from JSON text: {"version": 1, "tools": [{"id", "name",
/// "controller", "joining", "ink", "shortcut", "hint", optional "brush": {"radius",
/// "hardness", "opacity", "spacing"}, optional "wand_tolerance"}, ...]}. Enum values are
/// snake_case ("point_by_point", "flood_fill", "paint_mask", ...). Throws atelier::Error
/// naming the entry and field for malformed JSON, a missing or mistyped field, an
/// unknown enum value, a duplicate id or an out-of-range default.
std::vector<ToolDefinition> parseToolDefinitions(const std::string& text);

/// The JSON text of the shipped tool definitions (resources/tools/tools.json).
const std::string& builtinToolDefinitionsJson();

/// Every tool, in toolbar order (parsed once from builtinToolDefinitionsJson()).
const std::vector<ToolDefinition>& toolDefinitions();

/// The tool with `id`. Throws atelier::Error naming the id when there is none.
const ToolDefinition& toolDefinition(const std::string& id);

} // namespace atelier::tools
