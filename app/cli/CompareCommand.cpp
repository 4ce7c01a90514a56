// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CompareCommand.h"

#include "answer/AnswerEngine.h"
#include "cli/CommandInput.h"
#include "cli/CommandLine.h"
#include "cli/CompareEvents.h"
#include "cli/CompareResults.h"
#include "cli/ConnectionOptions.h"
#include "cli/CostReporter.h"
#include "cli/InterruptWatcher.h"
#include "cli/ReportCommand.h"
#include "cli/Workspace.h"
#include "compare/Comparison.h"
#include "offline/OfflineNetwork.h"
#include "storage/HistoryService.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace juxta::cli {
namespace {

const QString kCommand = u"compare"_s;
constexpr int kMaxModels = 8;

} // namespace

int CompareCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Send one prompt to several models at once and compare time to first token, total time, speed, tokens and "
        "cost. PROMPT \"-\" reads the prompt from standard input.\n"
        "Exit status: 0 every model answered, 1 at least one failed (the others are still reported), 2 bad usage, "
        "3 blocked by the budget. With --save the comparison is in the history (juxta history; the app's Compare "
        "view opens it)."_s);
    parser.addHelpOption();
    ConnectionOptions connection;
    connection.addTo(parser);
    const QCommandLineOption model(u"model"_s, u"A model to compare, profile/model (repeat: 1 to 8 models; the same "
                                               "model may appear twice)."_s,
                                   u"REF"_s);
    const QCommandLineOption repeat(u"repeat"_s, u"Runs per model, one after another (default 1): latency statistics."_s,
                                    u"N"_s);
    const QCommandLineOption system(u"system"_s, u"System prompt."_s, u"TEXT"_s);
    const QCommandLineOption temperature(u"temperature"_s, u"Sampling temperature (0–2)."_s, u"T"_s);
    const QCommandLineOption maxTokens(u"max-tokens"_s, u"Maximum output tokens."_s, u"N"_s);
    const QCommandLineOption json(u"json"_s, u"Print one JSON object: one entry per model."_s);
    const QCommandLineOption save(u"save"_s, u"Record the comparison in the history, as the compare view does "
                                             "(each model a column, every run, its figures); the answers are saved "
                                             "while they stream. Its id is printed (and in --json)."_s);
    const QCommandLineOption events(u"events"_s, u"Print one JSON object per line as the answers arrive (start, "
                                                 "text, retry, restart, run_finished), then the --json object as "
                                                 "the last line, in a \"finished\" event."_s);
    const QCommandLineOption reportTo(u"report"_s, u"Write a report of the comparison to FILE (.html, .md, .csv or .json; "
                                                 "see juxta report --help) once it has finished. Implies --save."_s,
                                    u"FILE"_s);
    parser.addOptions({model, repeat, system, temperature, maxTokens, json, save, events, reportTo});
    parser.addPositionalArgument(u"PROMPT"_s, u"The prompt, or - for standard input."_s);
    if (!parser.parse(arguments)) {
        printError(kCommand, parser.errorText());
        return BadUsage;
    }
    if (parser.isSet(u"help"_s)) {
        printOut(helpTextFor(parser.helpText(), u"juxta compare --model A --model B [options] PROMPT"_s));
        return Success;
    }
    QString error;
    if (!connection.read(parser, error)) {
        printError(kCommand, error);
        return BadUsage;
    }
    if (connection.hasBaseUrl()) {
        printError(kCommand, u"compare works with profiles: give each --model as profile/model"_s);
        return BadUsage;
    }
    const QStringList references = parser.values(model);
    if (references.isEmpty() || references.size() > kMaxModels) {
        printError(kCommand, u"give 1 to %1 --model options"_s.arg(kMaxModels));
        return BadUsage;
    }
    if (parser.positionalArguments().size() != 1) {
        printError(kCommand, u"expected exactly one PROMPT argument (use - to read it from standard input)"_s);
        return BadUsage;
    }
    ChatRequest request;
    std::optional<int> repeats;
    request.systemPrompt = parser.value(system);
    if (!readNumber(parser, temperature.names().constFirst(), 0, 2, request.temperature, error)
        || !readNumber(parser, maxTokens.names().constFirst(), 1, 10'000'000, request.maxTokens, error)
        || !readNumber(parser, repeat.names().constFirst(), 1, 1000, repeats, error)) {
        printError(kCommand, error);
        return BadUsage;
    }
    QString prompt;
    if (!readPrompt(parser.positionalArguments().constFirst(), prompt, error)) {
        printError(kCommand, error);
        return BadUsage;
    }
    request.messages.append({ChatMessage::Role::User, prompt});

    Workspace workspace(kCommand, connection.configPath());
    QList<Target> targets;
    QList<CostReporter> costs;
    QList<bool> offline;
    for (const QString& reference : references) {
        std::optional<Target> target = workspace.target(reference, connection.keyVariable(), error);
        if (!target) {
            printError(kCommand, error);
            return BadUsage;
        }
        targets.append(*target);
        costs.append(CostReporter(&workspace, request, {*target}));
        offline.append(isOfflineUrl(target->profile.baseUrl));
    }
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const BudgetVerdict verdict = costs.at(i).checkBudget();
        if (verdict.kind != BudgetVerdict::Kind::Allow)
            printError(kCommand, u"%1: %2"_s.arg(references.at(i), verdict.message));
        if (verdict.kind == BudgetVerdict::Kind::Block)
            return BudgetBlocked;
    }
    const BudgetVerdict together = CostReporter::checkTogether(costs, repeats.value_or(1));
    if (together.kind != BudgetVerdict::Kind::Allow)
        printError(kCommand, u"all models together: %1"_s.arg(together.message));
    if (together.kind == BudgetVerdict::Kind::Block)
        return BudgetBlocked;

    // The same engine as the compare view: each model a lane, recorded when --save asks for it.
    CompareSetup setup;
    for (const QString& reference : references) {
        CompareColumnSetup column;
        column.overrides.model = reference;
        setup.columns.append(column);
    }
    setup.shared.systemPrompt = request.systemPrompt;
    setup.shared.temperature = request.temperature;
    setup.shared.maxTokens = request.maxTokens;
    setup.repeat = repeats.value_or(1);
    std::unique_ptr<HistoryService> history; // outlives the engine and the comparison that record into it
    if (parser.isSet(reportTo) && !reportPathUsable(parser.value(reportTo), kCommand))
        return BadUsage;
    if (parser.isSet(save) || parser.isSet(reportTo)) {
        history = std::make_unique<HistoryService>();
        QObject::connect(history.get(), &HistoryService::opened, history.get(), [](const HistoryOpenReport& report) {
            if (!report.error.isEmpty())
                printError(kCommand, report.persistent ? report.error
                                                       : report.error + u"; this comparison is not saved"_s);
        });
    }
    OfflineNetworkAccessManager network;
    AnswerEngine engine(workspace.config(), workspace.secrets(), workspace.catalog(), network, history.get());
    engine.setCallOptions(connection.callOptions());
    engine.setRecordsSpending(false); // recorded below from the provider's own bill where it sends one
    engine.setResolver([&targets, &references](const QStringList& wanted, QObject*,
                                               std::function<void(const ResolvedTargets&)> done) {
        ResolvedTargets resolved; // checked above, keys included (--api-key-env)
        for (const QString& reference : wanted) {
            if (const qsizetype i = references.indexOf(reference); i >= 0)
                resolved.targets.append(targets.at(i));
        }
        done(resolved);
    });
    Comparison comparison(engine);
    CompareEvents streamed(comparison, references, parser.isSet(events));
    InterruptWatcher interrupts;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &comparison, &Comparison::stop);
    const bool quiet = parser.isSet(json) || parser.isSet(events);
    QObject::connect(&comparison, &Comparison::lanesBound, &comparison, [&] {
        for (int lane = 0; lane < comparison.lanes().size(); ++lane) {
            QObject::connect(comparison.lanes().at(lane), &ComparisonLane::runFinished, &comparison,
                             [&, lane](const MessageRecord& answer) {
                const ComparisonLane* l = comparison.lanes().at(lane);
                for (qsizetype run = 0; run < l->turnAnswers().size(); ++run) {
                    if (l->turnAnswers().at(run).id == answer.id)
                        CostReporter::record(costs.at(lane).report(l->turnOutcomes().at(run)));
                }
                if (!quiet && isIncomplete(answer.state) && !answer.stats.errorMessage.isEmpty())
                    printError(kCommand, u"%1: %2"_s.arg(references.at(lane), answer.stats.errorMessage));
            });
        }
    });
    bool finished = false;
    QObject::connect(&comparison, &Comparison::finished, &comparison, [&finished] {
        finished = true;
        QCoreApplication::exit(0);
    });
    comparison.start(setup, prompt);
    if (history && !quiet)
        printError(kCommand, u"saving as comparison %1 (juxta history show %1)"_s.arg(comparison.record().id));
    if (!finished)
        QCoreApplication::exec();

    const CompareResults results = compareResults(comparison, prompt, references, costs, offline, history != nullptr);
    if (parser.isSet(events))
        streamed.finish(results.json);
    else if (parser.isSet(json))
        printOut(QJsonDocument(results.json).toJson(QJsonDocument::Indented));
    else
        printOut(results.text);
    const bool allAnswered = results.allAnswered;
    if (parser.isSet(reportTo) && history) {
        if (const int written = writeReportFromHistory(*history, ReportKind::Comparison, comparison.record().id,
                                                       parser.value(reportTo), kCommand);
            written != Success)
            return written;
    }
    return interrupts.exitStatus(allAnswered ? Success : ProviderFailure);
}

} // namespace juxta::cli
