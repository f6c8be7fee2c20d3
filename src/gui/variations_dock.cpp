// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/variations_dock.h"

#include "app/variations_model.h"
#include "gui/variation_delegate.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace atelier::gui {

VariationsDock::VariationsDock(app::VariationsModel* model, QWidget* parent)
    : QDockWidget(tr("Variations"), parent), m_model(model) {
    setObjectName(QStringLiteral("variationsDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);

    m_list = new QListView(body);
    m_list->setObjectName(QStringLiteral("variationsList"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(app::VariationsModel::kThumbnailSize, app::VariationsModel::kThumbnailSize));
    // Cells touch (no spacing) so each job's band reads as one strip across its group.
    m_list->setGridSize(QSize(app::VariationsModel::kThumbnailSize + 16,
                              app::VariationsModel::kThumbnailSize + 34 + VariationDelegate::kBandHeight));
    m_list->setItemDelegate(new VariationDelegate(m_list));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setModel(model);
    layout->addWidget(m_list);

    auto* buttons = new QHBoxLayout;
    m_apply = new QPushButton(tr("&Apply"), body);
    m_apply->setObjectName(QStringLiteral("applyButton"));
    m_apply->setToolTip(tr("Put the selected variation into the image (undoable)"));
    m_export = new QPushButton(tr("E&xport…"), body);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setToolTip(tr("Save the selected variation as a PNG file"));
    m_approve = new QPushButton(tr("★ A&pprove"), body);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_approve->setToolTip(tr("Star the selected variation (press again to unstar); File ▸ Export Approved exports all starred ones"));
    m_reject = new QPushButton(tr("✕ &Reject"), body);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_reject->setToolTip(tr("Set the selected variation aside (press again to undo)"));
    buttons->addWidget(m_apply);
    buttons->addWidget(m_export);
    buttons->addWidget(m_approve);
    buttons->addWidget(m_reject);
    layout->addLayout(buttons);
    auto* jobs = new QHBoxLayout;
    m_rerun = new QPushButton(tr("Re-&run"), body);
    m_rerun->setObjectName(QStringLiteral("rerunButton"));
    m_rerun->setToolTip(tr("Repeat the selected variation's recipe exactly (same seed, settings and model)"));
    m_moreLikeThis = new QPushButton(tr("&More like this"), body);
    m_moreLikeThis->setObjectName(QStringLiteral("moreLikeThisButton"));
    m_moreLikeThis->setToolTip(tr("New variations close to the selected one (image to image from it, same seed and recipe)"));
    jobs->addWidget(m_rerun);
    jobs->addWidget(m_moreLikeThis);
    m_compare = new QPushButton(tr("&Compare"), body);
    m_compare->setObjectName(QStringLiteral("compareButton"));
    m_compare->setCheckable(true);
    m_compare->setToolTip(tr("Split the canvas: the image before on the left, the selected variation on the right (drag the divider)"));
    m_before = new QPushButton(tr("&Before"), body);
    m_before->setObjectName(QStringLiteral("beforeButton"));
    m_before->setCheckable(true);
    m_before->setToolTip(tr("Show the image before the selected variation; press again (or \\ on the canvas) for after"));
    jobs->addWidget(m_compare);
    jobs->addWidget(m_before);
    layout->addLayout(jobs);
    setWidget(body);

    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, &VariationsDock::selectionChanged);
    connect(model, &QAbstractItemModel::modelReset, this, &VariationsDock::selectionChanged);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (auto v = selectedVariation()) emit applyRequested(v);
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (auto v = selectedVariation()) emit exportRequested(v);
    });
    connect(m_approve, &QPushButton::clicked, this, [this] { requestApproval(project::Approval::Approved); });
    connect(m_reject, &QPushButton::clicked, this, [this] { requestApproval(project::Approval::Rejected); });
    connect(m_rerun, &QPushButton::clicked, this, [this] {
        if (auto v = selectedVariation()) emit rerunRequested(v);
    });
    connect(m_moreLikeThis, &QPushButton::clicked, this, [this] {
        if (auto v = selectedVariation()) emit moreLikeThisRequested(v);
    });
    connect(m_compare, &QPushButton::clicked, this, &VariationsDock::splitCompareToggled);
    connect(m_before, &QPushButton::clicked, this, &VariationsDock::beforeToggled);
    connect(model, &QAbstractItemModel::dataChanged, this, &VariationsDock::updateButtons);
    connect(m_list, &QListView::doubleClicked, this, [this](const QModelIndex& index) {
        if (auto v = m_model->variation(index.row())) emit applyRequested(v);
    });
    selectionChanged();
}

app::VariationPtr VariationsDock::selectedVariation() const {
    const QModelIndexList rows = m_list->selectionModel()->selectedIndexes();
    return rows.isEmpty() ? nullptr : m_model->variation(rows.first().row());
}

void VariationsDock::selectRow(int row) {
    if (row < 0 || row >= m_model->rowCount()) {
        m_list->selectionModel()->clearSelection();
        return;
    }
    const QModelIndex index = m_model->index(row);
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
}

void VariationsDock::setCompareState(bool split, bool before) {
    m_compare->setChecked(split);
    m_before->setChecked(before);
}

void VariationsDock::requestApproval(project::Approval approval) {
    const app::VariationPtr v = selectedVariation();
    if (!v) return;
    const bool again = m_model->approval(m_model->rowOf(v)) == approval;
    emit approvalRequested(v, again ? project::Approval::None : approval);
}

void VariationsDock::selectionChanged() {
    updateButtons();
    const app::VariationPtr v = selectedVariation();
    if (v)
        emit previewRequested(v);
    else
        emit previewCleared();
}

void VariationsDock::updateButtons() {
    const app::VariationPtr v = selectedVariation();
    m_apply->setEnabled(v != nullptr);
    m_export->setEnabled(v != nullptr);
    m_approve->setEnabled(v != nullptr);
    m_reject->setEnabled(v != nullptr);
    m_rerun->setEnabled(v != nullptr);
    m_moreLikeThis->setEnabled(v != nullptr);
    m_compare->setEnabled(v != nullptr);
    m_before->setEnabled(v != nullptr);
    const project::Approval current = v ? m_model->approval(m_model->rowOf(v)) : project::Approval::None;
    m_approve->setText(current == project::Approval::Approved ? tr("★ Unstar") : tr("★ A&pprove"));
    m_reject->setText(current == project::Approval::Rejected ? tr("✕ Unreject") : tr("✕ &Reject"));
}

} // namespace atelier::gui
