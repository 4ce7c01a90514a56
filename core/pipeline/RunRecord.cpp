// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/RunRecord.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

const QList<std::pair<NodeState, QString>>& stateNames()
{
    static const QList<std::pair<NodeState, QString>> names{
        {NodeState::Waiting, u"waiting"_s}, {NodeState::Running, u"running"_s}, {NodeState::Done, u"done"_s},
        {NodeState::Failed, u"failed"_s},   {NodeState::Skipped, u"skipped"_s}, {NodeState::Cached, u"cached"_s},
    };
    return names;
}

template <typename T>
QJsonValue optionalJson(const std::optional<T>& v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null);
}

double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

} // namespace

QString nodeStateName(NodeState state)
{
    for (const auto& [s, name] : stateNames()) {
        if (s == state)
            return name;
    }
    return {};
}

std::optional<NodeState> nodeStateFromName(const QString& name)
{
    for (const auto& [s, n] : stateNames()) {
        if (n == name)
            return s;
    }
    return std::nullopt;
}

QJsonObject NodeRun::toJson() const
{
    QJsonArray points;
    for (const QPointF& p : trace)
        points.append(QJsonArray{round3(p.x()), std::round(p.y() * 10) / 10});
    QJsonObject json{{u"name"_s, node},
                     {u"kind"_s, kind},
                     {u"state"_s, nodeStateName(state)},
                     {u"input"_s, input.toJson()},
                     {u"output"_s, output.toJson()},
                     {u"error"_s, error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(error)},
                     {u"started_ms"_s, round3(startedMs)},
                     {u"finished_ms"_s, round3(finishedMs)},
                     {u"total_ms"_s, round3(totalMs())}};
    if (!branch.isEmpty())
        json.insert(u"branch"_s, branch);
    if (!errorClass.isEmpty())
        json.insert(u"error_class"_s, errorClass);
    if (kind == u"model"_s) {
        json.insert(u"ttft_ms"_s, ttftMs ? QJsonValue(round3(*ttftMs)) : QJsonValue(QJsonValue::Null));
        json.insert(u"input_tokens"_s, optionalJson(inputTokens));
        json.insert(u"output_tokens"_s, optionalJson(outputTokens));
        json.insert(u"cost_usd"_s, optionalJson(costUsd));
        json.insert(u"attempts"_s, attempts);
        json.insert(u"items"_s, items);
        json.insert(u"served_by"_s, QJsonArray::fromStringList(servedBy));
        json.insert(u"answer_ids"_s, QJsonArray::fromStringList(answerIds));
        json.insert(u"trace"_s, points);
    }
    if (!cacheKey.isEmpty())
        json.insert(u"cache_key"_s, cacheKey);
    return json;
}

NodeRun NodeRun::fromJson(const QJsonObject& json)
{
    NodeRun n;
    n.node = json.value(u"name"_s).toString();
    n.kind = json.value(u"kind"_s).toString();
    n.state = nodeStateFromName(json.value(u"state"_s).toString()).value_or(NodeState::Failed);
    n.input = StepValue::fromJson(json.value(u"input"_s));
    n.output = StepValue::fromJson(json.value(u"output"_s));
    n.error = json.value(u"error"_s).toString();
    n.branch = json.value(u"branch"_s).toString();
    n.errorClass = json.value(u"error_class"_s).toString();
    n.startedMs = json.value(u"started_ms"_s).toDouble();
    n.finishedMs = json.value(u"finished_ms"_s).toDouble();
    if (json.value(u"ttft_ms"_s).isDouble())
        n.ttftMs = json.value(u"ttft_ms"_s).toDouble();
    if (json.value(u"input_tokens"_s).isDouble())
        n.inputTokens = qint64(json.value(u"input_tokens"_s).toDouble());
    if (json.value(u"output_tokens"_s).isDouble())
        n.outputTokens = qint64(json.value(u"output_tokens"_s).toDouble());
    if (json.value(u"cost_usd"_s).isDouble())
        n.costUsd = json.value(u"cost_usd"_s).toDouble();
    n.attempts = json.value(u"attempts"_s).toInt();
    n.items = json.value(u"items"_s).toInt();
    for (const QJsonValue& v : json.value(u"served_by"_s).toArray())
        n.servedBy.append(v.toString());
    for (const QJsonValue& v : json.value(u"answer_ids"_s).toArray())
        n.answerIds.append(v.toString());
    for (const QJsonValue& v : json.value(u"trace"_s).toArray()) {
        const QJsonArray p = v.toArray();
        if (p.size() == 2)
            n.trace.append(QPointF(p.at(0).toDouble(), p.at(1).toDouble()));
    }
    n.cacheKey = json.value(u"cache_key"_s).toString();
    return n;
}

