// SPDX-License-Identifier: GPL-3.0-or-later
// Shared helpers for the app-level tests.
#pragma once

#include "core/image.h"

#include <QGuiApplication>
#include <QSettings>
#include <QString>
#include <QTemporaryDir>

namespace atelier::test {

/// Creates the process's QGuiApplication on first use, on the offscreen
/// platform unless QT_QPA_PLATFORM says otherwise. Not at static-init time:
/// ctest's test discovery runs the executable too.
inline void ensureGuiApplication() {
    if (QCoreApplication::instance()) return;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "atelier_app_tests";
    static char* argv[] = {name, nullptr};
    new QGuiApplication(argc, argv); // lives until the process ends
    // QSettings (recent files, ...) in a folder of this process's own, never the user's and never
    // shared with a test running beside it (ctest -j).
    static QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
}

/// A path under resources/samples.
inline QString samplePath(const char* name) {
    return QStringLiteral(ATELIER_SOURCE_DIR "/resources/samples/") + QString::fromLatin1(name);
}

/// A width x height image with a deterministic colourful pattern.
inline ImageRGBA8 patternImage(int width, int height) {
    ImageRGBA8 image(width, height);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = image.pixel(x, y);
            p[0] = static_cast<std::uint8_t>(x * 3);
            p[1] = static_cast<std::uint8_t>(y * 5);
            p[2] = static_cast<std::uint8_t>((x + y) * 7);
            p[3] = 255;
        }
    }
    return image;
}

} // namespace atelier::test
