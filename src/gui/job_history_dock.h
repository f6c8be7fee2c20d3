// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QTreeView;

namespace atelier::app {
class JobHistoryModel;
}

namespace atelier::gui {

/// The History of jobs dock: the project's audit log (app::JobHistoryModel),
/// newest first; a row's tooltip shows the event's full details.
class JobHistoryDock : public QDockWidget {
    Q_OBJECT

public:
    /// A dock over `model` (which must outlive it).
    explicit JobHistoryDock(app::JobHistoryModel* model, QWidget* parent = nullptr);

    /// The table.
    QTreeView* view() const { return m_view; }

private:
    QTreeView* m_view;
};

} // namespace atelier::gui
