// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/ReportBuilder.h"

#include "answer/ThroughputTrace.h"
#include "chat/ConversationTree.h"
#include "compare/CompareSetup.h"
#include "pipeline/PipelineFile.h"
#include "report/ReportCharts.h"
#include "report/ReportVerdict.h"
#include "storage/ConversationStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

// The sampling parameters that were set, without the model and the system prompt (said on their own).
QJsonObject parametersOf(const ChatSettings& settings)
{
    QJsonObject o = QJsonDocument::fromJson(settings.toJson()).object();
    for (const QString& key : o.keys()) {
        const QString k = key.toLower();
        if (k == u"model"_s || k.startsWith(u"system"_s) || k == u"fallbacks"_s)
            o.remove(key);
    }
    return o;
}

// "Model A", "Model B", … for a blind comparison not voted on yet.
QString blindLabel(int index)
{
    return QCoreApplication::translate("Report", "Model %1").arg(QChar(u'A' + index % 26));
}

void anonymise(AnswerStats& s, const QString& label)
{
    s.requestedModel = label;
    s.servedBy = label;
    s.servedModel.clear();
    for (QString& note : s.fallbackNotes)
        note = QCoreApplication::translate("Report", "an earlier attempt failed");
    s.errorMessage.clear(); // may name the provider
}

} // namespace

Report startedReport(ReportKind kind, const ReportOptions& options)
{
    Report r;
    r.kind = kind;
    r.options = options;
    r.generatedAt = QDateTime::currentDateTimeUtc();
    r.appVersion = QCoreApplication::applicationVersion();
    return r;
}

std::optional<Pipeline> addGraph(Report& r, const QByteArray& pipelineJson)
{
    QString error;
    std::optional<Pipeline> pipeline = readPipeline(pipelineJson, error);
    if (!pipeline)
        return pipeline;
    for (const Node& n : pipeline->nodes)
        r.graphNodes.append({n.name, nodeKindName(n.kind), n.model, pipeline->positions.value(n.name)});
    for (const Edge& e : pipeline->edges)
        r.graphEdges.append({e.from, e.to, !e.branch.isEmpty() ? e.branch : e.port});
    r.description = pipeline->description;
    return pipeline;
}

NodeRun nodeRunForReport(const QByteArray& recordJson, const QString& name)
{
    NodeRun n = NodeRun::fromJson(QJsonDocument::fromJson(recordJson).object());
    if (n.node.isEmpty())
        n.node = name;
    // An Input node's file is resolved to an absolute path, and its errors name it: the home folder stays out.
    const QString home = QDir::homePath();
    if (home.size() > 1)
        n.error.replace(home, u"~"_s);
    return n;
}

namespace {

// Sums over every answer: a price missing anywhere makes the total unknown and names the model.
void addTotals(Report& r)
{
    double cost = 0;
    bool known = true;
    for (const ReportModelFigures& m : r.models) {
        r.totalInputTokens += m.inputTokens;
        r.totalOutputTokens += m.outputTokens;
        if (m.costUsd)
            cost += *m.costUsd;
        else {
            known = false;
            r.unpricedModels.append(m.model);
        }
    }
    if (known)
        r.totalCostUsd = cost;
}

} // namespace

