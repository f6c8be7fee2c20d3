// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/recovery_file.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace atelier::app {

QString recoveryFilePath() {
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(base).filePath(QStringLiteral("recovery/autosave.atelier"));
}

bool hasRecoveryFile() { return QFile::exists(recoveryFilePath()); }

void removeRecoveryFile() { QFile::remove(recoveryFilePath()); }

} // namespace atelier::app
