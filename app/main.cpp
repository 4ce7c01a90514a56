// SPDX-License-Identifier: GPL-3.0-or-later
// Entry point: a sub-command runs headless on core alone; anything else starts the GUI.
#include "cli/CommandLine.h"
#include "common/Plurals.h"
#include "config/SettingsLocation.h"
#include "pipeline/PipelinePage.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QString::fromLatin1(juxta::kSettingsOrganization)); // settings beside config
    QCoreApplication::setOrganizationDomain(u"juxta.org"_s);
    QCoreApplication::setApplicationName(u"juxta"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(JUXTA_VERSION));
}

} // namespace

int main(int argc, char* argv[])
{
    if (juxta::cli::isSubcommand(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        juxta::EnglishPlurals plurals; // "1 answer", not "1 answer(s)"
        QCoreApplication::installTranslator(&plurals);
        return juxta::cli::run(QCoreApplication::arguments());
    }
    if (juxta::cli::isInformationRequest(argc, argv)) {
        // --help and --version must work without a display, so no QApplication for them.
        QCoreApplication app(argc, argv);
        setIdentity();
        return juxta::cli::printInformation(QCoreApplication::arguments());
    }

    QApplication app(argc, argv);
    setIdentity();
    QString moveError;
    if (!juxta::moveLegacySettings(&moveError)) // once, from where older versions kept them
        qWarning("%s", qPrintable(moveError));
    QApplication::setApplicationDisplayName(u"Juxta"_s);
    juxta::EnglishPlurals plurals; // first: a real translation installed after it answers before it
    QCoreApplication::installTranslator(&plurals);
    QTranslator translator; // the .qm files are embedded under :/i18n by qt_add_translations
    if (translator.load(QLocale(), u"juxta"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(&translator);

    // The GUI's options: another configuration file (the sub-commands take --config the same way), and a pipeline
    // file to open — what a file manager passes for a *.juxta (the desktop entry's Exec=juxta %F).
    QCommandLineParser parser;
    const QCommandLineOption config = juxta::cli::configOption();
    parser.addOption(config);
    parser.parse(QCoreApplication::arguments()); // unknown options are left to Qt's own (-style, -platform, …)
    juxta::MainWindow window(parser.value(config));
    QStringList files; // only pipeline files: a value of one of Qt's own options is not a file to open
    for (const QString& argument : parser.positionalArguments()) {
        if (argument.endsWith(u".juxta"_s))
            files.append(argument);
    }
    if (!files.isEmpty()) {
        window.showPipeline(); // the person asked for this file: no welcome page before it
        window.pipelinePage()->openFile(files.constFirst()); // a file that cannot be read says why in the status bar
    } else {
        window.checkFirstRun(); // before show(): a first start opens on the welcome page, without a flash of the chat
    }
    window.show();
    return app.exec();
}
