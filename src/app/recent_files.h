// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace atelier::app {

/// Most recent files kept (QSettings "files/recentProjects").
constexpr int kMaxRecentFiles = 8;

/// The recently opened or saved project files, newest first.
QStringList recentFiles();
/// Puts `path` (made absolute) first in the list, dropping duplicates and the oldest beyond kMaxRecentFiles.
void addRecentFile(const QString& path);
/// Removes `path` from the list (e.g. when it no longer opens).
void removeRecentFile(const QString& path);

} // namespace atelier::app
