// SPDX-License-Identifier: GPL-3.0-or-later
// Shared helpers for the widget tests.
#pragma once

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>

namespace atelier::test {

/// Creates the process's QApplication on first use, on the offscreen platform
/// unless QT_QPA_PLATFORM says otherwise (not at static-init time: ctest's test
/// discovery runs the executable too).
inline void ensureApplication() {
    if (QCoreApplication::instance()) return;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "atelier_gui_tests";
    static char* argv[] = {name, nullptr};
    new QApplication(argc, argv); // lives until the process ends
    QStandardPaths::setTestModeEnabled(true); // files go to a test location, not the user's
    // QSettings in a folder of this process's own: what one test stores (a brush size, a model
    // path) never reaches a test in another process, even one running beside it (ctest -j).
    static QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
}

/// A path under resources/samples.
inline QString samplePath(const char* name) {
    return QStringLiteral(ATELIER_SOURCE_DIR "/resources/samples/") + QString::fromLatin1(name);
}

} // namespace atelier::test
