// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/RunStore.h"

#include "storage/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

using namespace Qt::StringLiterals;

namespace juxta {

using sql::fromMs;
using sql::nullable;
using sql::toMs;

namespace {

const QString kRunColumns =
    u"id, name, file, pipeline, variables, started_at, finished_at, state, summary, conversation_id"_s;

PipelineRunRow readRun(const QSqlQuery& q)
{
    PipelineRunRow r;
    r.id = q.value(0).toString();
    r.name = q.value(1).toString();
    r.file = q.value(2).toString();
    r.pipelineJson = q.value(3).toString().toUtf8();
    r.variablesJson = q.value(4).toString().toUtf8();
    r.startedAt = fromMs(q.value(5));
    if (!q.value(6).isNull())
        r.finishedAt = fromMs(q.value(6));
    r.state = q.value(7).toString();
    r.summaryJson = q.value(8).toString().toUtf8();
    r.conversationId = q.value(9).toString();
    return r;
}

} // namespace

RunStore::RunStore(ConversationStore& conversations)
    : m_conversations(conversations)
    , m_db(conversations.database())
{
}

bool RunStore::exec(const QString& statement, const QVariantList& values)
{
    return sql::exec(m_db, statement, values, m_lastError);
}

bool RunStore::createRun(const PipelineRunRow& r)
{
    return sql::inTransaction(m_db, [&] {
        if (!r.conversationId.isEmpty()) {
            ConversationRecord c;
            c.id = r.conversationId;
            c.title = r.name;
            c.createdAt = c.updatedAt = r.startedAt;
            if (!m_conversations.createConversation(c)) {
                m_lastError = m_conversations.lastError();
                return false;
            }
            if (!exec(u"UPDATE conversations SET pipeline_run_id = ? WHERE id = ?"_s, {r.id, c.id}))
                return false;
        }
        // Now and then, as runs start (a batch starts thousands): the cache stays bounded.
        static std::atomic<unsigned> runsStarted{0};
        if (runsStarted.fetch_add(1, std::memory_order_relaxed) % 64 == 0)
            pruneCache(); // a cache that could not be pruned is no reason to refuse the run
        return exec(u"INSERT INTO pipeline_runs (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(kRunColumns),
                    {r.id, r.name, r.file, QString::fromUtf8(r.pipelineJson),
                     QString::fromUtf8(r.variablesJson.isEmpty() ? QByteArray("{}") : r.variablesJson),
                     toMs(r.startedAt), r.finishedAt.isValid() ? QVariant(toMs(r.finishedAt)) : QVariant(),
                     r.state.isEmpty() ? u"running"_s : r.state, QString::fromUtf8(r.summaryJson),
                     nullable(r.conversationId)});
    }, m_lastError);
}

bool RunStore::finishRun(const QString& id, const QString& state, const QDateTime& finishedAt,
                         const QByteArray& summaryJson)
{
    return exec(u"UPDATE pipeline_runs SET state = ?, finished_at = ?, summary = ? WHERE id = ?"_s,
                {state, toMs(finishedAt), QString::fromUtf8(summaryJson), id});
}

bool RunStore::saveNode(const NodeRunRow& n)
{
    return exec(u"INSERT OR REPLACE INTO pipeline_node_runs (run_id, node, state, record) VALUES (?, ?, ?, ?)"_s,
                {n.runId, n.node, n.state, QString::fromUtf8(n.recordJson)});
}

bool RunStore::deleteRun(const QString& id)
{
    return sql::inTransaction(m_db, [&] {
        return exec(u"DELETE FROM conversations WHERE pipeline_run_id = ?"_s, {id})
               && exec(u"DELETE FROM pipeline_node_runs WHERE run_id = ?"_s, {id})
               && exec(u"DELETE FROM node_cache WHERE run_id = ?"_s, {id})
               && exec(u"DELETE FROM pipeline_runs WHERE id = ?"_s, {id});
    }, m_lastError);
}

QList<PipelineRunRow> RunStore::listRuns(const QString& search) const
{
    QList<PipelineRunRow> list;
    QSqlQuery query(m_db);
    QString statement = u"SELECT %1 FROM pipeline_runs"_s.arg(kRunColumns);
    const QString trimmed = search.trimmed();
    // A batch's rows are listed as the batch, not as thousands of runs.
    statement += u" WHERE id NOT IN (SELECT run_id FROM batch_rows WHERE run_id IS NOT NULL)"_s;
    if (!trimmed.isEmpty())
        statement += u" AND (instr(lower(name), lower(?)) > 0 OR instr(lower(file), lower(?)) > 0)"_s;
    statement += u" ORDER BY started_at DESC"_s;
    query.prepare(statement);
    if (!trimmed.isEmpty()) {
        query.addBindValue(trimmed);
        query.addBindValue(trimmed);
    }
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return list;
    }
    while (query.next())
        list.append(readRun(query));
    return list;
}

std::optional<PipelineRunRow> RunStore::loadRun(const QString& id) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT %1 FROM pipeline_runs WHERE id = ?"_s.arg(kRunColumns));
    query.addBindValue(id);
    if (!query.exec() || !query.next()) {
        m_lastError = query.lastError().text();
        return std::nullopt;
    }
    return readRun(query);
}

QList<NodeRunRow> RunStore::nodesOf(const QString& runId) const
{
    QList<NodeRunRow> list;
    QSqlQuery query(m_db);
    query.prepare(u"SELECT run_id, node, state, record FROM pipeline_node_runs WHERE run_id = ? ORDER BY rowid"_s);
    query.addBindValue(runId);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return list;
    }
    while (query.next()) {
        list.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                     query.value(3).toString().toUtf8()});
    }
    return list;
}

bool RunStore::pruneCache(int maxAgeDays, int maxRows)
{
    const qint64 cutoff = QDateTime::currentDateTimeUtc().addDays(-maxAgeDays).toMSecsSinceEpoch();
    return exec(u"DELETE FROM node_cache WHERE created_at < ?"_s, {cutoff})
           && exec(u"DELETE FROM node_cache WHERE key IN (SELECT key FROM node_cache ORDER BY created_at DESC"
                   " LIMIT -1 OFFSET ?)"_s, {maxRows});
}

std::optional<QByteArray> RunStore::cachedOutput(const QString& key) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT output FROM node_cache WHERE key = ?"_s);
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return query.value(0).toString().toUtf8();
}

bool RunStore::cacheOutput(const QString& key, const QString& nodeKind, const QByteArray& outputJson,
                           const QString& runId)
{
    return exec(u"INSERT OR REPLACE INTO node_cache (key, node_kind, output, created_at, run_id)"
                " VALUES (?, ?, ?, ?, ?)"_s,
                {key, nodeKind, QString::fromUtf8(outputJson), QDateTime::currentMSecsSinceEpoch(), nullable(runId)});
}

} // namespace juxta
