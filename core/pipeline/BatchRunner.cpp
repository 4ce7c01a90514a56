// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/BatchRunner.h"

#include "answer/AnswerEngine.h"
#include "config/AppConfig.h"
#include "pipeline/BatchOutput.h"
#include "pipeline/PipelineFile.h"
#include "pipeline/PipelineRunner.h"
#include "routing/RequestGate.h"
#include "storage/BatchStore.h"
#include "storage/HistoryService.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QStringList outputNodesOf(const Pipeline& p)
{
    QStringList names;
    for (const Node& n : p.nodes) {
        if (n.kind == NodeKind::Output)
            names.append(n.name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

QStringList variablesOf(const Pipeline& p)
{
    QStringList names;
    for (const Variable& v : p.variables)
        names.append(v.name);
    return names;
}

} // namespace

BatchRunner::BatchRunner(AnswerEngine& engine, Pipeline pipeline, Options options, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_pipeline(std::move(pipeline))
    , m_options(std::move(options))
    , m_gate(std::make_unique<RequestGate>(engine.clock(), engine.scheduler()))
{
    for (const ProviderProfile& profile : engine.config().profiles) {
        if (profile.limits.isSet())
            m_gate->setLimits(profile.id, profile.limits);
    }
    connect(m_gate.get(), &RequestGate::paused, this, [this](const QString& profile, int waitMs) {
        emit notice(tr("%1 answered 429 (rate limited): nothing more is sent to it for %2 s")
                        .arg(profile, QString::number(waitMs / 1000.0, 'f', 1)));
    });
    connect(m_gate.get(), &RequestGate::concurrencyReduced, this, [this](const QString& profile, int concurrency) {
        emit notice(concurrency == 1 ? tr("%1: one request at a time from now on").arg(profile)
                                     : tr("%1: at most %2 requests at once from now on").arg(profile).arg(concurrency));
    });
}

BatchRunner::~BatchRunner()
{
    // The rows' runs give their places back to the gate as they go: they go first (finished ones too, still
    // waiting for deleteLater).
    const QList<PipelineRunner*> runners = findChildren<PipelineRunner*>(Qt::FindDirectChildrenOnly);
    for (PipelineRunner* runner : runners)
        runner->disconnect(this);
    qDeleteAll(runners);
}

bool BatchRunner::start(QString& error)
{
    const std::optional<qint64> total = RowSource::countRows(m_options.input, error);
    if (!total)
        return false;
    m_total = *total;
    m_rows = RowSource::open(m_options.input, error);
    if (!m_rows)
        return false;
    if (m_rows->isCsv()) { // a column missing for a variable without a default fails every row: say so now
        for (const Variable& v : std::as_const(m_pipeline.variables)) {
            if (v.defaultValue.isEmpty() && !m_rows->columns().contains(v.name)) {
                error = tr("%1 has no column “%2”, and the variable has no default").arg(m_options.input, v.name);
                return false;
            }
        }
    }
    HistoryService* history = m_engine.history();
    if (!m_options.resume.isEmpty()) {
        if (!history) {
            error = tr("a batch can only be resumed from the history");
            return false;
        }
        m_id = m_options.resume;
        const QString id = m_id;
        history->read<std::optional<std::pair<BatchRow, QHash<qint64, QByteArray>>>>(
            [id](ConversationStore& store) -> std::optional<std::pair<BatchRow, QHash<qint64, QByteArray>>> {
                BatchStore batches(store);
                const std::optional<BatchRow> batch = batches.loadBatch(id);
                if (!batch)
                    return std::nullopt;
                return std::make_pair(*batch, batches.finishedRows(id));
            },
            this, [this](const std::optional<std::pair<BatchRow, QHash<qint64, QByteArray>>>& found) {
                if (!found) {
                    m_finished = true;
                    m_state = u"failed"_s;
                    emit failedToStart(tr("there is no batch %1 in the history").arg(m_id));
                    return;
                }
                if (m_options.output.isEmpty())
                    m_options.output = found->first.output;
                QString problem;
                if (!m_options.output.isEmpty()) {
                    m_output = std::make_unique<BatchOutput>(m_options.output, variablesOf(m_pipeline),
                                                             outputNodesOf(m_pipeline));
                    if (!m_output->open(problem)) {
                        m_finished = true;
                        emit failedToStart(problem);
                        return;
                    }
                }
                const QString batchId = m_id;
                m_engine.history()->write([batchId](ConversationStore& store) {
                    return BatchStore(store).setState(batchId, u"running"_s, {}, "{}");
                });
                begin(found->second);
            });
        return true;
    }
    if (!m_options.output.isEmpty()) {
        m_output = std::make_unique<BatchOutput>(m_options.output, variablesOf(m_pipeline), outputNodesOf(m_pipeline));
        if (!m_output->open(error))
            return false;
    }
    m_id = newRecordId();
    if (history) {
        BatchRow row;
        row.id = m_id;
        row.name = m_pipeline.name;
        row.file = m_options.file;
        row.pipelineJson = writePipeline(m_pipeline);
        row.input = m_options.input;
        row.output = m_options.output;
        row.concurrency = m_options.concurrency;
        row.startedAt = QDateTime::currentDateTimeUtc();
        row.totalRows = m_total;
        history->write([row](ConversationStore& store) { return BatchStore(store).createBatch(row); });
    }
    QMetaObject::invokeMethod(this, [this] { begin({}); }, Qt::QueuedConnection); // the caller connects first
    return true;
}

void BatchRunner::begin(const QHash<qint64, QByteArray>& finished)
{
    m_earlier = finished;
    m_clock.start();
    fill();
}

void BatchRunner::fill()
{
    if (m_filling)
        return;
    m_filling = true;
    // Rows running and rows finished but not yet in the history together stay within the concurrency: a batch
    // killed at any moment sends at most that many rows again, however far the history lags behind.
    while (!m_cancelled && !m_inputDone && m_running.size() + m_unrecorded < std::max(1, m_options.concurrency)) {
        InputRow row;
        QString error;
        if (!m_rows->next(row, error)) {
            m_inputDone = true;
            m_inputError = error;
            if (!error.isEmpty())
                emit notice(tr("%1: %2 (no more rows are read)").arg(m_options.input, error));
            break;
        }
        if (const auto earlier = m_earlier.constFind(row.index); earlier != m_earlier.cend()) {
            deliver(row.index, QJsonDocument::fromJson(*earlier).object(), true); // never sent again
            continue;
        }
        startRow(row);
    }
    m_filling = false;
    if ((m_inputDone || m_cancelled) && m_running.isEmpty() && m_unrecorded == 0 && !m_finished)
        finish();
}

void BatchRunner::startRow(const InputRow& row)
{
    QHash<QString, QString> variables;
    for (const Variable& v : std::as_const(m_pipeline.variables)) {
        if (row.values.contains(v.name)) {
            variables.insert(v.name, row.values.value(v.name));
        } else if (!v.defaultValue.isEmpty()) {
            variables.insert(v.name, v.defaultValue);
        } else {
            deliver(row.index, failedRow(row, tr("row %1 (line %2): no value for the variable “%3”")
                                                  .arg(row.index + 1).arg(row.line).arg(v.name)), false);
            return;
        }
    }
    PipelineRunner::Options options;
    options.variables = variables;
    options.file = m_options.file;
    options.allowedReads = m_options.allowedReads;
    options.gate = m_gate.get();
    auto* runner = new PipelineRunner(m_engine, m_pipeline, options, this);
    const qint64 index = row.index;
    connect(runner, &PipelineRunner::finished, this, [this, runner, index, variables](const RunRecord& record) {
        runner->deleteLater();
        onRowFinished(index, variables, record);
    });
    m_running.insert(index, runner);
    runner->start();
}

QJsonObject BatchRunner::failedRow(const InputRow& row, const QString& error) const
{
    QJsonObject variables;
    for (auto it = row.values.cbegin(); it != row.values.cend(); ++it)
        variables.insert(it.key(), it.value());
    return QJsonObject{{u"row"_s, double(row.index)}, {u"variables"_s, variables}, {u"outputs"_s, QJsonObject()},
                       {u"status"_s, u"failed"_s}, {u"error_class"_s, u"input"_s}, {u"error"_s, error},
                       {u"time_ms"_s, 0}, {u"input_tokens"_s, 0}, {u"output_tokens"_s, 0}, {u"cost_usd"_s, 0},
                       {u"run_id"_s, QJsonValue::Null}};
}

void BatchRunner::onRowFinished(qint64 row, const QHash<QString, QString>& variables, const RunRecord& record)
{
    m_running.remove(row);
    if (record.state == u"cancelled"_s && m_cancelled) {
        fill(); // left for a resume: sent once more then
        return;
    }
    QJsonObject vars;
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        vars.insert(it.key(), it.value());
    QJsonObject outputs;
    for (const QString& name : outputNodesOf(m_pipeline)) {
        const NodeRun* n = record.node(name);
        outputs.insert(name, n && (n->state == NodeState::Done || n->state == NodeState::Cached) ? n->output.toJson()
                                                                                             : QJsonValue());
    }
    // The first failure that is a node's own (not one that only followed an input's).
    QString error;
    QString errorClass;
    for (const NodeRun& n : record.nodes) {
        if (n.state == NodeState::Failed && n.errorClass != u"upstream"_s) {
            error = n.node + u": "_s + n.error;
            errorClass = n.errorClass.isEmpty() ? u"node"_s : n.errorClass;
            break;
        }
    }
    const std::optional<double> cost = record.totalCostUsd();
    const QJsonObject result{
        {u"row"_s, double(row)},
        {u"variables"_s, vars},
        {u"outputs"_s, outputs},
        {u"status"_s, record.state == u"done"_s ? u"done"_s : u"failed"_s},
        {u"error_class"_s, errorClass.isEmpty() ? QJsonValue() : QJsonValue(errorClass)},
        {u"error"_s, error.isEmpty() ? QJsonValue() : QJsonValue(error)},
        {u"time_ms"_s, std::round(record.wallMs * 10) / 10},
        {u"input_tokens"_s, double(record.totalInputTokens())},
        {u"output_tokens"_s, double(record.totalOutputTokens())},
        {u"cost_usd"_s, cost ? QJsonValue(*cost) : QJsonValue()},
        {u"run_id"_s, record.id},
    };
    deliver(row, result, false);
    fill();
}

void BatchRunner::deliver(qint64 row, const QJsonObject& result, bool recorded)
{
    const bool ok = result.value(u"status"_s).toString() == u"done"_s;
    (ok ? m_done : m_failed) += 1;
    if (recorded) {
        ++m_resumed;
    } else {
        ++m_finishedHere;
        if (HistoryService* history = m_engine.history()) {
            const QString id = m_id;
            const QString state = result.value(u"status"_s).toString();
            const QString runId = result.value(u"run_id"_s).toString();
            const QByteArray json = QJsonDocument(result).toJson(QJsonDocument::Compact);
            history->write([id, row, state, runId, json](ConversationStore& store) {
                return BatchStore(store).saveRow(id, row, state, runId, json);
            });
            // Jobs run in order: this answer means the row is recorded.
            ++m_unrecorded;
            history->read<bool>([](ConversationStore&) { return true; }, this, [this](bool) {
                --m_unrecorded;
                fill();
            });
        }
    }
    if (m_output) {
        QString error;
        if (!m_output->add(row, result, error)) {
            emit notice(error);
            m_output.reset(); // the history still has every row
        }
    }
    emit rowFinished(row, result);
    emit progressed();
}

BatchRunner::Progress BatchRunner::progress() const
{
    Progress p;
    p.total = m_total;
    p.done = m_done;
    p.failed = m_failed;
    p.resumed = m_resumed;
    const double seconds = m_clock.isValid() ? double(m_clock.nsecsElapsed()) / 1e9 : 0.0;
    p.rowsPerSecond = seconds > 0 ? double(m_finishedHere) / seconds : 0.0;
    const qint64 left = std::max<qint64>(0, m_total - m_done - m_failed);
    if (p.rowsPerSecond > 0)
        p.etaSeconds = double(left) / p.rowsPerSecond;
    return p;
}

void BatchRunner::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    const QList<PipelineRunner*> running = m_running.values();
    for (PipelineRunner* runner : running)
        runner->cancel();
    if (m_running.isEmpty() && m_unrecorded == 0)
        finish();
}

void BatchRunner::finish()
{
    m_finished = true;
    m_state = m_cancelled ? u"cancelled"_s : (!m_inputError.isEmpty() || m_failed > 0) ? u"failed"_s : u"done"_s;
    if (HistoryService* history = m_engine.history()) {
        const QString id = m_id;
        const QString state = m_state;
        const Progress p = progress();
        const QByteArray summary = QJsonDocument(QJsonObject{{u"total"_s, double(p.total)},
                                                             {u"done"_s, double(p.done)},
                                                             {u"failed"_s, double(p.failed)},
                                                             {u"resumed"_s, double(p.resumed)},
                                                             {u"input_error"_s, m_inputError}})
                                       .toJson(QJsonDocument::Compact);
        history->write([id, state, summary](ConversationStore& store) {
            return BatchStore(store).setState(id, state, QDateTime::currentDateTimeUtc(), summary);
        });
    }
    emit finished();
}

} // namespace juxta
