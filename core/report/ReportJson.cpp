// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON report: everything the other formats show and more (every answer whole, each attempt, the traces), as
// resources/report.schema.json describes. Unknown figures are null, never 0.
#include "report/ReportWriters.h"

#include "compare/WordDiff.h"
#include "report/FigureFormat.h"
#include "report/ReportTables.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QJsonValue opt(std::optional<double> v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue opt(std::optional<qint64> v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue distribution(const std::optional<Distribution>& d)
{
    if (!d)
        return QJsonValue::Null;
    return QJsonObject{{u"samples"_s, d->samples}, {u"min"_s, d->min},     {u"median"_s, d->median},
                       {u"p95"_s, d->samples > 1 ? QJsonValue(d->p95) : QJsonValue(QJsonValue::Null)},
                       {u"max"_s, d->max}};
}

QString iso(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonArray traceJson(const QList<QPointF>& trace)
{
    QJsonArray a;
    for (const QPointF& p : trace)
        a.append(QJsonArray{p.x(), p.y()});
    return a;
}

// Each node as the run recorded it; without the answers, no node's input or output either.
QJsonArray nodesJson(const QList<NodeRun>& nodes, bool withText)
{
    QJsonArray out;
    for (const NodeRun& n : nodes) {
        QJsonObject node = n.toJson();
        if (!withText) {
            node.remove(u"input"_s);
            node.remove(u"output"_s);
        }
        out.append(node);
    }
    return out;
}

QJsonObject answerJson(const Report& r, const ReportAnswer& a)
{
    const AnswerStats& s = a.stats;
    QJsonObject o{{u"id"_s, a.id},
                  {u"model"_s, a.model},
                  {u"prompt"_s, a.prompt},
                  {u"repeat"_s, a.repeat},
                  {u"state"_s, messageStateName(a.state)},
                  {u"served_by"_s, s.servedBy},
                  {u"served_model"_s, s.servedModel},
                  {u"offline"_s, s.offline},
                  {u"ttft_ms"_s, opt(s.ttftMs)},
                  {u"total_ms"_s, opt(s.totalMs)},
                  {u"tokens_per_second"_s, opt(honestTokensPerSecond(s))},
                  {u"input_tokens"_s, opt(s.inputTokens)},
                  {u"output_tokens"_s, opt(s.outputTokens)},
                  {u"cost_usd"_s, s.offline ? QJsonValue(0.0) : opt(s.costUsd)},
                  {u"cost_estimated"_s, s.costIsEstimate},
                  {u"finish"_s, s.finishReason},
                  {u"error_class"_s, s.errorClass},
                  {u"error"_s, s.errorMessage},
                  {u"attempts"_s, QJsonArray::fromStringList(s.fallbackNotes)},
                  {u"rating"_s, a.rating ? QJsonValue(*a.rating) : QJsonValue(QJsonValue::Null)},
                  {u"trace"_s, traceJson(a.trace)}};
    if (r.options.answers)
        o.insert(u"content"_s, a.content);
    if (r.options.reasoning)
        o.insert(u"reasoning"_s, a.reasoning);
    return o;
}

} // namespace

