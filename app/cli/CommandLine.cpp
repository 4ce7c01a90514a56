// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CommandLine.h"

#include "config/ConfigStore.h"

#include "cli/AskCommand.h"
#include "cli/BudgetCommand.h"
#include "cli/CompareCommand.h"
#include "cli/HistoryCommand.h"
#include "cli/KeyCommand.h"
#include "cli/ModelsCommand.h"
#include "cli/ProfilesCommand.h"
#include "cli/ReportCommand.h"
#include "cli/RunCommand.h"
#include "cli/TerminalText.h"

#include <QCommandLineParser>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace juxta::cli {

bool isSubcommand(int argc, char* argv[])
{
    if (argc < 2)
        return false;
    for (const char* command : {"ask", "compare", "run", "models", "profiles", "key", "budget", "history", "report"}) {
        if (std::strcmp(argv[1], command) == 0)
            return true;
    }
    return false;
}

bool isInformationRequest(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char* flag : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

int printInformation(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Juxta: pick any model from any provider, compare answers side by side, chain models.\n\n"
        "Without a command, opens the application window. Commands (headless):\n"
        "  ask       stream one answer from a model: juxta ask --model openai/gpt-4o \"Hello\"\n"
        "  compare   one prompt to several models at once, with a table of speed and cost (juxta compare --help)\n"
        "  run       run a pipeline (.juxta file) of models, templates and transforms (juxta run --help)\n"
        "  models    list models with context window and price (juxta models --help)\n"
        "  profiles  list, add, remove, export and import provider profiles (juxta profiles --help)\n"
        "  key       store, delete or test a profile's key in the keychain (juxta key --help)\n"
        "  budget    today's spending and the per-request / per-day limits (juxta budget --help)\n"
        "  history   list, search, show, export and import conversations, comparisons and runs (juxta history --help)\n"
        "  report    a comparison, run or conversation from the history as HTML, Markdown, CSV or JSON (juxta report --help)"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(configOption());
    parser.process(arguments); // prints and exits for --help / --version
    return Success;
}

QCommandLineOption configOption()
{
    return {u"config"_s, u"Configuration file to use instead of %1."_s.arg(ConfigStore::defaultPath()), u"FILE"_s};
}

QString helpTextFor(const QString& helpText, const QString& usage)
{
    const qsizetype lineEnd = helpText.indexOf(u'\n');
    return u"Usage: "_s + usage + (lineEnd >= 0 ? helpText.sliced(lineEnd) : QString());
}

void printOut(const QByteArray& bytes)
{
    // Model and server text reach the terminal inert; into a pipe or a file every byte stays as it was.
    const QByteArray shown = isTerminal(stdout) ? neutralizeForTerminal(QString::fromUtf8(bytes)).toUtf8() : bytes;
    std::fwrite(shown.constData(), 1, size_t(shown.size()), stdout);
    std::fflush(stdout);
}

void printError(const QString& command, const QString& message)
{
    const QByteArray line = (u"juxta "_s + command + u": "_s + forStream(stderr, message) + u'\n').toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

int run(const QStringList& arguments)
{
    const QString command = arguments.value(1);
    QStringList rest = arguments;
    rest.removeAt(1); // QCommandLineParser expects argv[0] then the options
    if (command == u"ask"_s)
        return AskCommand().run(rest);
    if (command == u"models"_s)
        return ModelsCommand().run(rest);
    if (command == u"profiles"_s)
        return ProfilesCommand().run(rest);
    if (command == u"key"_s)
        return KeyCommand().run(rest);
    if (command == u"budget"_s)
        return BudgetCommand().run(rest);
    if (command == u"compare"_s)
        return CompareCommand().run(rest);
    if (command == u"run"_s)
        return RunCommand().run(rest);
    if (command == u"history"_s)
        return HistoryCommand().run(rest);
    if (command == u"report"_s)
        return ReportCommand().run(rest);
    printError(command, u"unknown command"_s);
    return BadUsage;
}

} // namespace juxta::cli
