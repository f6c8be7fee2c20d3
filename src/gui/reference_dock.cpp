// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/reference_dock.h"

#include "app/editor_session.h"
#include "app/qt_image.h"
#include "core/error.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QListWidget>
#include <QMimeData>

namespace atelier::gui {

ReferenceDock::ReferenceDock(app::EditorSession* session, QWidget* parent)
    : QDockWidget(tr("References"), parent), m_session(session), m_list(new QListWidget(this)) {
    setObjectName(QStringLiteral("referenceDock"));
    m_list->setObjectName(QStringLiteral("referenceList"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(kThumbnailSize, kThumbnailSize));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setAcceptDrops(true);
    m_list->viewport()->setAcceptDrops(true);
    m_list->viewport()->installEventFilter(this);
    m_list->setToolTip(tr("Drop image files here to keep them beside the document as references"));
    setWidget(m_list);
    setAcceptDrops(true);
    connect(session, &app::EditorSession::referencesChanged, this, &ReferenceDock::reload);
    connect(session, &app::EditorSession::documentReplaced, this, &ReferenceDock::reload);
}

bool ReferenceDock::addFile(const QString& path) {
    try {
        m_session->addReference(path);
    } catch (const Error& e) {
        emit referenceFailed(QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

bool ReferenceDock::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_list->viewport()) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto* drag = static_cast<QDropEvent*>(event);
            if (drag->mimeData() && drag->mimeData()->hasUrls()) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto* drop = static_cast<QDropEvent*>(event);
            drop->acceptProposedAction();
            const QList<QUrl> urls = drop->mimeData() ? drop->mimeData()->urls() : QList<QUrl>();
            for (const QUrl& url : urls) {
                if (url.isLocalFile()) addFile(url.toLocalFile());
            }
            return true;
        }
    }
    return QDockWidget::eventFilter(watched, event);
}

void ReferenceDock::reload() {
    m_list->clear();
    for (const doc::ReferenceImage& r : m_session->document().references()) {
        const QImage full = app::toQImage(r.image.toFlat());
        const QImage thumb = full.scaled(kThumbnailSize, kThumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(thumb)), QString::fromStdString(r.name), m_list);
        item->setToolTip(tr("%1 (%2x%3)").arg(QString::fromStdString(r.name)).arg(r.image.width()).arg(r.image.height()));
    }
}

} // namespace atelier::gui
