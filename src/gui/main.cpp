// SPDX-License-Identifier: GPL-3.0-or-later
// The atelier GUI executable: builds the window, nothing else.
#include "engine/edit_engine.h"
#include "engine/openmp_wait_policy.h"
#include "gui/main_window.h"
#include "gui/screenshot_script.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char* argv[]) {
    atelier::engine::preferPassiveOpenMPWait(argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Atelier"));
    QApplication::setOrganizationName(QStringLiteral("Atelier"));
    QApplication::setApplicationVersion(QString::fromStdString(atelier::engine::appVersion()));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(&qtTranslator);
    }
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("atelier"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(&translator);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Native desktop studio for AI image editing"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "Image or .atelier project file to open."),
                                 QStringLiteral("[file]"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QStringLiteral("Paint, generate, grab the window into PATH and quit."),
                                  QStringLiteral("PATH"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshot);
    parser.process(app);

    atelier::gui::MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty()) window.openFile(files.first());
    if (parser.isSet(screenshot)) {
        atelier::gui::runScreenshotScript(&window, parser.value(screenshot));
    } else {
        window.offerRecovery(); // an autosaved project left by a session that did not end cleanly
    }
    return QApplication::exec();
}
