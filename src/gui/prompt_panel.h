// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/edit_request.h"
#include "tools/brush.h"

#include <QWidget>

#include <memory>

namespace Ui {
class PromptPanel;
}

namespace atelier::gui {

/// The generation form (ui/prompt_panel.ui): prompt, negative prompt, model,
/// model-free fill, seed, steps, variation count, the mask brush, Generate/Cancel and a
/// progress bar. It only gathers values and reports button presses.
class PromptPanel : public QWidget {
    Q_OBJECT

public:
    explicit PromptPanel(QWidget* parent = nullptr);
    ~PromptPanel() override;

    /// The generation parameters (prompt, negative prompt, seed, steps,
    /// variation count, model path; empty path = classical fill, with the
    /// chosen fill algorithm). The caller adds the image, mask and mode.
    engine::EditRequest parameters() const;
    /// The mask brush (radius = half the diameter shown, hardness 0..1).
    tools::BrushSettings brush() const;
    /// True when the erase box is ticked.
    bool eraseMode() const;

    /// Shows a brush radius (image pixels) set elsewhere, without emitting brushChanged.
    void setBrushRadius(double radius);
    /// Shows `brush`'s radius and hardness (another tool's brush); emits brushChanged once.
    void setBrush(const tools::BrushSettings& brush);
    /// The model-free fill chosen in the Fill box: a studio setting kept in
    /// QSettings (`generate/classicalFill`), PatchMatch unless changed.
    engine::ClassicalFill classicalFill() const;
    /// Chooses the model-free fill (and stores it as the studio setting).
    void setClassicalFill(engine::ClassicalFill fill);
    /// Sets the number of variations per job (1..64).
    void setVariationCount(int count);
    /// Sets the prompt text.
    void setPrompt(const QString& prompt);
    /// Shows `parameters` (a project's saved prompt state): prompt, negative
    /// prompt, model, seed, steps and variation count (clamped to the fields' ranges).
    void setParameters(const engine::EditRequest& parameters);

    /// While busy, Generate is disabled and Cancel enabled.
    void setBusy(bool busy);
    /// Shows `step` of `total` steps on the progress bar.
    void setProgress(int step, int total);

signals:
    /// The Generate button was pressed.
    void generateRequested();
    /// The Cancel button was pressed.
    void cancelRequested();
    /// Brush size or hardness changed; read brush().
    void brushChanged();
    /// The erase box was toggled.
    void eraseModeChanged(bool erase);

private:
    std::unique_ptr<Ui::PromptPanel> m_ui;
};

} // namespace atelier::gui
