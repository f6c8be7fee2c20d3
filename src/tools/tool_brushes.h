// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tools/brush.h"

#include <map>
#include <optional>
#include <string>

namespace atelier::tools {

/// Each brush tool's own brush, as image editors keep them: the eraser's size
/// stays apart from the brush's. Starts from the defaults in tools.json
/// (ToolDefinition::brush); remember() keeps what the user changes.
class ToolBrushes {
public:
    /// One brush per tool definition that has one.
    ToolBrushes();
    /// The brush of tool `id`; nullopt for a tool without one (lasso, wand, ...) or an unknown id.
    std::optional<BrushSettings> brush(const std::string& id) const;
    /// Remembers `brush` for tool `id`; returns false (and keeps nothing) for a tool
    /// without a brush. Throws atelier::Error when validate() rejects the brush.
    bool remember(const std::string& id, const BrushSettings& brush);

private:
    std::map<std::string, BrushSettings> m_brushes;
};

} // namespace atelier::tools
