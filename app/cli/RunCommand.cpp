// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/RunCommand.h"

#include "answer/AnswerEngine.h"
#include "cli/BatchRun.h"
#include "cli/CommandInput.h"
#include "cli/CommandLine.h"
#include "cli/ConnectionOptions.h"
#include "cli/InterruptWatcher.h"
#include "cli/ReportCommand.h"
#include "cli/Workspace.h"
#include "offline/OfflineNetwork.h"
#include "pipeline/PipelineEstimate.h"
#include "pipeline/PipelineFile.h"
#include "pipeline/PipelineRunner.h"
#include "pipeline/PipelineValidator.h"
#include "pipeline/RowSource.h"
#include "storage/HistoryService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace juxta::cli {
namespace {

const QString kCommand = u"run"_s;

QString estimateText(const PipelineEstimate& e)
{
    QString out;
    for (const NodeEstimate& n : e.models)
        out += u"%1  %2  %3\n"_s.arg(n.node.leftJustified(24), estimateCallsText(n).leftJustified(10),
                                     estimateCostText(n));
    return out + u"in all: "_s + estimateTotalText(e) + u'\n';
}

QJsonObject estimateJson(const PipelineEstimate& e)
{
    QJsonArray nodes;
    for (const NodeEstimate& n : e.models) {
        nodes.append(QJsonObject{{u"node"_s, n.node},
                                 {u"calls_min"_s, double(n.callsMin)},
                                 {u"calls_max"_s, n.callsMax ? QJsonValue(double(*n.callsMax)) : QJsonValue()},
                                 {u"price_known"_s, n.priceKnown},
                                 {u"min_usd"_s, n.priceKnown ? QJsonValue(n.min) : QJsonValue()},
                                 {u"max_usd"_s, n.max ? QJsonValue(*n.max) : QJsonValue()}});
    }
    return QJsonObject{{u"nodes"_s, nodes},
                       {u"min_usd"_s, e.total ? QJsonValue(e.total->min) : QJsonValue()},
                       {u"max_usd"_s, e.total && e.total->max ? QJsonValue(*e.total->max) : QJsonValue()}};
}

} // namespace

int RunCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Run a pipeline (.juxta file): each node once its inputs are in, model steps streamed and recorded in the "
        "history like any answer. Prints the Output nodes' text.\n"
        "With --input it runs once per row of a data set, politely (per-profile limits), resumable.\n"
        "Exit status: 0 success, 1 a node (or a row) failed, 2 bad usage, 3 blocked by the budget, 4 the pipeline is "
        "invalid."_s);
    parser.addHelpOption();
    ConnectionOptions connection;
    connection.addTo(parser);
    const QCommandLineOption var(u"var"_s, u"A variable's value, name=value (repeatable)."_s, u"NAME=VALUE"_s);
    const QCommandLineOption from(u"from"_s, u"Run NODE and everything after it again; serve the rest from the "
                                             "cache (what has no cached output for its current inputs runs too)."_s,
                                  u"NODE"_s);
    const QCommandLineOption cache(u"cache"_s, u"Serve every node whose settings and inputs did not change from the "
                                               "cache (a plain run sends every model step again)."_s);
    const QCommandLineOption estimate(u"estimate"_s, u"Only estimate: each model step's cost and the total, min–max; "
                                                     "send nothing."_s);
    const QCommandLineOption validate(u"validate"_s, u"Only check the pipeline: print each problem with its node."_s);
    const QCommandLineOption allowRead(u"allow-read"_s, u"Let Input nodes read this file or folder, outside the "
                                                        "pipeline's own folder (repeatable)."_s, u"PATH"_s);
    const QCommandLineOption json(u"json"_s, u"Print the run record as JSON (every node with its figures, and the "
                                             "totals); with --input, the batch's summary."_s);
    const QCommandLineOption input(u"input"_s, u"Run once per row of this CSV (a header row names the columns) or "
                                               "JSONL file: each row's columns are the variables."_s,
                                   u"ROWS"_s);
    const QCommandLineOption concurrency(u"concurrency"_s, u"With --input: rows at once (default 4). Each profile's "
                                                           "own limits (\"limits\" in the config) apply too."_s,
                                         u"N"_s);
    const QCommandLineOption output(u"output"_s, u"With --input: write one result per row, in input order, to "
                                                 "this .jsonl or .csv file as rows finish."_s,
                                    u"FILE"_s);
    const QCommandLineOption resume(u"resume"_s, u"With --input: go on with this batch (killed or stopped): "
                                                 "finished rows are not sent again."_s,
                                    u"BATCH"_s);
    const QCommandLineOption reportTo(u"report"_s, u"Write a report of the run to FILE (.html, .md, .csv or .json; see "
                                                 "juxta report --help) once it has finished."_s,
                                    u"FILE"_s);
    parser.addOptions({var, from, cache, estimate, validate, allowRead, json, input, concurrency, output, resume, reportTo});
    parser.addPositionalArgument(u"FILE"_s, u"The pipeline, a .juxta file."_s);
    if (!parser.parse(arguments)) {
        printError(kCommand, parser.errorText());
        return BadUsage;
    }
    if (parser.isSet(u"help"_s)) {
        printOut(helpTextFor(parser.helpText(), u"juxta run FILE [--var name=value …] [options]"_s));
        return Success;
    }
    QString error;
    if (!connection.read(parser, error) || connection.hasBaseUrl()) {
        printError(kCommand, error.isEmpty() ? u"pipelines name their models by profile: no --base-url"_s : error);
        return BadUsage;
    }
    if (parser.positionalArguments().size() != 1) {
        printError(kCommand, u"expected exactly one FILE"_s);
        return BadUsage;
    }
    const QString path = QFileInfo(parser.positionalArguments().constFirst()).absoluteFilePath();
    if (!QFileInfo(path).isFile()) {
        printError(kCommand, u"no such file: %1"_s.arg(path));
        return BadUsage;
    }
    std::optional<Pipeline> pipeline = loadPipelineFile(path, error);
    if (!pipeline) {
        printError(kCommand, error);
        return PipelineInvalid;
    }
    QHash<QString, QString> variables;
    for (const QString& pair : parser.values(var)) {
        const qsizetype equals = pair.indexOf(u'=');
        const QString name = pair.left(equals);
        if (equals <= 0 || !pipeline->variable(name)) {
            printError(kCommand, equals <= 0 ? u"--var takes name=value"_s
                                             : u"the pipeline declares no variable “%1”"_s.arg(name));
            return BadUsage;
        }
        variables.insert(name, pair.mid(equals + 1));
    }
    const bool batchMode = parser.isSet(input);
    if (!batchMode && (parser.isSet(concurrency) || parser.isSet(output) || parser.isSet(resume))) {
        printError(kCommand, u"--concurrency, --output and --resume go with --input"_s);
        return BadUsage;
    }
    if (batchMode && (parser.isSet(from) || parser.isSet(cache) || !variables.isEmpty())) {
        printError(kCommand, u"with --input the rows give the variables; --from, --cache and --var do not apply"_s);
        return BadUsage;
    }
    if (parser.isSet(reportTo) && (batchMode || !reportPathUsable(parser.value(reportTo), kCommand))) {
        if (batchMode)
            printError(kCommand, u"--report reports one run; a batch's rows are in its --output"_s);
        return BadUsage;
    }
    std::optional<int> rowsAtOnce;
    if (!readNumber(parser, concurrency.names().constFirst(), 1, 256, rowsAtOnce, error)) {
        printError(kCommand, error);
        return BadUsage;
    }
    if (parser.isSet(from) && !pipeline->node(parser.value(from))) {
        printError(kCommand, u"--from: no node “%1”"_s.arg(parser.value(from)));
        return BadUsage;
    }

    Workspace workspace(kCommand, connection.configPath());
    ValidationContext context;
    context.config = &workspace.config();
    context.catalog = &workspace.catalog();
    context.baseDir = QFileInfo(path).absolutePath();
    for (const QString& place : parser.values(allowRead))
        context.allowedReads.append(QFileInfo(place).absoluteFilePath());
    QEventLoop keys; // the command line may wait: the keychain answers asynchronously
    bool keysChecked = false;
    checkKeys(*pipeline, workspace.config(), workspace.secrets(), &keys,
              [&context, &keys, &keysChecked](const QHash<QString, QString>& problems) {
                  context.keyProblems = problems;
                  keysChecked = true;
                  keys.quit();
              });
    if (!keysChecked)
        keys.exec(QEventLoop::ExcludeUserInputEvents);
    const QList<PipelineProblem> problems = validatePipeline(*pipeline, context);
    if (parser.isSet(validate) && parser.isSet(json)) {
        QJsonArray list;
        for (const PipelineProblem& p : problems)
            list.append(QJsonObject{{u"node"_s, p.node}, {u"message"_s, p.message}});
        printOut(QJsonDocument(QJsonObject{{u"valid"_s, problems.isEmpty()}, {u"problems"_s, list}})
                     .toJson(QJsonDocument::Indented));
    }
    for (const PipelineProblem& p : problems)
        printError(kCommand, p.node.isEmpty() ? p.message : u"%1: %2"_s.arg(p.node, p.message));
    if (!problems.isEmpty())
        return PipelineInvalid;
    if (parser.isSet(validate)) {
        if (!parser.isSet(json))
            printOut(u"%1: valid (%2 nodes)\n"_s.arg(QFileInfo(path).fileName()).arg(pipeline->nodes.size()));
        return Success;
    }

    QHash<QString, QString> values;
    for (const Variable& v : std::as_const(pipeline->variables))
        values.insert(v.name, variables.value(v.name, v.defaultValue));
    const PipelineEstimate cost = estimatePipeline(*pipeline, values, workspace.config(), workspace.catalog(),
                                                   context.baseDir);
    if (parser.isSet(estimate)) {
        printOut(parser.isSet(json) ? QJsonDocument(estimateJson(cost)).toJson(QJsonDocument::Indented)
                                    : estimateText(cost).toUtf8());
        return Success;
    }
    std::optional<CostEstimate> total = cost.total;
    std::optional<qint64> rows;
    if (batchMode) { // every row may cost what one does
        rows = RowSource::countRows(QFileInfo(parser.value(input)).absoluteFilePath(), error);
        if (!rows) {
            printError(kCommand, error);
            return BadUsage;
        }
        if (total) {
            total->min *= double(*rows);
            if (total->max)
                *total->max *= double(*rows);
        }
    }
    const BudgetVerdict verdict = checkBudget(workspace.config().budget, total,
                                              SpendLedger().spentToday());
    if (verdict.kind != BudgetVerdict::Kind::Allow)
        printError(kCommand, verdict.message);
    if (verdict.kind == BudgetVerdict::Kind::Block)
        return BudgetBlocked;

    HistoryService history; // every run is recorded, so reports can be made from it later
    QObject::connect(&history, &HistoryService::opened, &history, [](const HistoryOpenReport& report) {
        if (!report.error.isEmpty())
            printError(kCommand, report.persistent ? report.error : report.error + u"; this run is not saved"_s);
    });
    OfflineNetworkAccessManager network;
    AnswerEngine engine(workspace.config(), workspace.secrets(), workspace.catalog(), network, &history);
    engine.setCallOptions(connection.callOptions());
    if (batchMode) {
        BatchRunner::Options batch;
        batch.input = QFileInfo(parser.value(input)).absoluteFilePath();
        batch.output = parser.isSet(output) ? QFileInfo(parser.value(output)).absoluteFilePath() : QString();
        batch.concurrency = rowsAtOnce.value_or(4);
        batch.file = path;
        batch.allowedReads = context.allowedReads;
        batch.resume = parser.value(resume);
        return runBatch(engine, *pipeline, batch, parser.isSet(json));
    }
    PipelineRunner::Options options;
    options.variables = variables;
    options.fromNode = parser.value(from);
    options.useCache = parser.isSet(cache);
    options.file = path;
    options.allowedReads = context.allowedReads;
    PipelineRunner runner(engine, *pipeline, options);
    InterruptWatcher interrupts;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &runner, &PipelineRunner::cancel);
    QObject::connect(&runner, &PipelineRunner::finished, &runner, [] { QCoreApplication::exit(0); });
    runner.start();
    if (!runner.isFinished())
        QCoreApplication::exec();

    const RunRecord& record = runner.record();
    const QStringList outputs = runner.outputNodes();
    if (parser.isSet(json)) {
        printOut(QJsonDocument(record.toJson(outputs)).toJson(QJsonDocument::Indented));
    } else {
        for (const QString& name : outputs) {
            const NodeRun* n = record.node(name);
            if (!n || (n->state != NodeState::Done && n->state != NodeState::Cached))
                continue;
            const QString text = n->output.asText();
            printOut(outputs.size() > 1 ? u"── %1 ──\n%2\n\n"_s.arg(name, text)
                                        : text + (text.endsWith(u'\n') ? QString() : u"\n"_s));
        }
    }
    int failed = 0, cached = 0, skipped = 0;
    for (const NodeRun& n : record.nodes) {
        if (n.state == NodeState::Failed) {
            ++failed;
            if (!parser.isSet(json))
                printError(kCommand, u"%1: %2"_s.arg(n.node, n.error));
        }
        cached += n.state == NodeState::Cached;
        skipped += n.state == NodeState::Skipped;
    }
    const std::optional<double> spent = record.totalCostUsd();
    printError(kCommand, u"run %1: %2 nodes (%3 cached, %4 skipped, %5 failed) in %6 s, %7"_s.arg(record.id)
                             .arg(record.nodes.size())
                             .arg(cached)
                             .arg(skipped)
                             .arg(failed)
                             .arg(QLocale::c().toString(record.wallMs / 1000.0, 'f', 2),
                                  spent ? formatMoney(*spent, u"USD"_s) : u"cost unknown"_s));
    if (parser.isSet(reportTo)) {
        if (const int written = writeReportFromHistory(history, ReportKind::PipelineRun, record.id, parser.value(reportTo),
                                                       kCommand);
            written != Success)
            return written;
    }
    return interrupts.exitStatus(record.state == u"done"_s ? Success : ProviderFailure);
}

} // namespace juxta::cli
