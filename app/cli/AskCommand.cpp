// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/AskCommand.h"

#include "cli/AskHistory.h"
#include "cli/CommandInput.h"
#include "cli/CommandLine.h"
#include "cli/ConnectionOptions.h"
#include "cli/CostReporter.h"
#include "cli/InterruptWatcher.h"
#include "cli/JsonOutput.h"
#include "cli/RoutingOptions.h"
#include "cli/TerminalText.h"
#include "cli/Workspace.h"
#include "common/BoundedRead.h"
#include "common/MonotonicClock.h"
#include "answer/AnswerEngine.h"
#include "routing/ModelStats.h"
#include "routing/Scheduler.h"

#include "offline/OfflineNetwork.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>

#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace juxta::cli {
namespace {

const QString kCommand = u"ask"_s;

void writeOut(FILE* stream, const QString& text)
{
    const QByteArray bytes = forStream(stream, text).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

int AskCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Stream one answer from a model. PROMPT \"-\" reads the prompt from standard input.\n"
        "Exit status: 0 answered, 1 the provider failed (partial text is still printed), 2 bad usage, 3 blocked by "
        "the budget."_s);
    parser.addHelpOption();
    ConnectionOptions connection;
    connection.addTo(parser);
    RoutingOptions routing;
    routing.addTo(parser);
    const QCommandLineOption model(u"model"_s,
                                   u"Model to ask (required): profile/model, e.g. openai/gpt-4o or "
                                   "openrouter/anthropic/claude-sonnet-4; a bare name with --base-url."_s,
                                   u"REF"_s);
    const QCommandLineOption system(u"system"_s, u"System prompt."_s, u"TEXT"_s);
    const QCommandLineOption temperature(u"temperature"_s, u"Sampling temperature (0–2)."_s, u"T"_s);
    const QCommandLineOption topP(u"top-p"_s, u"Nucleus sampling probability mass (0–1)."_s, u"P"_s);
    const QCommandLineOption maxTokens(u"max-tokens"_s, u"Maximum output tokens."_s, u"N"_s);
    const QCommandLineOption seed(u"seed"_s, u"Sampling seed, where the provider supports one."_s, u"N"_s);
    const QCommandLineOption stop(u"stop"_s, u"Stop sequence (repeatable)."_s, u"TEXT"_s);
    const QCommandLineOption tools(u"tools"_s, u"JSON file with an OpenAI-style \"tools\" array."_s, u"FILE"_s);
    const QCommandLineOption json(u"json"_s, u"Print one JSON object describing the outcome when done."_s);
    const QCommandLineOption estimate(u"estimate"_s,
                                      u"Only estimate: print each target's min–max cost and the budget check, send "
                                      "nothing."_s);
    const QCommandLineOption reasoning(u"reasoning-effort"_s,
                                       u"low, medium or high: how hard a reasoning model thinks (OpenAI's "
                                       "reasoning_effort, Anthropic's and Gemini's thinking budget)."_s,
                                       u"LEVEL"_s);
    const QCommandLineOption save(u"save"_s,
                                  u"Record the question and the answer in the history as a new conversation (the "
                                  "partial answer is saved while it streams)."_s);
    parser.addOptions({model, system, temperature, topP, maxTokens, seed, stop, tools, json, estimate, reasoning, save});
    parser.addPositionalArgument(u"PROMPT"_s, u"The prompt, or - for standard input."_s);

    if (!parser.parse(arguments)) {
        printError(kCommand, parser.errorText());
        return BadUsage;
    }
    if (parser.isSet(u"help"_s)) {
        writeOut(stdout, helpTextFor(parser.helpText(), u"juxta ask [options] PROMPT"_s));
        return Success;
    }

    QString error;
    if (!connection.read(parser, error)) {
        printError(kCommand, error);
        return BadUsage;
    }
    ChatRequest request;
    request.model = parser.value(model).trimmed();
    if (request.model.isEmpty()) {
        printError(kCommand, u"--model is required"_s);
        return BadUsage;
    }
    if (parser.positionalArguments().size() != 1) {
        printError(kCommand, u"expected exactly one PROMPT argument (use - to read it from standard input)"_s);
        return BadUsage;
    }
    request.systemPrompt = parser.value(system);
    request.stop = parser.values(stop);
    if (!readNumber(parser, temperature.names().constFirst(), 0, 2, request.temperature, error)
        || !readNumber(parser, topP.names().constFirst(), 0, 1, request.topP, error)
        || !readNumber(parser, maxTokens.names().constFirst(), 1, 10'000'000, request.maxTokens, error)
        || !readNumber(parser, seed.names().constFirst(), -9.0e15, 9.0e15, request.seed, error)) {
        printError(kCommand, error);
        return BadUsage;
    }
    request.reasoningEffort = parser.value(reasoning).trimmed().toLower();
    if (!request.reasoningEffort.isEmpty()
        && !QStringList{u"low"_s, u"medium"_s, u"high"_s}.contains(request.reasoningEffort)) {
        printError(kCommand, u"--reasoning-effort must be low, medium or high"_s);
        return BadUsage;
    }
    if (parser.isSet(tools)) {
        QFile file(parser.value(tools));
        if (!file.open(QIODevice::ReadOnly)) {
            printError(kCommand, u"cannot read --tools file: "_s + file.errorString());
            return BadUsage;
        }
        const std::optional<QByteArray> read = readAtMost(file, kMaxToolsFileBytes, error);
        if (!read) {
            printError(kCommand, u"the --tools file is "_s + error);
            return BadUsage;
        }
        request.toolsJson = *read;
        if (!QJsonDocument::fromJson(request.toolsJson).isArray()) {
            printError(kCommand, u"--tools must contain a JSON array of tool definitions"_s);
            return BadUsage;
        }
    }
    QString prompt;
    if (!readPrompt(parser.positionalArguments().constFirst(), prompt, error)) {
        printError(kCommand, error);
        return BadUsage;
    }
    request.messages.append({ChatMessage::Role::User, prompt});

