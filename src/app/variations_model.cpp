// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/variations_model.h"

#include "app/qt_image.h"
#include "engine/recipe_json.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

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
    case Qt::DisplayRole: {
        const QString label = tr("#%1 · seed %2").arg(recipe.variationIndex + 1).arg(recipe.seed);
        if (e.approval == project::Approval::Approved) return QStringLiteral("★ ") + label;
        if (e.approval == project::Approval::Rejected) return QStringLiteral("✕ ") + label;
        return label;
    }
    case Qt::DecorationRole:
        return badged(e.thumbnail, e.approval);
    case ApprovalRole:
        return static_cast<int>(e.approval);
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
    case FirstInJobRole:
        return index.row() == 0 || m_entries[static_cast<std::size_t>(index.row()) - 1].jobId != e.jobId;
    case JobGroupRole:
        return m_groups[static_cast<std::size_t>(index.row())];
    case JobLabelRole:
        return jobLabel(e);
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
    names.insert(ApprovalRole, "approval");
    names.insert(FirstInJobRole, "firstInJob");
    names.insert(JobGroupRole, "jobGroup");
    names.insert(JobLabelRole, "jobLabel");
    return names;
}

QString VariationsModel::toolTip(const Entry& e) const {
    const engine::Recipe& r = e.variation->recipe;
    const auto orEmpty = [](const std::string& text) {
        return text.empty() ? tr("(empty)") : QString::fromStdString(text).toHtmlEscaped();
    };
    QString text = QStringLiteral("<b>%1</b>").arg(jobLabel(e).toHtmlEscaped());
    const auto row = [&text](const QString& name, const QString& value) {
        text += QStringLiteral("<br>%1: %2").arg(name, value);
    };
    if (r.promptUsed) {
        row(tr("Prompt"), orEmpty(r.prompt));
        row(tr("Negative prompt"), orEmpty(r.negativePrompt));
    } else {
        row(tr("Prompt"), tr("(not used by this backend)"));
    }
    row(tr("Seed"), QString::number(r.seed));
    if (r.steps > 0) {
        row(tr("Sampler"), orEmpty(r.sampler));
        row(tr("Steps"), QString::number(r.steps));
        row(tr("CFG"), QString::number(r.cfgScale, 'g', 4));
        row(tr("Strength"), QString::number(r.strength, 'g', 4));
    }
    row(tr("Backend"), QStringLiteral("%1 (%2)").arg(QString::fromStdString(r.model.backend).toHtmlEscaped(),
                                                     QString::fromStdString(r.model.name).toHtmlEscaped()));
    row(tr("Variation"), tr("%1 of %2").arg(r.variationIndex + 1).arg(r.variationCount));
    return text;
}

QString VariationsModel::jobLabel(const Entry& e) const {
    QString label = tr("Job %1").arg(e.jobId);
    const QDateTime time = m_jobTimes.value(e.jobId);
    if (time.isValid()) label += QStringLiteral(" · ") + time.toLocalTime().toString(QStringLiteral("HH:mm"));
    const engine::Recipe& r = e.variation->recipe;
    if (r.promptUsed && !r.prompt.empty()) label += QStringLiteral(" · ") + QString::fromStdString(r.prompt);
    return label;
}

void VariationsModel::setJobTime(int jobId, const QDateTime& time) {
    m_jobTimes.insert(jobId, time);
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].jobId != jobId) continue;
        const QModelIndex changed = index(static_cast<int>(i));
        emit dataChanged(changed, changed, {Qt::ToolTipRole, JobLabelRole});
    }
}

void VariationsModel::regroup() {
    m_groups.resize(m_entries.size());
    int group = -1;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (i == 0 || m_entries[i - 1].jobId != m_entries[i].jobId) ++group;
        m_groups[i] = group;
    }
}