Report comparisonReport(const SavedComparison& saved, const QList<VoteRow>& votes, const QHash<QString, int>& ratings,
                        const ReportOptions& options)
{
    Report r = startedReport(ReportKind::Comparison, options);
    const CompareSetup setup = CompareSetup::fromJson(saved.record.setupJson);
    r.id = saved.record.id;
    r.title = saved.record.title;
    r.createdAt = saved.record.createdAt;
    r.repeat = setup.repeat;
    r.blind = setup.blind && !saved.voted;
    r.systemPrompt = setup.shared.systemPrompt;
    r.parameters = parametersOf(setup.shared);

    QHash<QString, QString> labelOfMessage; // votes name answers by message id
    for (int column = 0; column < saved.columns.size(); ++column) {
        const Conversation& c = saved.columns.at(column);
        const QString label = r.blind                        ? blindLabel(column)
                              : column < setup.columns.size() ? setup.columnLabel(column)
                                                              : c.record.title;
        ReportModelFigures figures;
        figures.model = label;
        r.models.append(figures);

        QHash<QString, int> promptOf;  // user message id → prompt number
        QHash<QString, int> repeatsOf; // user message id → answers so far
        for (const MessageRecord& m : c.messages) {
            if (m.role == MessageRole::User) {
                const int number = int(promptOf.size()) + 1;
                promptOf.insert(m.id, number);
                if (r.prompts.size() < number)
                    r.prompts.append({number, m.content});
                continue;
            }
            if (m.role != MessageRole::Assistant)
                continue;
            ReportAnswer a;
            a.id = m.id;
            a.model = label;
            a.prompt = promptOf.value(m.parentId, 1);
            a.repeat = ++repeatsOf[m.parentId];
            a.content = m.content;
            a.reasoning = m.reasoning;
            a.state = m.state;
            a.stats = m.stats;
            if (r.blind)
                anonymise(a.stats, label);
            if (ratings.contains(m.id))
                a.rating = ratings.value(m.id);
            if (const auto trace = saved.traces.constFind(m.id); trace != saved.traces.cend())
                a.trace = ThroughputTrace::pointsFromJson(*trace);
            labelOfMessage.insert(m.id, label);
            r.answers.append(a);
        }
    }

    // A "★ Best" is one vote (stored as a win over every other column at one moment); a tie is one vote.
    QList<PairVote> named;
    QSet<QString> events;
    QHash<QString, int> best;
    for (const VoteRow& v : votes) {
        const QString first = labelOfMessage.value(v.messageA, r.blind ? QString() : v.vote.first);
        const QString second = labelOfMessage.value(v.messageB, r.blind ? QString() : v.vote.second);
        if (first.isEmpty() || second.isEmpty())
            continue;
        named.append({first, second, v.vote.result, v.vote.at});
        const bool tie = v.vote.result == PairVote::Result::Tie;
        const QString winner = v.vote.result == PairVote::Result::FirstWins ? v.messageA : v.messageB;
        const QString event = v.vote.at.toString(Qt::ISODateWithMs) + (tie ? u"tie"_s : winner);
        if (events.contains(event))
            continue;
        events.insert(event);
        if (!tie)
            ++best[v.vote.result == PairVote::Result::FirstWins ? first : second];
    }
    r.voteCount = int(events.size());
    if (!r.blind)
        r.leaderboard = leaderboardOf(named);
    for (ReportModelFigures& m : r.models)
        m.bestVotes = best.value(m.model);

    computeModelFigures(r);
    addTotals(r);
    r.verdict = comparisonVerdict(r);
    if (options.charts)
        r.charts = comparisonCharts(r);
    return r;
}

Report runReport(const PipelineRunRow& run, const QList<NodeRunRow>& nodes, const ReportOptions& options)
{
    Report r = startedReport(ReportKind::PipelineRun, options);
    r.id = run.id;
    r.title = run.name;
    r.createdAt = run.startedAt;
    r.runState = run.state == u"running"_s ? u"interrupted"_s : run.state;
    r.parameters = QJsonDocument::fromJson(run.variablesJson).object();
    const QJsonObject summary = QJsonDocument::fromJson(run.summaryJson).object();
    r.wallMs = summary.value(u"wall_ms"_s).toDouble();
    for (const QJsonValue& name : summary.value(u"critical_path"_s).toArray())
        r.criticalPath.append(name.toString());

    addGraph(r, run.pipelineJson);
    double endMs = 0;
    for (const NodeRunRow& row : nodes) {
        NodeRun n = nodeRunForReport(row.recordJson, row.node);
        endMs = std::max(endMs, n.finishedMs);
        r.nodes.append(n);
    }
    if (r.wallMs <= 0)
        r.wallMs = endMs; // a run that never finished has no summary: what its nodes know

    // Each model step is one row of the figures: the node, the model that served it.
    for (const NodeRun& n : std::as_const(r.nodes)) {
        if (n.kind != u"model"_s)
            continue;
        ReportModelFigures m;
        m.model = n.node;
        m.answers = std::max(1, n.items);
        m.succeeded = n.state == NodeState::Done || n.state == NodeState::Cached ? m.answers : 0;
        if (n.ttftMs)
            m.ttftMs = distributionOf({*n.ttftMs});
        if (n.totalMs() > 0)
            m.totalMs = distributionOf({n.totalMs()});
        m.inputTokens = n.inputTokens.value_or(0);
        m.outputTokens = n.outputTokens.value_or(0);
        m.costUsd = n.state == NodeState::Cached ? std::optional<double>(0) : n.costUsd;
        if (!m.costUsd && n.state != NodeState::Skipped && n.state != NodeState::Waiting)
            m.unpricedAnswers = 1;
        else if (!m.costUsd)
            m.costUsd = 0; // never asked: cost nothing
        r.models.append(m);
    }
    addTotals(r);
    r.verdict = runVerdict(r);
    if (options.charts)
        r.charts = runCharts(r);
    return r;
}

