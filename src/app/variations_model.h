// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/variation_ptr.h"
#include "project/approval.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QImage>

#include <vector>

namespace atelier::app {

/// The finished variations as a list: newest job first, and within a job in
/// variation order, grouped by job (FirstInJobRole, JobGroupRole, JobLabelRole
/// for a header per job). Each row shows a thumbnail (Qt::DecorationRole, at most
/// kThumbnailSize pixels on its longer side), a short label, and a tooltip with
/// prompt, negative prompt, seed, sampler, steps, CFG, strength and backend; the
/// roles below give the full image and recipe.
/// Each row carries the designer's decision (project::Approval): approved rows
/// show a star on the thumbnail and in the label, rejected ones are dimmed
/// with a cross.
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
        ApprovalRole,                     ///< int, a project::Approval value
        FirstInJobRole,                   ///< bool, the row starts its job's group
        JobGroupRole,                     ///< int, the group's place from the top (0 = newest job shown)
        JobLabelRole,                     ///< QString, the group header: "Job 3 · 11:22 · prompt"
    };
    /// Longer side of a thumbnail, in pixels.
    static constexpr int kThumbnailSize = 128;

    explicit VariationsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Inserts a finished variation of job `jobId` (ids grow with time) at its
    /// place; ignores a null pointer.
    void addVariation(int jobId, const VariationPtr& variation,
                      project::Approval approval = project::Approval::None);
    /// When job `jobId` ran (shown in its group header); rows added by
    /// addVariation() record the current time for a job not yet timed.
    void setJobTime(int jobId, const QDateTime& time);
    /// Appends a row as it is (no sorting): for restoring a saved list in its order.
    void appendVariation(int jobId, const VariationPtr& variation, project::Approval approval);
    /// The variation in `row`, or null when out of range.
    VariationPtr variation(int row) const;
    /// The job that made the variation in `row`; 0 when out of range.
    int jobId(int row) const;
    /// The decision on `row`; None when out of range.
    project::Approval approval(int row) const;
    /// Sets the decision on `row` (ignored when out of range or unchanged); emits
    /// dataChanged and approvalChanged.
    void setApproval(int row, project::Approval approval);
    /// The row showing `variation`, or -1.
    int rowOf(const VariationPtr& variation) const;
    /// The approved variations, in row order.
    std::vector<VariationPtr> approvedVariations() const;
    /// Removes every row.
    void clear();

signals:
    /// The decision on `row` changed.
    void approvalChanged(int row, atelier::project::Approval approval);

private:
    struct Entry {
        int jobId = 0;
        VariationPtr variation;
        QImage thumbnail;
        project::Approval approval = project::Approval::None;
    };
    QString toolTip(const Entry& entry) const;
    static QImage badged(const QImage& thumbnail, project::Approval approval);
    Entry makeEntry(int jobId, const VariationPtr& variation, project::Approval approval) const;
    QString jobLabel(const Entry& entry) const;
    void regroup();

    std::vector<Entry> m_entries;
    std::vector<int> m_groups;          ///< per row: its job group's place from the top
    QHash<int, QDateTime> m_jobTimes;   ///< job id -> when it ran
};

} // namespace atelier::app
