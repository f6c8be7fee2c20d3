// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/tool_definition.h"

#include "core/error.h"

namespace atelier::tools {

const std::vector<ToolDefinition>& toolDefinitions() {
    static const std::vector<ToolDefinition> tools = {
        {"brush", "Brush", Controller::Freehand, Joining::Dabs, Ink::PaintMask, "B",
         "Paint the mask; right button or Eraser removes; [ and ] resize"},
        {"eraser", "Eraser", Controller::Freehand, Joining::Dabs, Ink::EraseMask, "E", "Erase the mask"},
        {"lasso", "Lasso", Controller::Freehand, Joining::Polygon, Ink::Selection, "L",
         "Drag around an area; Shift adds, Alt subtracts"},
        {"polygon_lasso", "Polygonal Lasso", Controller::PointByPoint, Joining::Polygon, Ink::Selection, "P",
         "Click corners; double-click or Enter closes; Shift adds, Alt subtracts"},
        {"rectangle", "Rectangle", Controller::DragBox, Joining::Rectangle, Ink::Selection, "M",
         "Drag a box; Shift adds, Alt subtracts"},
        {"ellipse", "Ellipse", Controller::DragBox, Joining::Ellipse, Ink::Selection, "O",
         "Drag an ellipse; Shift adds, Alt subtracts"},
        {"magic_wand", "Magic Wand", Controller::OnePoint, Joining::FloodFill, Ink::Selection, "W",
         "Click a colour to select the similar area around it; Shift adds, Alt subtracts"},
    };
    return tools;
}

const ToolDefinition& toolDefinition(const std::string& id) {
    for (const ToolDefinition& t : toolDefinitions()) {
        if (t.id == id) return t;
    }
    throw Error("unknown tool '" + id + "'");
}

} // namespace atelier::tools