Report conversationReport(const Conversation& conversation, const QHash<QString, QByteArray>& traces,
                          const ReportOptions& options)
{
    Report r = startedReport(ReportKind::Conversation, options);
    r.id = conversation.record.id;
    r.title = conversation.record.title;
    r.createdAt = conversation.record.createdAt;
    const ChatSettings settings = ChatSettings::fromJson(conversation.record.settingsJson);
    r.systemPrompt = settings.systemPrompt;
    r.parameters = parametersOf(settings);

    const ConversationTree tree(conversation.messages);
    const QString leaf = tree.leafOrLatest(conversation.record.currentLeafId);
    int prompt = 0;
    for (const MessageRecord& m : leaf.isEmpty() ? QList<MessageRecord>() : tree.pathTo(leaf)) {
        r.messages.append({m.role, m.content, m.reasoning, m.state, m.stats, m.createdAt});
        if (m.role == MessageRole::User) {
            r.prompts.append({++prompt, m.content});
            continue;
        }
        if (m.role != MessageRole::Assistant)
            continue;
        ReportAnswer a;
        a.id = m.id;
        a.model = !m.stats.requestedModel.isEmpty() ? m.stats.requestedModel : settings.model;
        a.prompt = std::max(1, prompt);
        a.content = m.content;
        a.reasoning = m.reasoning;
        a.state = m.state;
        a.stats = m.stats;
        if (const auto trace = traces.constFind(m.id); trace != traces.cend())
            a.trace = ThroughputTrace::pointsFromJson(*trace);
        r.answers.append(a);
    }
    for (const ReportAnswer& a : std::as_const(r.answers)) {
        const auto known = [&](const ReportModelFigures& m) { return m.model == a.model; };
        if (std::none_of(r.models.cbegin(), r.models.cend(), known)) {
            ReportModelFigures m;
            m.model = a.model;
            r.models.append(m);
        }
    }
    computeModelFigures(r);
    addTotals(r);
    if (options.charts)
        r.charts = conversationCharts(r);
    return r;
}

Report comparisonReport(const ComparisonStore& comparisons, const SavedComparison& saved, const ReportOptions& options)
{
    QStringList ids;
    for (const Conversation& c : saved.columns)
        for (const MessageRecord& m : c.messages)
            ids.append(m.id);
    return comparisonReport(saved, comparisons.votesOf(saved.record.id), comparisons.ratings(ids), options);
}

std::optional<Report> buildReport(ConversationStore& store, ReportKind kind, const QString& id,
                                  const ReportOptions& options, QString& error)
{
    switch (kind) {
    case ReportKind::Comparison: {
        const ComparisonStore comparisons(store);
        const std::optional<SavedComparison> saved = comparisons.loadComparison(id);
        if (!saved)
            break;
        return comparisonReport(comparisons, *saved, options);
    }
    case ReportKind::PipelineRun: {
        RunStore runs(store);
        if (const std::optional<PipelineRunRow> run = runs.loadRun(id))
            return runReport(*run, runs.nodesOf(id), options);
        BatchStore batches(store); // a batch is reported by its id too: the runs of its rows together
        if (const std::optional<BatchRow> batch = batches.loadBatch(id))
            return batchReport(*batch, batches.finishedRows(id), runs, options);
        break;
    }
    case ReportKind::Conversation: {
        const std::optional<Conversation> conversation = store.loadConversation(id);
        if (!conversation)
            break;
        QStringList ids;
        for (const MessageRecord& m : conversation->messages)
            ids.append(m.id);
        return conversationReport(*conversation, store.traces(ids), options);
    }
    }
    error = QCoreApplication::translate("Report", "no %1 %2 in the history (see juxta history)")
                .arg(reportKindName(kind).replace(u'_', u' '), id);
    return std::nullopt;
}

} // namespace juxta
