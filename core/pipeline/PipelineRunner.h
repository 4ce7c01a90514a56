// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a copy of a pipeline: every node once its inputs are in, independent branches at the same time, model
// steps through the answer engine (streaming, recorded, costed like any answer; a list runs once per item with
// bounded concurrency), scripts on worker threads. Skip rule: a node with a skipped input is skipped; a Merge
// passes on its first input that was not skipped (and fails if that one failed). A failure fails what depends on
// it, and the rest still finish. Node
// outputs are cached in the history by a hash of what made them: a plain run sends every model step again,
// `fromNode` re-runs that node and what follows it and serves the rest from the cache, `useCache` serves every
// unchanged node (Inputs are always read again). Each node's record is stored as it finishes; cancel() stops
// everything (scripts too) and keeps what arrived.
#pragma once

#include "pipeline/Pipeline.h"
#include "pipeline/RunRecord.h"
#include "storage/HistoryRecords.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <atomic>
#include <memory>

namespace juxta {

class AnswerEngine;
class AnswerRun;
class RequestGate;
struct PreparedAnswer;

class PipelineRunner final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QHash<QString, QString> variables; // over the declared defaults
        QString fromNode;                  // run this node and what follows; the rest from the cache
        bool useCache = false;             // serve every node whose inputs and settings did not change
        QString file;                      // the .juxta it came from, if any: Input files resolve against its folder
        QStringList allowedReads;          // places outside that folder an Input may read
        RequestGate* gate = nullptr;       // per-profile limits every model request waits for (a batch's)
    };

    PipelineRunner(AnswerEngine& engine, Pipeline pipeline, Options options, QObject* parent = nullptr);
    ~PipelineRunner() override; // answers still streaming are saved as stopped

    void start();
    void cancel(); // running answers stop (what arrived is kept); nodes not yet run fail as cancelled
    bool isFinished() const { return m_finished; }

    const Pipeline& pipeline() const { return m_pipeline; }
    const RunRecord& record() const { return m_record; }
    QStringList outputNodes() const;
    // The answers streaming for a node now (a map has several).
    QList<AnswerRun*> liveRuns(const QString& node) const;

signals:
    void nodeChanged(const QString& node); // its state, output or figures
    void answerStarted(const QString& node, int item, juxta::AnswerRun* run);
    void finished(const juxta::RunRecord& record);

private:
    struct ModelStep; // a model node in flight

    NodeRun& runOf(const QString& node);
    double nowMs() const;
    void schedule();
    void startNode(const QString& name);
    void execute(const QString& name, const QHash<QString, StepValue>& inputs, const std::optional<StepValue>& items);
    void executeScript(const QString& name, const Node& node, const StepValue& input);
    void executeModel(const QString& name, const Node& node, const QHash<QString, StepValue>& inputs,
                      const std::optional<StepValue>& items);
    void launchItems(ModelStep& step);
    void onItemPrepared(const QString& name, int item, const MessageRecord& question, const PreparedAnswer& prepared);
    void onItemFinished(const QString& name, int item, AnswerRun* run, const MessageRecord& answer);
    void finishModel(ModelStep& step);
    void finishNode(const QString& name, NodeState state, const StepValue& output, const QString& error = {});
    void finishRun();
    QString cacheKeyOf(const Node& node, const QHash<QString, StepValue>& inputs,
                       const std::optional<StepValue>& items) const;
    std::optional<QString> lookup(const QString& reference, const QHash<QString, StepValue>& inputs,
                                  const QString* item) const;
    void restoreConversation(const QString& name, const QList<std::pair<MessageRole, QString>>& messages);

    AnswerEngine& m_engine;
    Pipeline m_pipeline;
    Options m_options;
    RunRecord m_record;
    QHash<QString, qsizetype> m_index;        // node → its place in m_record.nodes
    QHash<QString, QString> m_variables;      // defaults, then the options'
    QSet<QString> m_fresh;                    // nodes that must run again (fromNode and downstream)
    QHash<QString, QList<Edge>> m_inputs;     // edges into each node
    QHash<QString, QStringList> m_dependents; // the node at the end of each edge out of a node
    QHash<QString, int> m_waitingOn;          // inputs of a node that have not finished yet
    QStringList m_ready;                      // nodes whose inputs have all finished, to start
    qsizetype m_finalNodes = 0;
    QHash<QString, std::shared_ptr<ModelStep>> m_steps;
    QHash<QString, QList<MessageRecord>> m_conversations; // a model node's question and answer, to continue
    QElapsedTimer m_clock;
    quint64 m_generation = 0;
    bool m_started = false;
    bool m_scheduling = false;
    bool m_cancelled = false;
    bool m_finished = false;
    std::shared_ptr<std::atomic<bool>> m_scriptsCancelled = std::make_shared<std::atomic<bool>>(false);
};

} // namespace juxta
