// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QSlider;
class QToolButton;
class QTreeView;

namespace atelier::app {
class EditorSession;
class MaskLayersModel;
} // namespace atelier::app

namespace atelier::gui {

/// The Mask Layers dock: the document's mask layers, top first, each with a
/// visibility check box, its overlay colour swatch, its name and opacity.
/// Selecting a row makes that layer active; double-click renames or sets the
/// opacity; the buttons add, delete and recolour; the slider sets the active
/// layer's opacity. Renames, colours, opacity and added or deleted layers are
/// undoable (one step per slider drag); visibility is a view setting.
class MaskLayerDock : public QDockWidget {
    Q_OBJECT

public:
    /// A dock over `session` (which must outlive it).
    explicit MaskLayerDock(app::EditorSession* session, QWidget* parent = nullptr);

    /// The layer table.
    QTreeView* view() const { return m_view; }
    /// The model behind it.
    app::MaskLayersModel* model() const { return m_model; }
    /// The active layer's opacity slider (0..100).
    QSlider* opacitySlider() const { return m_opacity; }

public slots:
    /// Adds a clear mask layer above the others (undoable).
    void addLayer();
    /// Deletes the active layer (undoable); the last layer stays.
    void removeLayer();
    /// Asks for the active layer's overlay colour.
    void chooseColour();

signals:
    /// A change was refused; `message` is for the status bar.
    void notice(const QString& message);

private:
    void syncFromSession();
    void rowActivated(int row);

    app::EditorSession* m_session;
    app::MaskLayersModel* m_model;
    QTreeView* m_view;
    QSlider* m_opacity;
    QToolButton* m_add;
    QToolButton* m_remove;
    QToolButton* m_colour;
    bool m_syncing = false;
};

} // namespace atelier::gui
