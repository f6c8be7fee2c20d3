// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/job_history_dock.h"

#include "app/job_history_model.h"

#include <QHeaderView>
#include <QTreeView>

namespace atelier::gui {

JobHistoryDock::JobHistoryDock(app::JobHistoryModel* model, QWidget* parent)
    : QDockWidget(tr("History of Jobs"), parent), m_view(new QTreeView(this)) {
    setObjectName(QStringLiteral("jobHistoryDock"));
    m_view->setObjectName(QStringLiteral("jobHistoryView"));
    m_view->setModel(model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    QHeaderView* header = m_view->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    const QFontMetrics fm = m_view->fontMetrics();
    header->resizeSection(app::JobHistoryModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("88:88:88")) + 16);
    header->resizeSection(app::JobHistoryModel::EventColumn, fm.horizontalAdvance(tr("Rejection revoked")) + 16);
    header->resizeSection(app::JobHistoryModel::JobColumn, fm.horizontalAdvance(QStringLiteral("888")) + 12);
    header->resizeSection(app::JobHistoryModel::SeedColumn, fm.horizontalAdvance(QStringLiteral("8888888888")) + 16);
    header->resizeSection(app::JobHistoryModel::OutcomeColumn, fm.horizontalAdvance(QStringLiteral("done, 8 variations")) + 16);
    header->resizeSection(app::JobHistoryModel::DurationColumn, fm.horizontalAdvance(QStringLiteral("88.88 s")) + 16);
    setWidget(m_view);
}

} // namespace atelier::gui
