// SPDX-License-Identifier: GPL-3.0-or-later
// Batches in the history: a pipeline run over the rows of a file, and each row's result as soon as it finishes,
// so a batch that was killed or cancelled can be resumed without sending a finished row again.
#pragma once

#include "storage/ConversationStore.h"

#include <QHash>

namespace juxta {

struct BatchRow
{
    QString id;
    QString name;            // the pipeline's
    QString file;            // the pipeline file
    QByteArray pipelineJson; // the pipeline as it was
    QString input;           // the rows' file
    QString output;          // the results' file ("" when none)
    int concurrency = 4;
    QDateTime startedAt;
    QDateTime finishedAt;    // invalid while it runs, or when it was killed
    QString state;           // "running", "done", "failed", "cancelled"
    qint64 totalRows = 0;
    QByteArray summaryJson;
};

class BatchStore
{
public:
    explicit BatchStore(ConversationStore& conversations);

    bool createBatch(const BatchRow& batch);
    bool setState(const QString& id, const QString& state, const QDateTime& finishedAt, const QByteArray& summaryJson);
    // A row's result (its JSON line), replacing an earlier one of the same row.
    bool saveRow(const QString& batchId, qint64 row, const QString& state, const QString& runId,
                 const QByteArray& resultJson);

    std::optional<BatchRow> loadBatch(const QString& id) const;
    QList<BatchRow> listBatches() const; // newest first
    QHash<qint64, QByteArray> finishedRows(const QString& batchId) const; // row → its result
    struct RowCounts { qint64 finished = 0; qint64 failed = 0; };
    RowCounts rowCounts(const QString& batchId) const; // without reading the results

    QString lastError() const { return m_lastError; }

private:
    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace juxta
