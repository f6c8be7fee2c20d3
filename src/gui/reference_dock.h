// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QListWidget;

namespace atelier::app {
class EditorSession;
}

namespace atelier::gui {

/// The References dock: the document's reference images as thumbnails. Dropping
/// image files on it adds them as references (an unreadable or oversized file
/// gets a message through referenceFailed(), never a crash).
class ReferenceDock : public QDockWidget {
    Q_OBJECT

public:
    /// Thumbnail side in pixels.
    static constexpr int kThumbnailSize = 96;

    /// A dock over `session` (which must outlive it).
    explicit ReferenceDock(app::EditorSession* session, QWidget* parent = nullptr);

    /// The thumbnail list.
    QListWidget* list() const { return m_list; }
    /// Adds the image file at `path` as a reference; returns false (and emits referenceFailed) on error.
    bool addFile(const QString& path);

signals:
    /// Adding a reference failed; `message` names the file and the problem.
    void referenceFailed(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void reload();

    app::EditorSession* m_session;
    QListWidget* m_list;
};

} // namespace atelier::gui