const NodeRun* RunRecord::node(const QString& name) const
{
    for (const NodeRun& n : nodes) {
        if (n.node == name)
            return &n;
    }
    return nullptr;
}

std::optional<double> RunRecord::totalCostUsd() const
{
    double total = 0;
    for (const NodeRun& n : nodes) {
        if (n.kind != u"model"_s || n.state == NodeState::Cached || n.items == 0)
            continue; // a cached step cost nothing this time
        if (!n.costUsd)
            return std::nullopt;
        total += *n.costUsd;
    }
    return total;
}

qint64 RunRecord::totalInputTokens() const
{
    qint64 total = 0;
    for (const NodeRun& n : nodes) {
        if (n.state != NodeState::Cached)
            total += n.inputTokens.value_or(0);
    }
    return total;
}

qint64 RunRecord::totalOutputTokens() const
{
    qint64 total = 0;
    for (const NodeRun& n : nodes) {
        if (n.state != NodeState::Cached)
            total += n.outputTokens.value_or(0);
    }
    return total;
}

QJsonObject RunRecord::summaryJson(const QStringList& outputNodes) const
{
    int done = 0, failed = 0, skipped = 0, cached = 0;
    for (const NodeRun& n : nodes) {
        done += n.state == NodeState::Done;
        failed += n.state == NodeState::Failed;
        skipped += n.state == NodeState::Skipped;
        cached += n.state == NodeState::Cached;
    }
    const std::optional<double> cost = totalCostUsd();
    QJsonObject outputs;
    for (const QString& name : outputNodes) {
        if (const NodeRun* n = node(name); n && (n->state == NodeState::Done || n->state == NodeState::Cached))
            outputs.insert(name, n->output.toJson());
        else
            outputs.insert(name, QJsonValue::Null);
    }
    return QJsonObject{
        {u"id"_s, id},
        {u"pipeline"_s, pipeline},
        {u"file"_s, file},
        {u"state"_s, state},
        {u"started_at"_s, startedAt.toString(Qt::ISODateWithMs)},
        {u"wall_ms"_s, round3(wallMs)},
        {u"variables"_s, variables},
        {u"conversation_id"_s, conversationId},
        {u"totals"_s, QJsonObject{{u"cost_usd"_s, cost ? QJsonValue(*cost) : QJsonValue(QJsonValue::Null)},
                                  {u"input_tokens"_s, double(totalInputTokens())},
                                  {u"output_tokens"_s, double(totalOutputTokens())},
                                  {u"nodes"_s, int(nodes.size())},
                                  {u"done"_s, done},
                                  {u"failed"_s, failed},
                                  {u"skipped"_s, skipped},
                                  {u"cached"_s, cached}}},
        {u"critical_path"_s, QJsonObject{{u"nodes"_s, QJsonArray::fromStringList(criticalPath)},
                                         {u"ms"_s, round3(criticalPathMs)}}},
        {u"outputs"_s, outputs},
    };
}

QJsonObject RunRecord::toJson(const QStringList& outputNodes) const
{
    QJsonObject json = summaryJson(outputNodes);
    QJsonArray list;
    for (const NodeRun& n : nodes)
        list.append(n.toJson());
    json.insert(u"nodes"_s, list);
    return json;
}

} // namespace juxta