    std::optional<Workspace> workspace;
    Target primary;
    if (connection.hasBaseUrl()) {
        primary.profile = connection.profile();
        primary.key = connection.key();
        primary.model = request.model;
    } else {
        workspace.emplace(kCommand, connection.configPath());
        auto resolved = workspace->target(request.model, connection.keyVariable(), error);
        if (!resolved) {
            printError(kCommand, error);
            return BadUsage;
        }
        primary = *resolved;
        routing.setReferenceResolver([&](const QString& reference, QString& why) {
            return workspace->target(reference, {}, why);
        });
        routing.setCatalogPrices([&](const Target& t) -> std::optional<ModelPrice> {
            return workspace->entryFor(t).price;
        });
    }
    ModelStats stats(ModelStats::defaultPath()); // ranks "fastest"; successful answers teach it
    if (!routing.read(parser, primary, stats, error)) {
        printError(kCommand, error);
        return BadUsage;
    }
    CostReporter costs(workspace ? &*workspace : nullptr, request, routing.targets());
    if (parser.isSet(estimate)) {
        writeOut(stdout, parser.isSet(json) ? QString::fromUtf8(estimatesToJson(costs, routing.targets()))
                                            : estimatesToText(costs, routing.targets()));
        return Success;
    }
    if (workspace) {
        const BudgetVerdict verdict = costs.checkBudget();
        if (verdict.kind != BudgetVerdict::Kind::Allow)
            printError(kCommand, verdict.message);
        if (verdict.kind == BudgetVerdict::Kind::Block)
            return BudgetBlocked;
    }

    std::unique_ptr<AskHistory> saved; // declared before the run: the run records into it while it lives
    if (parser.isSet(save))
        saved = std::make_unique<AskHistory>(prompt, request, routing.targets());

    OfflineNetworkAccessManager network; // built-in offline providers answer without a socket
    SteadyClock clock;
    EventLoopScheduler scheduler;
    AnswerOrder order;
    order.answer = saved ? saved->answer() : AnswerEngine::newAnswer({}, {}, request.model);
    order.request = request;
    order.targets = routing.targets();
    if (workspace) {
        order.priceFor = [&workspace](const Target& t) { return workspace->entryFor(t).price; };
        order.spendCap = spendCapFor(workspace->config().budget, SpendLedger().spentOn(QDate::currentDate()));
    }
    order.retry = routing.retryPolicy();
    order.fallback = routing.fallbackPolicy();
    order.options = connection.callOptions();
    order.seed = routing.seed();
    // The day's spending is recorded below from the provider's own bill where it sends one.
    AnswerRun run({{network, clock, scheduler, nullptr, &stats}, saved ? &saved->history() : nullptr, false},
                  std::move(order));

    const bool asJson = parser.isSet(json);
    bool endsWithNewline = true;
    qsizetype printed = 0;
    bool restarted = false;
    if (!asJson) {
        QObject::connect(&run, &AnswerRun::grew, &run, [&] {
            const QStringView fresh = run.transcript().textFrom(printed);
            printed = run.transcript().length();
            if (!fresh.isEmpty()) {
                writeOut(stdout, fresh.toString());
                endsWithNewline = fresh.endsWith(u'\n');
            }
        });
        QObject::connect(&run, &AnswerRun::restarted, &run, [&] {
            printed = 0;
            restarted = true;
        });
        QObject::connect(&run, &AnswerRun::attemptStarted, &run, [&](const QString& target, int retry) {
            if (std::exchange(restarted, false)) {
                // The earlier partial text stays on screen; say plainly that a new answer starts.
                if (!endsWithNewline)
                    writeOut(stdout, u"\n"_s);
                endsWithNewline = true;
                printError(kCommand, u"the answer above is incomplete; restarting on %1"_s.arg(target));
            } else if (retry > 0 || run.outcome().attempts.size() > 0) {
                printError(kCommand, u"trying %1%2"_s.arg(target, retry > 0 ? u" again"_s : QString()));
            }
        });
    }
    InterruptWatcher interrupts;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &run, &AnswerRun::stop);

    int exitCode = Success;
    QObject::connect(&run, &AnswerRun::finished, &run, [&](const MessageRecord&, const RoutedOutcome& routed) {
        const CallOutcome& outcome = routed.outcome;
        exitCode = outcome.complete ? Success : ProviderFailure;
        const CostFields cost = costs.report(routed);
        costs.record(cost);
        if (asJson) {
            writeOut(stdout, QString::fromUtf8(outcomeToJson(routed, cost)));
        } else {
            if (!endsWithNewline)
                writeOut(stdout, u"\n"_s);
            for (const ToolCall& tool : outcome.toolCalls)
                writeOut(stdout, u"[tool call %1] %2(%3)\n"_s.arg(tool.id, tool.name, tool.arguments));
            if (routed.attempts.size() > 1)
                printError(kCommand, routed.summary());
            if (outcome.error)
                printError(kCommand, outcome.error->summary());
            else if (outcome.finishReason == FinishReason::Length)
                printError(kCommand, u"the answer stopped at the token limit (finish_reason length)"_s);
            else if (outcome.finishReason == FinishReason::ContentFilter)
                printError(kCommand, u"the provider's content filter stopped the answer (finish_reason content_filter)"_s);
        }
        QCoreApplication::exit(exitCode);
    });
    run.start();
    if (!run.isFinished()) // a run can end at once; exit() before exec() would be lost
        QCoreApplication::exec();
    return interrupts.exitStatus(exitCode);
}

} // namespace juxta::cli
