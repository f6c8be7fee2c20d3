// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/variation_ptr.h"

#include <QDockWidget>

class QListView;
class QPushButton;

namespace atelier::app {
class VariationsModel;
}

namespace atelier::gui {

/// The Variations dock: the finished variations as thumbnails (a QListView
/// in icon mode over app::VariationsModel). Selecting one asks for a preview;
/// Apply and Export act on the selected one.
class VariationsDock : public QDockWidget {
    Q_OBJECT

public:
    /// A dock over `model` (which must outlive it).
    explicit VariationsDock(app::VariationsModel* model, QWidget* parent = nullptr);

    /// The selected variation, or null.
    app::VariationPtr selectedVariation() const;
    /// Selects `row` (previewing it); -1 clears the selection.
    void selectRow(int row);
    /// The thumbnail list.
    QListView* listView() const { return m_list; }

signals:
    /// Show `variation` on the canvas as a preview.
    void previewRequested(const atelier::app::VariationPtr& variation);
    /// Nothing is selected any more; show the document.
    void previewCleared();
    /// Apply was pressed (or a thumbnail double-clicked).
    void applyRequested(const atelier::app::VariationPtr& variation);
    /// Export was pressed.
    void exportRequested(const atelier::app::VariationPtr& variation);

private:
    void selectionChanged();

    app::VariationsModel* m_model;
    QListView* m_list;
    QPushButton* m_apply;
    QPushButton* m_export;
};

} // namespace atelier::gui
