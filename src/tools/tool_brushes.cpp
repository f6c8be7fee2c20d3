// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/tool_brushes.h"

#include "tools/tool_definition.h"

namespace atelier::tools {

ToolBrushes::ToolBrushes() {
    for (const ToolDefinition& def : toolDefinitions()) {
        if (def.brush) m_brushes[def.id] = *def.brush;
    }
}

std::optional<BrushSettings> ToolBrushes::brush(const std::string& id) const {
    const auto it = m_brushes.find(id);
    if (it == m_brushes.end()) return std::nullopt;
    return it->second;
}

bool ToolBrushes::remember(const std::string& id, const BrushSettings& brush) {
    const auto it = m_brushes.find(id);
    if (it == m_brushes.end()) return false;
    validate(brush);
    it->second = brush;
    return true;
}

} // namespace atelier::tools
