// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: each brush tool's own brush (tools::ToolBrushes), shown in the prompt panel's
// "Mask brush" controls when the tool is chosen, and kept in the settings between sessions.
#include "gui/canvas_view.h"
#include "gui/main_window.h"
#include "gui/prompt_panel.h"
#include "tools/tool_definition.h"

#include <QSettings>

namespace atelier::gui {
namespace {

QString settingsKey(const std::string& toolId, const char* field) {
    return QStringLiteral("toolBrushes/%1/%2").arg(QString::fromStdString(toolId), QString::fromLatin1(field));
}

} // namespace

void MainWindow::createToolBrushes() {
    const QSettings settings;
    for (const tools::ToolDefinition& def : tools::toolDefinitions()) {
        std::optional<tools::BrushSettings> brush = m_toolBrushes.brush(def.id);
        if (!brush || !settings.contains(settingsKey(def.id, "radius"))) continue;
        brush->radius = settings.value(settingsKey(def.id, "radius")).toDouble();
        brush->hardness = settings.value(settingsKey(def.id, "hardness"), brush->hardness).toDouble();
        try {
            m_toolBrushes.remember(def.id, *brush);
        } catch (const std::exception&) {
            // A stored value out of range: the tool keeps its default.
        }
    }
    applyToolBrush(m_canvas->toolId());
    connect(m_prompt, &PromptPanel::brushChanged, this, &MainWindow::rememberToolBrush);
    connect(m_canvas, &CanvasView::brushRadiusChanged, this, &MainWindow::rememberToolBrush);
    connect(m_canvas, &CanvasView::toolChanged, this, [this](const QString& id) { applyToolBrush(id.toStdString()); });
}

void MainWindow::applyToolBrush(const std::string& toolId) {
    if (const std::optional<tools::BrushSettings> brush = m_toolBrushes.brush(toolId)) m_prompt->setBrush(*brush);
}

void MainWindow::rememberToolBrush() {
    const std::string& toolId = m_canvas->toolId();
    std::optional<tools::BrushSettings> brush = m_toolBrushes.brush(toolId);
    if (!brush) return; // a tool without a brush: the panel's brush is the right button's eraser
    const tools::BrushSettings shown = m_prompt->brush();
    brush->radius = shown.radius;
    brush->hardness = shown.hardness;
    try {
        m_toolBrushes.remember(toolId, *brush);
    } catch (const std::exception&) {
        return;
    }
    QSettings settings;
    settings.setValue(settingsKey(toolId, "radius"), brush->radius);
    settings.setValue(settingsKey(toolId, "hardness"), brush->hardness);
}

} // namespace atelier::gui
