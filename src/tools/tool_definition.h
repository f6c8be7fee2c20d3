// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace atelier::tools {

/// How a tool reads the pointer.
enum class Controller {
    Freehand,     ///< press, drag, release: every sample counts
    PointByPoint, ///< each press adds a point; close() (double-click, Enter) ends
    DragBox,      ///< press one corner, release at the other
    OnePoint,     ///< a single press
};

/// How the points become a shape.
enum class Joining {
    Dabs,      ///< round dabs spaced along the path (point shape: round dab with hardness)
    Polygon,   ///< the closed polygon through the points
    Rectangle, ///< the box between two corners
    Ellipse,   ///< the ellipse inscribed in that box
    FloodFill, ///< the similar-coloured region around the point (magic wand)
};

/// What the shape does to the mask.
enum class Ink {
    PaintMask, ///< raise the mask (brush)
    EraseMask, ///< lower the mask (eraser)
    Selection, ///< replace, add to or subtract from the mask (SelectionMode)
};

/// A tool is data: the parts it is assembled from (after Aseprite's tools).
struct ToolDefinition {
    std::string id;       ///< stable key ("brush", "lasso", ...), for settings and tests
    std::string name;     ///< English display name (translated by the UI)
    Controller controller;
    Joining joining;
    Ink ink;
    std::string shortcut; ///< single-key shortcut, e.g. "B"
    std::string hint;     ///< one line of help for the status bar
};

/// Every tool, in toolbar order.
const std::vector<ToolDefinition>& toolDefinitions();

/// The tool with `id`. Throws atelier::Error naming the id when there is none.
const ToolDefinition& toolDefinition(const std::string& id);

} // namespace atelier::tools
