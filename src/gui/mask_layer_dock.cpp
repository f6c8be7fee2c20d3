// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/mask_layer_dock.h"

#include "app/editor_session.h"
#include "app/mask_layers_model.h"
#include "core/error.h"
#include "doc/document.h"

#include <QColorDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <cmath>

namespace atelier::gui {

MaskLayerDock::MaskLayerDock(app::EditorSession* session, QWidget* parent)
    : QDockWidget(tr("Mask Layers"), parent), m_session(session), m_model(new app::MaskLayersModel(session, this)),
      m_view(new QTreeView), m_opacity(new QSlider(Qt::Horizontal)), m_add(new QToolButton),
      m_remove(new QToolButton), m_colour(new QToolButton) {
    setObjectName(QStringLiteral("maskLayerDock"));
    m_view->setObjectName(QStringLiteral("maskLayerView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(app::MaskLayersModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(app::MaskLayersModel::OpacityColumn, QHeaderView::ResizeToContents);

    m_add->setObjectName(QStringLiteral("addMaskLayerButton"));
    m_add->setText(tr("Add"));
    m_add->setToolTip(tr("Add a clear mask layer above the others"));
    m_remove->setObjectName(QStringLiteral("removeMaskLayerButton"));
    m_remove->setText(tr("Delete"));
    m_remove->setToolTip(tr("Delete the selected mask layer (the last one stays)"));
    m_colour->setObjectName(QStringLiteral("maskLayerColourButton"));
    m_colour->setText(tr("Colour…"));
    m_colour->setToolTip(tr("Choose the selected layer's overlay colour"));
    m_opacity->setObjectName(QStringLiteral("maskLayerOpacitySlider"));
    m_opacity->setRange(0, 100);
    m_opacity->setToolTip(tr("Overlay opacity of the selected layer"));

    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_colour);
    buttons->addStretch(1);
    auto* opacityRow = new QHBoxLayout;
    opacityRow->setContentsMargins(0, 0, 0, 0);
    opacityRow->addWidget(new QLabel(tr("Opacity")));
    opacityRow->addWidget(m_opacity, 1);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addLayout(opacityRow);
    layout->addLayout(buttons);
    setWidget(content);

    connect(m_add, &QToolButton::clicked, this, &MaskLayerDock::addLayer);
    connect(m_remove, &QToolButton::clicked, this, &MaskLayerDock::removeLayer);
    connect(m_colour, &QToolButton::clicked, this, &MaskLayerDock::chooseColour);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (!m_syncing && current.isValid()) rowActivated(current.row());
            });
    connect(m_opacity, &QSlider::valueChanged, this, [this](int percent) {
        if (m_syncing) return;
        const doc::Document& d = m_session->document();
        const doc::MaskLayer* l = d.maskLayer(d.activeMaskId());
        if (!l) return;
        try {
            m_session->changeMaskAppearance(l->id, l->color, percent / 100.0);
        } catch (const Error& e) {
            emit notice(QString::fromStdString(e.what()));
        }
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &MaskLayerDock::syncFromSession);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MaskLayerDock::syncFromSession);
    syncFromSession();
}

void MaskLayerDock::syncFromSession() {
    m_syncing = true;
    const doc::Document& d = m_session->document();
    const doc::MaskLayer* active = d.maskLayer(d.activeMaskId());
    const int row = m_model->activeRow();
    if (row >= 0) {
        m_view->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    } else {
        m_view->selectionModel()->clear();
    }
    m_opacity->setValue(active ? static_cast<int>(std::lround(active->opacity * 100.0)) : 0);
    m_opacity->setEnabled(active != nullptr);
    m_add->setEnabled(m_session->hasImage());
    m_remove->setEnabled(d.maskLayers().size() > 1);
    m_colour->setEnabled(active != nullptr);
    m_syncing = false;
}

void MaskLayerDock::rowActivated(int row) {
    const int id = m_model->layerId(row);
    if (id == 0) return;
    try {
        m_session->setActiveMaskLayer(id);
    } catch (const Error& e) {
        emit notice(QString::fromStdString(e.what()));
    }
}

void MaskLayerDock::addLayer() {
    if (!m_session->hasImage()) return;
    try {
        m_session->addMaskLayer();
    } catch (const Error& e) {
        emit notice(QString::fromStdString(e.what()));
    }
}

void MaskLayerDock::removeLayer() {
    if (!m_session->deleteActiveMaskLayer()) emit notice(tr("The last mask layer stays."));
}

void MaskLayerDock::chooseColour() {
    const doc::Document& d = m_session->document();
    const doc::MaskLayer* l = d.maskLayer(d.activeMaskId());
    if (!l) return;
    const int id = l->id;
    const double opacity = l->opacity;
    const QColor start((l->color >> 16) & 0xff, (l->color >> 8) & 0xff, l->color & 0xff);
    const QColor c = QColorDialog::getColor(start, this, tr("Mask Colour"));
    if (!c.isValid()) return;
    try {
        m_session->changeMaskAppearance(
            id, (std::uint32_t(c.red()) << 16) | (std::uint32_t(c.green()) << 8) | std::uint32_t(c.blue()), opacity);
    } catch (const Error& e) {
        emit notice(QString::fromStdString(e.what())); // the layer went away while the dialog was open
    }
}

} // namespace atelier::gui
