// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/variation_ptr.h"

#include <QAbstractListModel>
#include <QImage>

#include <vector>

namespace atelier::app {

/// The finished variations as a list: newest job first, and within a job in
/// variation order. Each row shows a thumbnail (Qt::DecorationRole, at most
/// kThumbnailSize pixels on its longer side), a short label, and a tooltip with
/// prompt, seed and backend; the roles below give the full image and recipe.
class VariationsModel : public QAbstractListModel {
    Q_OBJECT

public:
    /// Custom item roles.
    enum Role {
        VariationRole = Qt::UserRole + 1, ///< atelier::app::VariationPtr
        ImageRole,                        ///< QImage, full resolution (a copy)
        RecipeJsonRole,                   ///< QString, the recipe as JSON
        JobIdRole,                        ///< int
        SeedRole,                         ///< qulonglong
    };
    /// Longer side of a thumbnail, in pixels.
    static constexpr int kThumbnailSize = 128;

    explicit VariationsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Inserts a finished variation of job `jobId` (ids grow with time) at its
    /// place; ignores a null pointer.
    void addVariation(int jobId, const VariationPtr& variation);
    /// The variation in `row`, or null when out of range.
    VariationPtr variation(int row) const;
    /// Removes every row.
    void clear();

private:
    struct Entry {
        int jobId = 0;
        VariationPtr variation;
        QImage thumbnail;
    };
    QString toolTip(const Entry& entry) const;

    std::vector<Entry> m_entries;
};

} // namespace atelier::app
