// SPDX-License-Identifier: GPL-3.0-or-later
// Sub-command dispatch for the headless command line (`juxta ask`, `juxta models`).
#pragma once

#include <QByteArray>
#include <QCommandLineOption>
#include <QString>
#include <QStringList>

namespace juxta::cli {

enum ExitCode { Success = 0, ProviderFailure = 1, BadUsage = 2, BudgetBlocked = 3, PipelineInvalid = 4 };

bool isSubcommand(int argc, char* argv[]);
int run(const QStringList& arguments);

// --help, --version and their short forms, answered without creating a GUI.
bool isInformationRequest(int argc, char* argv[]);
int printInformation(const QStringList& arguments);

// Help text from QCommandLineParser names the binary path; show the command people type instead.
// --config FILE, its help naming the real default path ($XDG_CONFIG_HOME honoured).
QCommandLineOption configOption();
QString helpTextFor(const QString& helpText, const QString& usage);

// Shared by sub-commands: print to stderr as "juxta <command>: <message>".
void printError(const QString& command, const QString& message);
// Shared by sub-commands: write to stdout and flush (output is often piped into another program).
void printOut(const QByteArray& bytes);
inline void printOut(const QString& text) { printOut(text.toUtf8()); }

} // namespace juxta::cli
