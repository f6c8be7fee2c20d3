// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace atelier::gui {

/// Draws a variations list cell grouped by job: a band across the top of each
/// cell, tinted per job (alternating), carrying the job's header (job number,
/// time, prompt) on the first cell of each job and a bar on its left edge that
/// marks where the job's group starts; below it the thumbnail and label as usual.
class VariationDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    /// Height of the job band, in pixels.
    static constexpr int kBandHeight = 18;

    explicit VariationDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace atelier::gui
