// SPDX-License-Identifier: GPL-3.0-or-later
// Pipeline runs in the history: each run with the pipeline as it was and its variables, one record per node as it
// finishes (input, output, figures, token trace — JSON made by the pipeline engine), and the cache of node outputs
// keyed by a hash of what made them. A run's model steps are messages of a conversation that belongs to the run
// (kept out of the chat list), so partial saves, the request log and costs work as everywhere else.
#pragma once

#include "storage/ConversationStore.h"

namespace juxta {

struct PipelineRunRow
{
    QString id;
    QString name;            // the pipeline's
    QString file;            // where it was run from, if a file
    QByteArray pipelineJson; // the pipeline as it was (the .juxta text)
    QByteArray variablesJson;
    QDateTime startedAt;
    QDateTime finishedAt;    // invalid while it runs (or when it was killed)
    QString state;           // "running", "done", "failed", "cancelled"
    QByteArray summaryJson;  // totals, wall time, critical path, outputs
    QString conversationId;  // its model steps' messages
};

struct NodeRunRow
{
    QString runId;
    QString node;
    QString state;
    QByteArray recordJson;
};

class RunStore
{
public:
    explicit RunStore(ConversationStore& conversations);

    // The run and the conversation its model steps write to, in one transaction.
    bool createRun(const PipelineRunRow& run);
    bool finishRun(const QString& id, const QString& state, const QDateTime& finishedAt, const QByteArray& summaryJson);
    bool saveNode(const NodeRunRow& node); // replaces the node's earlier record in that run
    bool deleteRun(const QString& id);

    // Newest first; not the runs of a batch's rows (BatchStore lists the batch).
    QList<PipelineRunRow> listRuns(const QString& search = {}) const;
    std::optional<PipelineRunRow> loadRun(const QString& id) const;
    QList<NodeRunRow> nodesOf(const QString& runId) const;

    std::optional<QByteArray> cachedOutput(const QString& key) const;
    // Keeps the cache from growing without end: entries older than `maxAgeDays` go, then the oldest past `maxRows`.
    bool pruneCache(int maxAgeDays = 90, int maxRows = 20'000);
    bool cacheOutput(const QString& key, const QString& nodeKind, const QByteArray& outputJson, const QString& runId);

    QString lastError() const { return m_lastError; }

private:
    bool exec(const QString& statement, const QVariantList& values);

    ConversationStore& m_conversations;
    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace juxta
