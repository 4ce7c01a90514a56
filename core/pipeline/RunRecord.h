// SPDX-License-Identifier: GPL-3.0-or-later
// What a pipeline run did, node by node and in all: the record `juxta run --json` prints, the history keeps and
// reports are built from. Plain values with one JSON form.
#pragma once

#include "pipeline/StepValue.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QStringList>
#include <optional>

namespace juxta {

enum class NodeState { Waiting, Running, Done, Failed, Skipped, Cached };
QString nodeStateName(NodeState state); // "waiting", "running", "done", "failed", "skipped", "cached"
std::optional<NodeState> nodeStateFromName(const QString& name);
inline bool isFinal(NodeState s) { return s != NodeState::Waiting && s != NodeState::Running; }

struct NodeRun
{
    QString node;
    QString kind;
    NodeState state = NodeState::Waiting;
    StepValue input;              // what it worked on (a model: the prompt, or each item's prompt)
    StepValue output;             // a failed model keeps the text that arrived
    QString error;
    QString errorClass;           // a failed model step's ("rate_limited", "auth", …); "upstream" when an input failed
    QString branch;               // a Condition: "then" or "else"
    double startedMs = 0;         // since the run started
    double finishedMs = 0;
    // Model steps (summed over a map's items; time to first token of the first item to answer)
    std::optional<double> ttftMs;
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
    std::optional<double> costUsd; // nullopt: unknown (a price is missing), never 0 for "we do not know"
    int attempts = 0;
    int items = 0;                // answers made (a map: one per item)
    QStringList servedBy;         // the targets that answered, each once
    QStringList answerIds;        // the answers' messages in the run's conversation
    QList<QPointF> trace;         // tokens over time (seconds since the node started)
    QString cacheKey;

    double totalMs() const { return finishedMs > startedMs ? finishedMs - startedMs : 0; }
    QJsonObject toJson() const;
    static NodeRun fromJson(const QJsonObject& json);
};

struct RunRecord
{
    QString id;
    QString pipeline;        // its name
    QString file;
    QJsonObject variables;
    QDateTime startedAt;
    double wallMs = 0;
    QString state = QStringLiteral("running"); // "done", "failed", "cancelled"
    QString conversationId;
    QList<NodeRun> nodes;    // in the order they can run
    QStringList criticalPath; // the chain of nodes that took the wall time
    double criticalPathMs = 0;

    const NodeRun* node(const QString& name) const;
    // Totals over the nodes: cost (unknown if any model step's is), tokens in and out.
    std::optional<double> totalCostUsd() const;
    qint64 totalInputTokens() const;
    qint64 totalOutputTokens() const;
    // The run as JSON: id, pipeline, file, state, started_at, wall_ms, variables, totals, critical_path, outputs
    // (the Output nodes' values by name) and every node's record.
    QJsonObject toJson(const QStringList& outputNodes) const;
    QJsonObject summaryJson(const QStringList& outputNodes) const; // all but the nodes, for the run's row
};

} // namespace juxta
