// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/variation_ptr.h"
#include "project/approval.h"

#include <QDockWidget>

class QListView;
class QPushButton;

namespace atelier::app {
class VariationsModel;
}

namespace atelier::gui {

/// The Variations dock: the finished variations as thumbnails (a QListView
/// in icon mode over app::VariationsModel). Selecting one asks for a preview;
/// Apply, Export, Approve (star), Reject, Re-run and More like this act on the
/// selected one.
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
    /// Shows the compare buttons' state: `split` (Compare) and `before` (Before).
    void setCompareState(bool split, bool before);

signals:
    /// Show `variation` on the canvas as a preview.
    void previewRequested(const atelier::app::VariationPtr& variation);
    /// Nothing is selected any more; show the document.
    void previewCleared();
    /// Apply was pressed (or a thumbnail double-clicked).
    void applyRequested(const atelier::app::VariationPtr& variation);
    /// Export was pressed.
    void exportRequested(const atelier::app::VariationPtr& variation);
    /// Approve or Reject was pressed: set the decision on `variation` to `approval`
    /// (pressing it again on an approved or rejected variation asks for None).
    void approvalRequested(const atelier::app::VariationPtr& variation, atelier::project::Approval approval);
    /// Re-run was pressed: repeat the variation's recipe exactly.
    void rerunRequested(const atelier::app::VariationPtr& variation);
    /// More like this was pressed: img2img from the variation with its seed and recipe.
    void moreLikeThisRequested(const atelier::app::VariationPtr& variation);
    /// Compare was toggled: show the preview split with the document (or not).
    void splitCompareToggled(bool on);
    /// Before was toggled: show the document instead of the preview (or not).
    void beforeToggled(bool on);

private:
    void selectionChanged();
    void updateButtons();
    void requestApproval(project::Approval approval);

    app::VariationsModel* m_model;
    QListView* m_list;
    QPushButton* m_apply;
    QPushButton* m_export;
    QPushButton* m_approve;
    QPushButton* m_reject;
    QPushButton* m_rerun;
    QPushButton* m_moreLikeThis;
    QPushButton* m_compare;
    QPushButton* m_before;
};

} // namespace atelier::gui
