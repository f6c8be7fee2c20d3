// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/variation_delegate.h"

#include "app/variations_model.h"

#include <QPainter>

namespace atelier::gui {

VariationDelegate::VariationDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

void VariationDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const bool first = index.data(app::VariationsModel::FirstInJobRole).toBool();
    const int group = index.data(app::VariationsModel::JobGroupRole).toInt();
    const QColor tint = group % 2 == 0 ? QColor(70, 110, 170) : QColor(150, 110, 60);

    painter->save();
    QRect band(option.rect.left(), option.rect.top(), option.rect.width(), kBandHeight);
    QColor bandFill = tint;
    bandFill.setAlpha(first ? 200 : 90);
    painter->fillRect(band, bandFill);
    if (first) {
        painter->fillRect(QRect(option.rect.left(), option.rect.top(), 3, option.rect.height()), tint);
        QFont font = option.font;
        font.setPointSizeF(font.pointSizeF() * 0.85);
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(Qt::white);
        const QRect text = band.adjusted(6, 0, -2, 0);
        const QString label = index.data(app::VariationsModel::JobLabelRole).toString();
        painter->drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                          QFontMetrics(font).elidedText(label, Qt::ElideRight, text.width()));
    }
    painter->restore();

    QStyleOptionViewItem below = option;
    below.rect.setTop(option.rect.top() + kBandHeight);
    QStyledItemDelegate::paint(painter, below, index);
}

QSize VariationDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    return QStyledItemDelegate::sizeHint(option, index) + QSize(0, kBandHeight);
}

} // namespace atelier::gui