QByteArray reportJson(const Report& r)
{
    QJsonArray prompts;
    for (const ReportPrompt& p : r.prompts)
        prompts.append(QJsonObject{{u"number"_s, p.number}, {u"text"_s, p.text}});
    QJsonObject inputs{{u"prompts"_s, prompts}};
    if (r.options.parameters) {
        inputs.insert(u"system_prompt"_s, r.systemPrompt);
        inputs.insert(r.kind == ReportKind::PipelineRun ? u"variables"_s : u"parameters"_s, r.parameters);
    }

    QJsonArray models;
    for (const ReportModelFigures& m : r.models)
        models.append(QJsonObject{{u"model"_s, m.model},
                                  {u"answers"_s, m.answers},
                                  {u"succeeded"_s, m.succeeded},
                                  {u"ttft_ms"_s, distribution(m.ttftMs)},
                                  {u"total_ms"_s, distribution(m.totalMs)},
                                  {u"tokens_per_second"_s, distribution(m.tokensPerSecond)},
                                  {u"input_tokens"_s, m.inputTokens},
                                  {u"output_tokens"_s, m.outputTokens},
                                  {u"cost_usd"_s, opt(m.costUsd)},
                                  {u"unpriced_answers"_s, m.unpricedAnswers},
                                  {u"best_votes"_s, m.bestVotes},
                                  {u"offline"_s, m.offline}});
    QJsonArray outputs;
    for (const ReportAnswer& a : r.answers)
        outputs.append(answerJson(r, a));
    QJsonArray verdict;
    for (const ReportClaim& c : r.verdict)
        verdict.append(QJsonObject{{u"kind"_s, c.kind}, {u"subject"_s, c.subject}, {u"text"_s, c.text},
                                   {u"sample_size"_s, c.sampleSize}});
    QJsonArray leaderboard;
    for (const LeaderboardRow& row : r.leaderboard)
        leaderboard.append(QJsonObject{{u"model"_s, row.model}, {u"rating"_s, row.rating}, {u"votes"_s, row.votes},
                                       {u"wins"_s, row.wins}, {u"ties"_s, row.ties}, {u"losses"_s, row.losses}});

    QJsonObject o{{u"format"_s, u"juxta.report"_s},
                  {u"version"_s, 1},
                  {u"kind"_s, reportKindName(r.kind)},
                  {u"id"_s, r.id},
                  {u"title"_s, r.title},
                  {u"created_at"_s, iso(r.createdAt)},
                  {u"generated_at"_s, iso(r.generatedAt)},
                  {u"app_version"_s, r.appVersion},
                  {u"include"_s, QJsonObject{{u"answers"_s, r.options.answers}, {u"reasoning"_s, r.options.reasoning},
                                             {u"charts"_s, r.options.charts}, {u"parameters"_s, r.options.parameters},
                                             {u"diff"_s, r.options.diff}}},
                  {u"inputs"_s, inputs},
                  {u"models"_s, models},
                  {u"outputs"_s, outputs},
                  {u"verdict"_s, verdict},
                  {u"votes"_s, QJsonObject{{u"count"_s, r.voteCount}, {u"leaderboard"_s, leaderboard}}},
                  {u"totals"_s, QJsonObject{{u"cost_usd"_s, opt(r.totalCostUsd)},
                                            {u"input_tokens"_s, r.totalInputTokens},
                                            {u"output_tokens"_s, r.totalOutputTokens},
                                            {u"unpriced_models"_s, QJsonArray::fromStringList(r.unpricedModels)}}}};
    if (r.options.diff && r.kind == ReportKind::Comparison) {
        if (const auto [first, second] = diffPair(r); first && second) {
            const WordDiff diff = diffWords(first->content, second->content);
            QJsonArray spans;
            for (const DiffSpan& span : diff.spans)
                spans.append(QJsonObject{{u"kind"_s, span.kind == DiffSpan::Kind::Same      ? u"same"_s
                                                     : span.kind == DiffSpan::Kind::Removed ? u"removed"_s
                                                                                            : u"added"_s},
                                         {u"text"_s, span.text}});
            o.insert(u"diff"_s, QJsonObject{{u"from"_s, first->id}, {u"to"_s, second->id},
                                            {u"approximate"_s, diff.approximate}, {u"spans"_s, spans}});
        }
    }
    if (r.kind == ReportKind::Conversation) {
        QJsonArray messages;
        for (const ReportMessage& m : r.messages)
            messages.append(QJsonObject{{u"role"_s, messageRoleName(m.role)},
                                        {u"content"_s, r.options.answers ? QJsonValue(m.content) : QJsonValue(QJsonValue::Null)},
                                        {u"state"_s, messageStateName(m.state)},
                                        {u"created_at"_s, iso(m.createdAt)}});
        o.insert(u"messages"_s, messages);
    }
    if (r.kind == ReportKind::PipelineRun && !r.batch) {
        QJsonArray edges;
        const QJsonArray nodes = nodesJson(r.nodes, r.options.answers);
        for (const ReportGraphEdge& e : r.graphEdges)
            edges.append(QJsonObject{{u"from"_s, e.from}, {u"to"_s, e.to}, {u"label"_s, e.label}});
        o.insert(u"run"_s, QJsonObject{{u"state"_s, r.runState},
                                       {u"wall_ms"_s, r.wallMs},
                                       {u"critical_path"_s, QJsonArray::fromStringList(r.criticalPath)},
                                       {u"nodes"_s, nodes},
                                       {u"edges"_s, edges}});
    }
    if (r.batch) {
        QJsonArray rows;
        for (const ReportBatchRow& row : r.batchRows) {
            const QJsonArray nodes = nodesJson(row.nodes, r.options.answers);
            rows.append(QJsonObject{{u"row"_s, row.row},
                                    {u"state"_s, row.state},
                                    {u"variables"_s, row.variables},
                                    {u"outputs"_s, r.options.answers ? QJsonValue(row.outputs) : QJsonValue(QJsonObject())},
                                    {u"time_ms"_s, row.timeMs},
                                    {u"input_tokens"_s, row.inputTokens},
                                    {u"output_tokens"_s, row.outputTokens},
                                    {u"cost_usd"_s, opt(row.costUsd)},
                                    {u"error"_s, row.error},
                                    {u"run_id"_s, row.runId},
                                    {u"nodes"_s, nodes}});
        }
        o.insert(u"batch"_s, QJsonObject{{u"total_rows"_s, r.batchTotalRows}, {u"rows"_s, rows}});
    }
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

} // namespace juxta
