// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace atelier::app {
namespace {
const QString kKey = QStringLiteral("files/recentProjects");
}

QStringList recentFiles() { return QSettings().value(kKey).toStringList(); }

void addRecentFile(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = recentFiles();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxRecentFiles) list.removeLast();
    QSettings().setValue(kKey, list);
}

void removeRecentFile(const QString& path) {
    QStringList list = recentFiles();
    list.removeAll(path);
    QSettings().setValue(kKey, list);
}

} // namespace atelier::app
