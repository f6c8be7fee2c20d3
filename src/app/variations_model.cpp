// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/variations_model.h"

#include "app/qt_image.h"
#include "engine/recipe_json.h"

#include <algorithm>

namespace atelier::app {

VariationsModel::VariationsModel(QObject* parent) : QAbstractListModel(parent) {}

int VariationsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant VariationsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Entry& e = m_entries[static_cast<std::size_t>(index.row())];
    const engine::Recipe& recipe = e.variation->recipe;
    switch (role) {
    case Qt::DisplayRole:
        return tr("#%1 · seed %2").arg(recipe.variationIndex + 1).arg(recipe.seed);
    case Qt::DecorationRole:
        return e.thumbnail;
    case Qt::ToolTipRole:
        return toolTip(e);
    case VariationRole:
        return QVariant::fromValue(e.variation);
    case ImageRole:
        return toQImage(e.variation->image);
    case RecipeJsonRole:
        return QString::fromStdString(engine::recipeToJson(recipe, 2));
    case JobIdRole:
        return e.jobId;
    case SeedRole:
        return QVariant::fromValue<qulonglong>(recipe.seed);
    default:
        return {};
    }
}

QHash<int, QByteArray> VariationsModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(VariationRole, "variation");
    names.insert(ImageRole, "image");
    names.insert(RecipeJsonRole, "recipeJson");
    names.insert(JobIdRole, "jobId");
    names.insert(SeedRole, "seed");
    return names;
}

QString VariationsModel::toolTip(const Entry& e) const {
    const engine::Recipe& r = e.variation->recipe;
    const QString prompt = r.promptUsed ? QString::fromStdString(r.prompt) : tr("(not used by this backend)");
    return tr("Prompt: %1\nSeed: %2\nBackend: %3 (%4)\nJob %5, variation %6 of %7")
        .arg(prompt.isEmpty() ? tr("(empty)") : prompt)
        .arg(r.seed)
        .arg(QString::fromStdString(r.model.backend), QString::fromStdString(r.model.name))
        .arg(e.jobId)
        .arg(r.variationIndex + 1)
        .arg(r.variationCount);
}

void VariationsModel::addVariation(int jobId, const VariationPtr& variation) {
    if (!variation) return;
    Entry entry{jobId, variation, {}};
    const QImage full = wrapAsQImage(variation->image);
    if (!full.isNull()) {
        entry.thumbnail = full.scaled(kThumbnailSize, kThumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    // Newest job first; inside a job, by variation index.
    const auto before = [&](const Entry& other) {
        if (other.jobId != jobId) return other.jobId < jobId;
        return other.variation->recipe.variationIndex > variation->recipe.variationIndex;
    };
    const auto it = std::find_if(m_entries.begin(), m_entries.end(), before);
    const int row = static_cast<int>(it - m_entries.begin());
    beginInsertRows(QModelIndex(), row, row);
    m_entries.insert(it, std::move(entry));
    endInsertRows();
}

VariationPtr VariationsModel::variation(int row) const {
    if (row < 0 || row >= rowCount()) return nullptr;
    return m_entries[static_cast<std::size_t>(row)].variation;
}

void VariationsModel::clear() {
    if (m_entries.empty()) return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

} // namespace atelier::app
