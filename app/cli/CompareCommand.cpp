// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CompareCommand.h"

#include "cli/CommandInput.h"
#include "cli/CommandLine.h"
#include "cli/ConnectionOptions.h"
#include "cli/CostReporter.h"
#include "cli/InterruptWatcher.h"
#include "cli/JsonOutput.h"
#include "cli/Workspace.h"
#include "common/MonotonicClock.h"
#include "compare/Comparison.h"
#include "compare/RepeatStats.h"
#include "routing/Scheduler.h"

#include "offline/OfflineNetwork.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace juxta::cli {
namespace {

const QString kCommand = u"compare"_s;
constexpr int kMaxModels = 8;

QJsonValue distributionJson(const std::optional<Distribution>& d)
{
    if (!d)
        return QJsonValue::Null;
    return QJsonObject{{u"samples"_s, d->samples}, {u"min"_s, d->min},     {u"median"_s, d->median},
                       {u"p95"_s, d->p95},         {u"max"_s, d->max}};
}

QJsonObject repeatJson(const RepeatStats& s)
{
    return QJsonObject{{u"runs"_s, s.runs},
                       {u"succeeded"_s, s.succeeded},
                       {u"ttft_ms"_s, distributionJson(s.ttftMs)},
                       {u"total_ms"_s, distributionJson(s.totalMs)},
                       {u"output_tokens_per_s"_s, distributionJson(s.outputTokensPerSecond)}};
}

QString cell(const std::optional<double>& value, int decimals, const QString& suffix = {})
{
    return value ? QString::number(*value, 'f', decimals) + suffix : u"–"_s;
}

QString padded(const QString& text, int width)
{
    return text.leftJustified(width, u' ', false) + u"  "_s;
}

} // namespace

int CompareCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Send one prompt to several models at once and compare time to first token, total time, speed, tokens and "
        "cost. PROMPT \"-\" reads the prompt from standard input.\n"
        "Exit status: 0 every model answered, 1 at least one failed (the others are still reported), 2 bad usage, "
        "3 blocked by the budget."_s);
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
    parser.addOptions({model, repeat, system, temperature, maxTokens, json});
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
    QList<ComparisonLane> lanes;
    QList<CostReporter> costs;
    for (const QString& reference : references) {
        std::optional<Target> target = workspace.target(reference, connection.keyVariable(), error);
        if (!target) {
            printError(kCommand, error);
            return BadUsage;
        }
        lanes.append({reference, {*target}});
        costs.append(CostReporter(&workspace, request, {*target}));
    }
    for (qsizetype i = 0; i < lanes.size(); ++i) {
        const BudgetVerdict verdict = costs.at(i).checkBudget();
        if (verdict.kind != BudgetVerdict::Kind::Allow)
            printError(kCommand, u"%1: %2"_s.arg(lanes.at(i).label, verdict.message));
        if (verdict.kind == BudgetVerdict::Kind::Block)
            return BudgetBlocked;
    }
    const BudgetVerdict together = CostReporter::checkTogether(costs, repeats.value_or(1));
    if (together.kind != BudgetVerdict::Kind::Allow)
        printError(kCommand, u"all models together: %1"_s.arg(together.message));
    if (together.kind == BudgetVerdict::Kind::Block)
        return BudgetBlocked;

    OfflineNetworkAccessManager network;
    SteadyClock clock;
    EventLoopScheduler scheduler;
    Comparison comparison({network, clock, scheduler, nullptr, nullptr}, request, lanes, repeats.value_or(1), {}, {},
                          connection.callOptions());
    InterruptWatcher interrupts;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &comparison, &Comparison::cancel);
    QObject::connect(&comparison, &Comparison::runFinished, &comparison,
                     [&](int lane, int, const RoutedOutcome& outcome) {
                         CostReporter::record(costs.at(lane).report(outcome));
                         if (!parser.isSet(json) && !outcome.outcome.complete && outcome.outcome.error)
                             printError(kCommand, u"%1: %2"_s.arg(lanes.at(lane).label, outcome.outcome.error->summary()));
                     });
    QObject::connect(&comparison, &Comparison::finished, &comparison, [] { QCoreApplication::exit(0); });
    comparison.start();
    if (!comparison.isFinished())
        QCoreApplication::exec();

    bool allAnswered = true;
    QJsonArray results;
    QString table = padded(u"MODEL"_s, 36) + padded(u"RESULT"_s, 14) + padded(u"TTFT ms"_s, 9)
                    + padded(u"TOTAL ms"_s, 9) + padded(u"TOK/S"_s, 7) + padded(u"IN"_s, 7) + padded(u"OUT"_s, 7)
                    + u"COST\n"_s;
    for (int lane = 0; lane < comparison.laneCount(); ++lane) {
        const QList<RoutedOutcome>& runs = comparison.runs(lane);
        const RepeatStats stats = repeatStatsOf(runs);
        allAnswered = allAnswered && stats.succeeded == stats.runs && stats.runs > 0;
        if (runs.isEmpty())
            continue;
        const RoutedOutcome& last = runs.constLast();
        const CostFields cost = costs.at(lane).report(last);
        QJsonObject entry = QJsonDocument::fromJson(outcomeToJson(last, cost, false)).object();
        entry.insert(u"compared_model"_s, lanes.at(lane).label);
        const bool offline = isOfflineUrl(lanes.at(lane).targets.constFirst().profile.baseUrl);
        entry.insert(u"offline"_s, offline);
        if (runs.size() > 1) {
            QJsonArray all;
            for (const RoutedOutcome& run : runs)
                all.append(QJsonDocument::fromJson(outcomeToJson(run, costs.at(lane).report(run), false)).object());
            entry.insert(u"runs"_s, all);
        }
        entry.insert(u"repeat"_s, repeatJson(stats));
        results.append(entry);

        const CallOutcome& o = last.outcome;
        const bool several = runs.size() > 1;
        const QString result = o.complete ? (several ? u"%1/%2 ok"_s.arg(stats.succeeded).arg(stats.runs) : u"ok"_s)
                                          : (o.error ? errorClassName(o.error->errorClass) : u"incomplete"_s);
        const std::optional<double> ttft = several && stats.ttftMs ? std::optional<double>(stats.ttftMs->median)
                                                                   : o.metrics.ttftMs;
        const std::optional<double> total = several && stats.totalMs ? std::optional<double>(stats.totalMs->median)
                                                                     : o.metrics.totalMs;
        const std::optional<double> speed = several && stats.outputTokensPerSecond
                                                ? std::optional<double>(stats.outputTokensPerSecond->median)
                                                : o.metrics.outputTokensPerSecond;
        const QString label = offline ? lanes.at(lane).label + u" (offline)"_s : lanes.at(lane).label;
        table += padded(label, 36) + padded(result, 14) + padded(cell(ttft, 0), 9)
                 + padded(cell(total, 0), 9) + padded(cell(speed, 1), 7)
                 + padded(o.usage.inputTokens ? QString::number(*o.usage.inputTokens) : u"–"_s, 7)
                 + padded(o.usage.outputTokens ? QString::number(*o.usage.outputTokens) : u"–"_s, 7)
                 + (cost.usd() ? formatMoney(*cost.usd(), u"USD"_s) : u"price unknown"_s) + u'\n';
    }
    if (parser.isSet(json)) {
        const QJsonObject out{{u"prompt"_s, prompt}, {u"repeat"_s, repeats.value_or(1)}, {u"results"_s, results}};
        printOut(QJsonDocument(out).toJson(QJsonDocument::Indented));
    } else {
        for (int lane = 0; lane < comparison.laneCount(); ++lane) {
            if (comparison.runs(lane).isEmpty())
                continue;
            printOut(u"── %1 ──\n%2\n\n"_s.arg(lanes.at(lane).label, comparison.runs(lane).constLast().outcome.text));
        }
        if (repeats.value_or(1) > 1)
            table += u"(TTFT, TOTAL and TOK/S are medians over the runs; --json has p95 and spread)\n"_s;
        printOut(table);
    }
    return allAnswered ? Success : ProviderFailure;
}

} // namespace juxta::cli
