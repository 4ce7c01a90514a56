// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/KeyCommand.h"

#include "cli/CommandLine.h"
#include "cli/Workspace.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <cstdio>
#include <iterator>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace juxta::cli {
namespace {

const QString kCommand = u"key"_s;

// The terminal's settings while the key is typed without echo, for the signal handler below.
termios g_savedTerminal{};

// Ctrl+C (or a hang-up or kill) while the key is typed: the terminal gets its echo back before the process ends
// as the signal says; without this the user's shell is left typing blind. tcsetattr is async-signal-safe.
void restoreTerminalAndDie(int signal)
{
    ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    if (::write(STDERR_FILENO, "\n", 1) < 0) {
        // nothing to be done about it inside a signal handler
    }
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}

// Reads the key from standard input; on a terminal asks for it without echoing it.
QString readSecret(const QString& profile)
{
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    struct sigaction previous[std::size(kSignals)] = {};
    if (terminal) {
        std::fprintf(stderr, "API key for %s (not shown): ", qPrintable(profile));
        std::fflush(stderr);
        ::tcgetattr(STDIN_FILENO, &g_savedTerminal);
        struct sigaction restore = {};
        restore.sa_handler = restoreTerminalAndDie;
        sigemptyset(&restore.sa_mask);
        for (size_t i = 0; i < std::size(kSignals); ++i)
            ::sigaction(kSignals[i], &restore, &previous[i]);
        termios quiet = g_savedTerminal;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
        for (size_t i = 0; i < std::size(kSignals); ++i)
            ::sigaction(kSignals[i], &previous[i], nullptr);
        std::fputc('\n', stderr);
    }
    return QString::fromStdString(line).trimmed();
}

void printJson(const QJsonObject& object)
{
    printOut(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

// With `json`, the outcome is also printed as {"profile", "action": "test", "ok", "key_source", "models", "error",
// "error_class"} (null where it does not apply); the exit status is the same either way.
int testKey(Workspace& workspace, const ProviderProfile& profile, bool json)
{
    const ResolvedKey key = workspace.keyFor(profile, {});
    QJsonObject out{{u"profile"_s, profile.id}, {u"action"_s, u"test"_s}, {u"ok"_s, false},
                    {u"key_source"_s, key.source.isEmpty() ? QJsonValue() : QJsonValue(key.source)},
                    {u"models"_s, QJsonValue()}, {u"error"_s, QJsonValue()}, {u"error_class"_s, QJsonValue()}};
    if (!key.problem.isEmpty()) {
        printError(kCommand, key.problem);
        if (json) {
            out.insert(u"error"_s, key.problem);
            out.insert(u"error_class"_s, u"keychain"_s);
            printJson(out);
        }
        return ProviderFailure;
    }
    CallOptions options;
    options.connectTimeoutMs = 15'000;
    options.idleTimeoutMs = 15'000;
    QList<ModelInfo> models;
    if (const auto failure = workspace.fetchModels(profile, key.key, options, true, models)) {
        printError(kCommand, u"%1: %2"_s.arg(profile.id, failure->summary()));
        if (json) {
            out.insert(u"error"_s, failure->summary());
            out.insert(u"error_class"_s, errorClassName(failure->errorClass));
            printJson(out);
        }
        return ProviderFailure;
    }
    if (json) {
        out.insert(u"ok"_s, true);
        out.insert(u"models"_s, int(models.size()));
        printJson(out);
        return Success;
    }
    printOut(u"%1: the key works (%2; %3 models listed)\n"_s.arg(
        profile.id, key.key.isEmpty() ? u"no key sent"_s : u"from the "_s + key.source).arg(models.size()));
    return Success;
}

} // namespace

int KeyCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Manage a profile's API key in the system keychain.\n"
        "  set PROFILE     store the key read from standard input (replaces any stored one)\n"
        "  delete PROFILE  remove the stored key\n"
        "  test PROFILE    list the profile's models with its key and report the result"_s);
    parser.addHelpOption();
    const QCommandLineOption config = configOption();
    const QCommandLineOption json(u"json"_s, u"Print the outcome as JSON (never the key)."_s);
    parser.addOptions({config, json});
    parser.addPositionalArgument(u"ACTION"_s, u"set, delete or test"_s);
    parser.addPositionalArgument(u"PROFILE"_s, u"Profile id (a configured profile or a preset id)"_s);
    if (!parser.parse(arguments)) {
        printError(kCommand, parser.errorText());
        return BadUsage;
    }
    if (parser.isSet(u"help"_s)) {
        printOut(helpTextFor(parser.helpText(), u"juxta key set|delete|test PROFILE [--json]"_s));
        return Success;
    }
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2 || !QStringList{u"set"_s, u"delete"_s, u"test"_s}.contains(args[0])) {
        printError(kCommand, u"usage: juxta key set|delete|test PROFILE (the key itself is read from standard "
                             "input, never taken as an argument)"_s);
        return BadUsage;
    }
    Workspace workspace(kCommand, parser.value(config));
    QString error;
    const auto profile = workspace.profile(args[1], error);
    if (!profile) {
        printError(kCommand, error);
        return BadUsage;
    }
    if (args[0] == u"test"_s)
        return testKey(workspace, *profile, parser.isSet(json));

    if (workspace.config().insecureKeyStorage)
        printError(kCommand, u"warning: keys are kept in an %1, because \"insecure_key_storage\" is on in %2"_s.arg(
                                 workspace.secrets().description(), workspace.store().path()));
    SecretResult result;
    if (args[0] == u"set"_s) {
        const QString secret = readSecret(profile->id);
        if (secret.isEmpty()) {
            printError(kCommand, u"no key on standard input"_s);
            return BadUsage;
        }
        result = waitFor([&](SecretStore::Handler done) { workspace.secrets().write(keyEntryName(*profile), secret, done); });
    } else {
        result = waitFor([&](SecretStore::Handler done) { workspace.secrets().remove(keyEntryName(*profile), done); });
    }
    if (result.status != SecretResult::Status::Ok) {
        printError(kCommand, result.message);
        if (result.status == SecretResult::Status::Unavailable)
            printError(kCommand, u"to keep keys in an unencrypted file instead, set \"insecure_key_storage\": true in "
                                 "%1 (anyone who can read your files can then read them)"_s.arg(
                                     workspace.store().path()));
        return result.status == SecretResult::Status::NotFound ? BadUsage : ProviderFailure;
    }
    const QString done = args[0] == u"set"_s ? u"stored"_s : u"deleted"_s;
    if (parser.isSet(json)) {
        printJson({{u"profile"_s, profile->id}, {u"action"_s, args[0]}, {u"ok"_s, true}, {u"result"_s, done},
                   {u"store"_s, workspace.secrets().description()}});
        return Success;
    }
    printOut(u"%1 the key for %2 in the %3\n"_s.arg(done, profile->id, workspace.secrets().description()));
    return Success;
}

} // namespace juxta::cli
