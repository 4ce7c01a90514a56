// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ReportCommand.h"

#include "cli/CommandLine.h"
#include "report/ReportBuilder.h"
#include "report/ReportExport.h"
#include "report/ReportFile.h"
#include "storage/HistoryDatabase.h"
#include "storage/HistoryService.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <memory>

using namespace Qt::StringLiterals;

namespace juxta::cli {
namespace {

const QString kCommand = u"report"_s;
const QString kDefaultInclude = u"answers,charts,parameters"_s;

std::optional<ReportFormat> formatFor(const QString& path, const QString& name, const QString& command)
{
    const std::optional<ReportFormat> format = name.isEmpty() ? reportFormatFromPath(path) : reportFormatFromName(name);
    if (!format)
        printError(command, name.isEmpty() ? u"cannot tell the format from %1: name it .html, .md, .csv or .json, or "
                                             "give --format"_s.arg(path)
                                           : u"--format must be html, md, csv or json"_s);
    return format;
}

// The written files on standard output for `juxta report` (as {"files": […]} with --json); said on standard error
// where stdout has the answers.
int finish(const ReportWriteResult& result, const QString& command, bool pathsToStdout = true, bool json = false)
{
    if (!result.ok) {
        printError(command, result.error);
        return result.notFound ? BadUsage : ProviderFailure;
    }
    if (json) {
        printOut(QJsonDocument(QJsonObject{{u"files"_s, QJsonArray::fromStringList(result.written)}})
                     .toJson(QJsonDocument::Indented));
        return Success;
    }
    for (const QString& file : result.written) {
        if (pathsToStdout)
            printOut(file + u'\n');
        else
            printError(command, u"report written to %1"_s.arg(file));
    }
    return Success;
}

} // namespace

bool reportPathUsable(const QString& path, const QString& command)
{
    return formatFor(path, {}, command).has_value();
}

int writeReportFromHistory(HistoryService& history, ReportKind kind, const QString& id, const QString& path,
                           const QString& command)
{
    const std::optional<ReportFormat> format = formatFor(path, {}, command);
    if (!format)
        return BadUsage;
    QStringList unknown;
    const ReportOptions options = reportOptionsFromList(kDefaultInclude, unknown);
    auto result = std::make_shared<ReportWriteResult>();
    history.write([=](ConversationStore& store) {
        *result = buildAndWriteReport(store, kind, id, options, *format, path);
        return true; // a failure is the report's, said below, not the history's
    });
    history.flush();
    return finish(*result, command, false);
}

int ReportCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"A report of a comparison, a pipeline run or a conversation from the history (ids from juxta history), made "
        "again at any time without running anything:\n"
        "  juxta report --comparison ID -o report.html\n"
        "  juxta report --run ID -o run.md          (charts as .svg files beside it)\n"
        "  juxta report --conversation ID -o chat.json\n"
        "HTML is one self-contained file (no script, no external request); CSV has one row per answer with numbers in "
        "the C locale and a ' before any cell beginning with =, +, - or @; JSON follows "
        "share/juxta/report.schema.json. The report opens with a verdict: fastest = lowest median total time, "
        "cheapest = lowest total cost among answers with a known price, best rated = most ★ Best votes (only with "
        "at least 5 votes)."_s);
    parser.addHelpOption();
    const QCommandLineOption comparison(u"comparison"_s, u"Report the saved comparison ID."_s, u"ID"_s);
    const QCommandLineOption runId(u"run"_s, u"Report the pipeline run ID, or the batch ID (every row, per node and model)."_s, u"ID"_s);
    const QCommandLineOption conversation(u"conversation"_s, u"Report the conversation ID (its current branch)."_s, u"ID"_s);
    const QCommandLineOption output({u"o"_s, u"output"_s}, u"Write the report to FILE (.html, .md, .csv or .json)."_s, u"FILE"_s);
    const QCommandLineOption format(u"format"_s, u"html, md, csv or json, whatever the file is called."_s, u"FORMAT"_s);
    const QCommandLineOption include(u"include"_s, u"What goes in, comma-separated: answers, reasoning, charts, "
                                                   "parameters, diff (default: %1). Figures are always in."_s.arg(kDefaultInclude),
                                     u"LIST"_s, kDefaultInclude);
    const QCommandLineOption database(u"database"_s, u"Use another history database file."_s, u"FILE"_s);
    const QCommandLineOption json(u"json"_s, u"Print the files written as JSON: {\"files\": [...]}."_s);
    parser.addOptions({comparison, runId, conversation, output, format, include, database, json});
    if (!parser.parse(arguments)) {
        printError(kCommand, parser.errorText());
        return BadUsage;
    }
    if (parser.isSet(u"help"_s)) {
        printOut(helpTextFor(parser.helpText(), u"juxta report --comparison ID | --run ID | --conversation ID -o FILE"_s));
        return Success;
    }
    const int sources = int(parser.isSet(comparison)) + int(parser.isSet(runId)) + int(parser.isSet(conversation));
    if (sources != 1 || !parser.isSet(output) || !parser.positionalArguments().isEmpty()) {
        printError(kCommand, u"usage: juxta report --comparison ID | --run ID | --conversation ID -o FILE (see --help)"_s);
        return BadUsage;
    }
    const ReportKind kind = parser.isSet(comparison) ? ReportKind::Comparison
                            : parser.isSet(runId)    ? ReportKind::PipelineRun
                                                     : ReportKind::Conversation;
    const QString id = parser.value(parser.isSet(comparison) ? comparison : parser.isSet(runId) ? runId : conversation);
    const QString path = parser.value(output);
    const std::optional<ReportFormat> chosen = formatFor(path, parser.value(format), kCommand);
    if (!chosen)
        return BadUsage;
    QStringList unknown;
    const ReportOptions options = reportOptionsFromList(parser.value(include), unknown);
    if (!unknown.isEmpty()) {
        printError(kCommand, u"--include: unknown part %1 (answers, reasoning, charts, parameters, diff)"_s.arg(unknown.join(u", "_s)));
        return BadUsage;
    }

    HistoryDatabase db(parser.isSet(database) ? parser.value(database) : HistoryDatabase::defaultPath());
    const HistoryOpenReport opened = db.open();
    for (const QString& note : opened.notes)
        printError(kCommand, note);
    if (!opened.ok) {
        printError(kCommand, opened.error);
        return ProviderFailure;
    }
    return finish(buildAndWriteReport(db.conversations(), kind, id, options, *chosen, path), kCommand, true,
                  parser.isSet(json));
}

} // namespace juxta::cli