QImage VariationsModel::badged(const QImage& thumbnail, project::Approval approval) {
    if (approval == project::Approval::None || thumbnail.isNull()) return thumbnail;
    QImage out = thumbnail.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&out);
    painter.setRenderHint(QPainter::Antialiasing);
    const int side = std::max(14, std::min(out.width(), out.height()) / 4);
    const QRectF badge(out.width() - side - 3, 3, side, side);
    if (approval == project::Approval::Rejected) {
        painter.fillRect(out.rect(), QColor(40, 40, 40, 150)); // dimmed
        painter.setPen(QPen(QColor(230, 60, 60), side / 5.0, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(badge.topLeft(), badge.bottomRight());
        painter.drawLine(badge.topRight(), badge.bottomLeft());
    } else {
        QPolygonF star;
        for (int i = 0; i < 10; ++i) {
            const double r = (i % 2 == 0 ? 0.5 : 0.22) * side;
            const double a = -M_PI / 2 + i * M_PI / 5;
            star << badge.center() + QPointF(r * std::cos(a), r * std::sin(a));
        }
        painter.setPen(QPen(QColor(90, 60, 0), 1.0));
        painter.setBrush(QColor(255, 200, 30));
        painter.drawPolygon(star);
    }
    return out;
}

VariationsModel::Entry VariationsModel::makeEntry(int jobId, const VariationPtr& variation,
                                                  project::Approval approval) const {
    Entry entry{jobId, variation, {}, approval};
    const QImage full = wrapAsQImage(variation->image);
    if (!full.isNull()) {
        entry.thumbnail = full.scaled(kThumbnailSize, kThumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    return entry;
}

void VariationsModel::appendVariation(int jobId, const VariationPtr& variation, project::Approval approval) {
    if (!variation) return;
    const int row = rowCount();
    beginInsertRows(QModelIndex(), row, row);
    m_entries.push_back(makeEntry(jobId, variation, approval));
    regroup();
    endInsertRows();
}

int VariationsModel::jobId(int row) const {
    return row < 0 || row >= rowCount() ? 0 : m_entries[static_cast<std::size_t>(row)].jobId;
}

project::Approval VariationsModel::approval(int row) const {
    return row < 0 || row >= rowCount() ? project::Approval::None : m_entries[static_cast<std::size_t>(row)].approval;
}

void VariationsModel::setApproval(int row, project::Approval approval) {
    if (row < 0 || row >= rowCount()) return;
    Entry& e = m_entries[static_cast<std::size_t>(row)];
    if (e.approval == approval) return;
    e.approval = approval;
    const QModelIndex i = index(row);
    emit dataChanged(i, i, {Qt::DisplayRole, Qt::DecorationRole, ApprovalRole});
    emit approvalChanged(row, approval);
}

int VariationsModel::rowOf(const VariationPtr& variation) const {
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].variation == variation) return static_cast<int>(i);
    }
    return -1;
}

std::vector<VariationPtr> VariationsModel::approvedVariations() const {
    std::vector<VariationPtr> out;
    for (const Entry& e : m_entries) {
        if (e.approval == project::Approval::Approved) out.push_back(e.variation);
    }
    return out;
}

void VariationsModel::addVariation(int jobId, const VariationPtr& variation, project::Approval approval) {
    if (!variation) return;
    Entry entry = makeEntry(jobId, variation, approval);
    // Newest job first; inside a job, by variation index.
    const auto before = [&](const Entry& other) {
        if (other.jobId != jobId) return other.jobId < jobId;
        return other.variation->recipe.variationIndex > variation->recipe.variationIndex;
    };
    const auto it = std::find_if(m_entries.begin(), m_entries.end(), before);
    const int row = static_cast<int>(it - m_entries.begin());
    if (!m_jobTimes.contains(jobId)) m_jobTimes.insert(jobId, QDateTime::currentDateTimeUtc());
    beginInsertRows(QModelIndex(), row, row);
    m_entries.insert(it, std::move(entry));
    regroup();
    endInsertRows();
    // The rows after it may have changed group (a new job's first row shifts the others).
    if (row + 1 < rowCount()) emit dataChanged(index(row + 1), index(rowCount() - 1), {JobGroupRole, FirstInJobRole});
}

VariationPtr VariationsModel::variation(int row) const {
    if (row < 0 || row >= rowCount()) return nullptr;
    return m_entries[static_cast<std::size_t>(row)].variation;
}

void VariationsModel::clear() {
    m_jobTimes.clear();
    if (m_entries.empty()) return;
    beginResetModel();
    m_entries.clear();
    m_groups.clear();
    endResetModel();
}

} // namespace atelier::app
