// SPDX-License-Identifier: GPL-3.0-or-later
// A pipeline over the rows of a CSV or JSONL file: each row's columns are the run's variables, at most
// `concurrency` rows at once, every model request through a RequestGate with each profile's limits (concurrent
// requests, requests and tokens per minute; a 429 pauses the profile and halves its concurrency). Each finished
// row is recorded in the history as it finishes and written to the results file in input order. A batch that was
// killed or cancelled resumes by its id: finished rows are never sent again; rows that were in flight are sent once
// more.
#pragma once

#include "pipeline/Pipeline.h"
#include "pipeline/RowSource.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <memory>
#include <optional>

namespace juxta {

class AnswerEngine;
class BatchOutput;
class PipelineRunner;
class RequestGate;
struct RunRecord;

class BatchRunner final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString input;             // rows: .csv or .jsonl
        QString output;            // results: .jsonl or .csv; empty for none
        int concurrency = 4;       // rows at once
        QString file;              // the pipeline's file (Input files resolve against its folder)
        QStringList allowedReads;
        QString resume;            // a batch id: go on with it
    };
    struct Progress
    {
        qint64 total = 0;
        qint64 done = 0;           // succeeded (resumed ones included)
        qint64 failed = 0;
        qint64 resumed = 0;        // finished in an earlier session, not sent again
        double rowsPerSecond = 0;  // this session's
        std::optional<double> etaSeconds;
    };

    BatchRunner(AnswerEngine& engine, Pipeline pipeline, Options options, QObject* parent = nullptr);
    ~BatchRunner() override; // rows still running are stopped (and left to a resume)

    // Reads the rows' count, makes (or finds, to resume) the batch in the history and opens the results file; the
    // first rows start once that is done. False with `error` when something is wrong before any row runs.
    bool start(QString& error);
    void cancel(); // rows in flight stop; a later resume sends them again
    bool isFinished() const { return m_finished; }

    const QString& id() const { return m_id; }
    QString state() const { return m_state; }
    Progress progress() const;
    RequestGate& gate() const { return *m_gate; }

signals:
    void rowFinished(qint64 row, const QJsonObject& result);
    void progressed();
    void notice(const QString& text); // a profile paused or slowed down, in words
    void failedToStart(const QString& error);
    void finished();

private:
    void begin(const QHash<qint64, QByteArray>& finished);
    void fill();
    void startRow(const InputRow& row);
    void onRowFinished(qint64 row, const QHash<QString, QString>& variables, const RunRecord& record);
    void deliver(qint64 row, const QJsonObject& result, bool recorded);
    void finish();
    QJsonObject failedRow(const InputRow& row, const QString& error) const;

    AnswerEngine& m_engine;
    Pipeline m_pipeline;
    Options m_options;
    QString m_id;
    std::unique_ptr<RowSource> m_rows;
    std::unique_ptr<BatchOutput> m_output;
    std::unique_ptr<RequestGate> m_gate;
    QHash<qint64, QByteArray> m_earlier;  // rows finished in an earlier session
    QHash<qint64, PipelineRunner*> m_running;
    QElapsedTimer m_clock;
    qint64 m_total = 0;
    qint64 m_done = 0;
    qint64 m_failed = 0;
    qint64 m_resumed = 0;
    qint64 m_finishedHere = 0;
    int m_unrecorded = 0;                 // rows finished, their record not yet confirmed by the history
    bool m_inputDone = false;
    bool m_cancelled = false;
    bool m_finished = false;
    bool m_filling = false;
    QString m_state = QStringLiteral("running");
    QString m_inputError;
};

} // namespace juxta
