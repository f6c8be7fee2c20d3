// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mask_layers_model.h"

#include "app/editor_session.h"
#include "core/error.h"
#include "doc/document.h"

#include <QFont>

#include <cmath>

namespace atelier::app {

MaskLayersModel::MaskLayersModel(EditorSession* session, QObject* parent)
    : QAbstractTableModel(parent), m_session(session), m_rows(snapshot()) {
    connect(session, &EditorSession::documentReplaced, this, &MaskLayersModel::refresh);
    connect(session, &EditorSession::maskLayersChanged, this, &MaskLayersModel::refresh);
    // Visibility and appearance changes arrive as maskChanged; refresh() only tells the
    // views when what they show differs, so painting strokes costs a comparison.
    connect(session, &EditorSession::maskChanged, this, &MaskLayersModel::refresh);
}

std::vector<MaskLayersModel::Shown> MaskLayersModel::snapshot() const {
    const doc::Document& d = m_session->document();
    std::vector<Shown> rows;
    const auto& layers = d.maskLayers();
    rows.reserve(layers.size());
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        QColor c((it->color >> 16) & 0xff, (it->color >> 8) & 0xff, it->color & 0xff);
        c.setAlphaF(static_cast<float>(it->opacity));
        rows.push_back({it->id, QString::fromStdString(it->name), it->visible, c, it->id == d.activeMaskId()});
    }
    return rows;
}

void MaskLayersModel::refresh() {
    std::vector<Shown> now = snapshot();
    if (now == m_rows) return;
    bool sameLayers = now.size() == m_rows.size();
    for (std::size_t i = 0; sameLayers && i < now.size(); ++i) sameLayers = now[i].id == m_rows[i].id;
    if (!sameLayers) {
        beginResetModel();
        m_rows = std::move(now);
        endResetModel();
        return;
    }
    m_rows = std::move(now);
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int MaskLayersModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int MaskLayersModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

int MaskLayersModel::layerId(int row) const {
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].id : 0;
}

int MaskLayersModel::rowOf(int id) const {
    for (int r = 0; r < rowCount(); ++r) {
        if (m_rows[static_cast<std::size_t>(r)].id == id) return r;
    }
    return -1;
}

int MaskLayersModel::activeRow() const { return rowOf(m_session->document().activeMaskId()); }

QVariant MaskLayersModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Shown& s = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case LayerIdRole:
        return s.id;
    case ColorRole:
        return s.color;
    case ActiveRole:
        return s.active;
    case Qt::FontRole: {
        QFont f;
        f.setBold(s.active);
        return f;
    }
    default:
        break;
    }
    if (index.column() == NameColumn) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
            return s.name;
        case Qt::CheckStateRole:
            return s.visible ? Qt::Checked : Qt::Unchecked;
        case Qt::DecorationRole: { // a QColor decoration is drawn as a swatch by the item delegate
            QColor opaque = s.color;
            opaque.setAlpha(255);
            return opaque;
        }
        case Qt::ToolTipRole:
            return tr("%1: check to show its overlay; double-click to rename").arg(s.name);
        default:
            return {};
        }
    }
    if (index.column() == OpacityColumn) {
        const int percent = static_cast<int>(std::lround(s.color.alphaF() * 100.0));
        if (role == Qt::DisplayRole) return tr("%1%").arg(percent);
        if (role == Qt::EditRole) return percent;
        if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ToolTipRole) return tr("Overlay opacity; double-click to change");
    }
    return {};
}

bool MaskLayersModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.row() >= rowCount()) return false;
    const int id = m_rows[static_cast<std::size_t>(index.row())].id;
    try {
        if (index.column() == NameColumn && role == Qt::CheckStateRole) {
            m_session->setMaskVisible(id, value.toInt() == Qt::Checked);
            return true;
        }
        if (index.column() == NameColumn && role == Qt::EditRole) {
            if (value.toString().trimmed().isEmpty()) return false;
            m_session->renameMaskLayer(id, value.toString());
            return true;
        }
        if (index.column() == OpacityColumn && role == Qt::EditRole) {
            bool ok = false;
            const int percent = value.toInt(&ok);
            if (!ok || percent < 0 || percent > 100) return false;
            const doc::MaskLayer* l = m_session->document().maskLayer(id);
            if (!l) return false;
            m_session->changeMaskAppearance(id, l->color, percent / 100.0);
            return true;
        }
    } catch (const Error&) {
        return false; // the layer went away meanwhile
    }
    return false;
}

Qt::ItemFlags MaskLayersModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
    if (index.column() == NameColumn) f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant MaskLayersModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    if (section == NameColumn) return tr("Layer");
    if (section == OpacityColumn) return tr("Opacity");
    return {};
}

} // namespace atelier::app
