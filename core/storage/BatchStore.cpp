// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/BatchStore.h"

#include "storage/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace juxta {

using sql::fromMs;
using sql::toMs;

namespace {

const QString kColumns = u"id, name, file, pipeline, input, output, concurrency, started_at, finished_at, state,"
                         " total_rows, summary"_s;

BatchRow readBatch(const QSqlQuery& q)
{
    BatchRow b;
    b.id = q.value(0).toString();
    b.name = q.value(1).toString();
    b.file = q.value(2).toString();
    b.pipelineJson = q.value(3).toString().toUtf8();
    b.input = q.value(4).toString();
    b.output = q.value(5).toString();
    b.concurrency = q.value(6).toInt();
    b.startedAt = fromMs(q.value(7));
    if (!q.value(8).isNull())
        b.finishedAt = fromMs(q.value(8));
    b.state = q.value(9).toString();
    b.totalRows = q.value(10).toLongLong();
    b.summaryJson = q.value(11).toString().toUtf8();
    return b;
}

} // namespace

BatchStore::BatchStore(ConversationStore& conversations)
    : m_db(conversations.database())
{
}

bool BatchStore::createBatch(const BatchRow& b)
{
    return sql::exec(m_db, u"INSERT INTO batches (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(kColumns),
                     {b.id, b.name, b.file, QString::fromUtf8(b.pipelineJson), b.input, b.output, b.concurrency,
                      toMs(b.startedAt), QVariant(), b.state.isEmpty() ? u"running"_s : b.state, b.totalRows,
                      QString::fromUtf8(b.summaryJson.isEmpty() ? QByteArray("{}") : b.summaryJson)},
                     m_lastError);
}

bool BatchStore::setState(const QString& id, const QString& state, const QDateTime& finishedAt,
                          const QByteArray& summaryJson)
{
    return sql::exec(m_db, u"UPDATE batches SET state = ?, finished_at = ?, summary = ? WHERE id = ?"_s,
                     {state, finishedAt.isValid() ? QVariant(toMs(finishedAt)) : QVariant(),
                      QString::fromUtf8(summaryJson), id},
                     m_lastError);
}

bool BatchStore::saveRow(const QString& batchId, qint64 row, const QString& state, const QString& runId,
                         const QByteArray& resultJson)
{
    return sql::exec(m_db, u"INSERT OR REPLACE INTO batch_rows (batch_id, row, state, run_id, result)"
                           " VALUES (?, ?, ?, ?, ?)"_s,
                     {batchId, row, state, runId, QString::fromUtf8(resultJson)}, m_lastError);
}

std::optional<BatchRow> BatchStore::loadBatch(const QString& id) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT %1 FROM batches WHERE id = ?"_s.arg(kColumns));
    query.addBindValue(id);
    if (!query.exec() || !query.next()) {
        m_lastError = query.lastError().text();
        return std::nullopt;
    }
    return readBatch(query);
}

QList<BatchRow> BatchStore::listBatches() const
{
    QList<BatchRow> list;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT %1 FROM batches ORDER BY started_at DESC"_s.arg(kColumns))) {
        m_lastError = query.lastError().text();
        return list;
    }
    while (query.next())
        list.append(readBatch(query));
    return list;
}

QHash<qint64, QByteArray> BatchStore::finishedRows(const QString& batchId) const
{
    QHash<qint64, QByteArray> rows;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT row, result FROM batch_rows WHERE batch_id = ?"_s);
    query.addBindValue(batchId);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return rows;
    }
    while (query.next())
        rows.insert(query.value(0).toLongLong(), query.value(1).toString().toUtf8());
    return rows;
}

BatchStore::RowCounts BatchStore::rowCounts(const QString& batchId) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT COUNT(*), COALESCE(SUM(state = 'failed'), 0) FROM batch_rows WHERE batch_id = ?"_s);
    query.addBindValue(batchId);
    if (!query.exec() || !query.next()) {
        m_lastError = query.lastError().text();
        return {};
    }
    return {query.value(0).toLongLong(), query.value(1).toLongLong()};
}

} // namespace juxta
