// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QString>

#include <vector>

namespace atelier::app {

class EditorSession;

/// The session's mask layers as a table, top layer first: column Name (check box
/// = visible, decoration = overlay colour swatch, editable name; bold when
/// active) and column Opacity (percent, editable 0..100). Edits go to the
/// session: visibility as a view setting, renames and opacity as undoable
/// commands. Bad edits (blank names, unknown rows) are refused, never thrown.
class MaskLayersModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, OpacityColumn, ColumnCount };
    enum Role {
        LayerIdRole = Qt::UserRole + 1, ///< int: the layer's id
        ColorRole,                      ///< QColor: overlay colour (alpha = opacity)
        ActiveRole,                     ///< bool: the layer edits go to
    };

    /// A model of `session`'s layers (the session must outlive it).
    explicit MaskLayersModel(EditorSession* session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The layer id shown in `row`, or 0.
    int layerId(int row) const;
    /// The row showing layer `layerId`, or -1.
    int rowOf(int layerId) const;
    /// The row of the active layer, or -1.
    int activeRow() const;

private:
    struct Shown {
        int id;
        QString name;
        bool visible;
        QColor color;
        bool active;
        bool operator==(const Shown& o) const {
            return id == o.id && name == o.name && visible == o.visible && color == o.color && active == o.active;
        }
    };

    std::vector<Shown> snapshot() const;
    void refresh();

    EditorSession* m_session;
    std::vector<Shown> m_rows; ///< what the views show, top layer first
};

} // namespace atelier::app
