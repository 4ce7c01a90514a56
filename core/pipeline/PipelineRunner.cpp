// SPDX-License-Identifier: GPL-3.0-or-later
// About 600 lines: the scheduler, each node kind's step and the map over items share the run's state; the pure
// parts (templates, transforms, scripts, the graph, the record) live in files of their own.
#include "pipeline/PipelineRunner.h"

#include "pipeline/PipelineModelStep.h"

#include "answer/AnswerEngine.h"
#include "common/BoundedRead.h"
#include "common/PoolFuture.h"
#include "pipeline/JsonSchemaCheck.h"
#include "pipeline/PipelineFile.h"
#include "pipeline/PipelineGraph.h"
#include "pipeline/PipelineValidator.h"
#include "pipeline/ScriptSandbox.h"
#include "pipeline/TemplateText.h"
#include "pipeline/Transforms.h"
#include "storage/HistoryService.h"
#include "storage/RunStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QThread>
#include <QThreadPool>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

// A cached output: {"value": text or [items]}, a Condition's branch (part of what it decided), and a model step's
// conversation (what a node that continues it sends again).
struct CachedOutput
{
    StepValue value;
    QString branch;
    QList<std::pair<MessageRole, QString>> conversation;
};

CachedOutput cachedFromJson(const QByteArray& json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    CachedOutput out;
    out.value = StepValue::fromJson(o.value(u"value"_s));
    out.branch = o.value(u"branch"_s).toString();
    for (const QJsonValue& m : o.value(u"conversation"_s).toArray()) {
        const QJsonArray pair = m.toArray();
        out.conversation.append({messageRoleFromName(pair.at(0).toString()).value_or(MessageRole::User),
                                 pair.at(1).toString()});
    }
    return out;
}

QByteArray cachedJson(const StepValue& v, const QString& branch, const QList<MessageRecord>& conversation)
{
    QJsonObject o{{u"value"_s, v.toJson()}};
    if (!branch.isEmpty())
        o.insert(u"branch"_s, branch);
    if (!conversation.isEmpty()) {
        QJsonArray messages;
        for (const MessageRecord& m : conversation)
            messages.append(QJsonArray{messageRoleName(m.role), m.content});
        o.insert(u"conversation"_s, messages);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Scripts run on a pool of their own, so a slow one never holds up the offline providers' work on the global
// pool; it goes with the application (waiting at most a script's time limit for one that runs).
QThreadPool& scriptPool()
{
    static QPointer<QThreadPool> pool;
    if (!pool) {
        pool = new QThreadPool(QCoreApplication::instance());
        pool->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    }
    return *pool;
}

} // namespace

PipelineRunner::PipelineRunner(AnswerEngine& engine, Pipeline pipeline, Options options, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_pipeline(std::move(pipeline))
    , m_options(std::move(options))
{
    for (const Variable& v : std::as_const(m_pipeline.variables))
        m_variables.insert(v.name, v.defaultValue);
    for (auto it = m_options.variables.cbegin(); it != m_options.variables.cend(); ++it)
        m_variables.insert(it.key(), it.value());
}

PipelineRunner::~PipelineRunner()
{
    ++m_generation; // callbacks still on their way find nothing to do
    m_scriptsCancelled->store(true);
    for (const std::shared_ptr<ModelStep>& step : std::as_const(m_steps)) {
        for (const QPointer<AnswerRun>& run : std::as_const(step->runs)) {
            if (run) {
                run->disconnect(this);
                delete run.data(); // saved as stopped, with what arrived
            }
        }
    }
}

QStringList PipelineRunner::outputNodes() const
{
    QStringList names;
    for (const Node& n : m_pipeline.nodes) {
        if (n.kind == NodeKind::Output)
            names.append(n.name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

QList<AnswerRun*> PipelineRunner::liveRuns(const QString& node) const
{
    QList<AnswerRun*> runs;
    if (const auto step = m_steps.value(node)) {
        for (const QPointer<AnswerRun>& run : step->runs) {
            if (run && !run->isFinished())
                runs.append(run);
        }
    }
    return runs;
}

NodeRun& PipelineRunner::runOf(const QString& node)
{
    return m_record.nodes[m_index.value(node)];
}

double PipelineRunner::nowMs() const
{
    return double(m_clock.nsecsElapsed()) / 1e6;
}

void PipelineRunner::start()
{
    if (m_started)
        return;
    m_started = true;
    m_clock.start();
    m_record.id = newRecordId();
    m_record.pipeline = m_pipeline.name;
    m_record.file = m_options.file;
    m_record.startedAt = QDateTime::currentDateTimeUtc();
    for (auto it = m_variables.cbegin(); it != m_variables.cend(); ++it)
        m_record.variables.insert(it.key(), it.value());
    const GraphOrder order = graphOrder(m_pipeline);
    for (const QString& name : order.order + order.inCycles) {
        NodeRun run;
        run.node = name;
        run.kind = nodeKindName(m_pipeline.node(name)->kind);
        m_index.insert(name, m_record.nodes.size());
        m_record.nodes.append(run);
    }
    if (!m_options.fromNode.isEmpty())
        m_fresh = downstreamOf(m_pipeline, m_options.fromNode);
    for (const Edge& e : std::as_const(m_pipeline.edges)) {
        if (!m_index.contains(e.from) || !m_index.contains(e.to))
            continue;
        m_inputs[e.to].append(e);
        m_dependents[e.from].append(e.to);
        ++m_waitingOn[e.to];
    }
    for (const QString& name : order.order) {
        if (m_waitingOn.value(name) == 0)
            m_ready.append(name);
    }
    if (HistoryService* history = m_engine.history()) {
        m_record.conversationId = newRecordId();
        PipelineRunRow row;
        row.id = m_record.id;
        row.name = m_pipeline.name;
        row.file = m_options.file;
        row.pipelineJson = writePipeline(m_pipeline);
        row.variablesJson = QJsonDocument(m_record.variables).toJson(QJsonDocument::Compact);
        row.startedAt = m_record.startedAt;
        row.conversationId = m_record.conversationId;
        history->write([row](ConversationStore& store) { return RunStore(store).createRun(row); });
    }
    for (const QString& name : order.inCycles)
        finishNode(name, NodeState::Failed, {}, u"part of a cycle: it can never run"_s);
    schedule();
}

void PipelineRunner::schedule()
{
    // Nodes become ready as their last input finishes (finishNode() counts down), so each finish costs only its
    // own edges, however large the graph.
    if (m_scheduling)
        return; // a node finished while others are being started: the loop below takes what became ready
    m_scheduling = true;
    while (!m_ready.isEmpty()) {
        const QString name = m_ready.takeFirst();
        if (runOf(name).state == NodeState::Waiting)
            startNode(name);
    }
    m_scheduling = false;
    if (m_finalNodes == m_record.nodes.size() && !m_finished)
        finishRun();
}

void PipelineRunner::startNode(const QString& name)
{
    const Node& node = *m_pipeline.node(name);
    NodeRun& run = runOf(name);
    run.startedMs = nowMs();
    if (m_cancelled) {
        finishNode(name, NodeState::Failed, {}, u"cancelled"_s);
        return;
    }
    QHash<QString, StepValue> inputs;
    std::optional<StepValue> items;
    QString failed;
    bool skipped = false;
    std::optional<std::pair<QString, StepValue>> first; // a Merge passes on its first input not skipped
    for (const Edge& e : m_inputs.value(name)) {
        const NodeRun& up = runOf(e.from);
        const bool notTaken = up.state == NodeState::Skipped || (!e.branch.isEmpty() && e.branch != up.branch);
        if (notTaken) {
            skipped = true;
            continue;
        }
        if (!first)
            first = {e.from, up.output};
        if (up.state == NodeState::Failed) {
            if (failed.isEmpty())
                failed = e.from;
            continue;
        }
        if (e.port == kItemsPort)
            items = up.output;
        else
            inputs.insert(e.from, up.output);
    }
    if (node.kind == NodeKind::Merge) {
        if (!first)
            finishNode(name, NodeState::Skipped, {});
        else if (runOf(first->first).state == NodeState::Failed)
            finishNode(name, NodeState::Failed, {}, u"%1 failed"_s.arg(first->first));
        else
            finishNode(name, NodeState::Done, first->second);
        return;
    }
    if (!failed.isEmpty()) {
        run.errorClass = u"upstream"_s;
        finishNode(name, NodeState::Failed, {}, u"%1 failed"_s.arg(failed));
        return;
    }
    if (skipped) {
        finishNode(name, NodeState::Skipped, {});
        return;
    }
    run.state = NodeState::Running;
    run.cacheKey = cacheKeyOf(node, inputs, items);
    emit nodeChanged(name);
    HistoryService* history = m_engine.history();
    // Inputs are read again every time (a file may have changed; reading is cheap): what depends on them is keyed
    // on what they gave.
    const bool mayUseCache = history && node.kind != NodeKind::Input
                             && (m_options.useCache || (!m_options.fromNode.isEmpty() && !m_fresh.contains(name)));
    if (!mayUseCache) {
        execute(name, inputs, items);
        return;
    }
    const QString key = run.cacheKey;
    const quint64 generation = m_generation;
    history->read<std::optional<QByteArray>>(
        [key](ConversationStore& store) { return RunStore(store).cachedOutput(key); }, this,
        [this, generation, name, inputs, items](const std::optional<QByteArray>& cached) {
            if (generation != m_generation)
                return;
            if (cached && !m_cancelled) {
                const CachedOutput output = cachedFromJson(*cached);
                runOf(name).branch = output.branch;
                restoreConversation(name, output.conversation);
                finishNode(name, NodeState::Cached, output.value);
            }
            else
                execute(name, inputs, items);
        });
}

void PipelineRunner::restoreConversation(const QString& name, const QList<std::pair<MessageRole, QString>>& messages)
{
    // A cached model step's question and answer, written into this run's conversation (fresh ids), so a node that
    // continues it sends exactly what it would have after running it.
    if (messages.isEmpty())
        return;
    QList<MessageRecord> conversation;
    QString parent;
    for (const auto& [role, content] : messages) {
        MessageRecord m;
        m.id = newRecordId();
        m.conversationId = m_record.conversationId;
        m.parentId = parent;
        m.role = role;
        m.content = content;
        m.createdAt = QDateTime::currentDateTimeUtc();
        parent = m.id;
        conversation.append(m);
    }
    if (HistoryService* history = m_engine.history()) {
        history->write([conversation](ConversationStore& store) {
            for (const MessageRecord& m : conversation) {
                if (!store.saveMessage(m))
                    return false;
            }
            return true;
        });
    }
    m_conversations.insert(name, conversation);
}

std::optional<QString> PipelineRunner::lookup(const QString& reference, const QHash<QString, StepValue>& inputs,
                                              const QString* item) const
{
    if (reference == kItemName)
        return item ? std::optional<QString>(*item) : std::nullopt;
    if (const auto it = inputs.constFind(reference); it != inputs.cend())
        return it->asText();
    if (const auto it = m_variables.constFind(reference); it != m_variables.cend())
        return *it;
    return std::nullopt;
}

void PipelineRunner::execute(const QString& name, const QHash<QString, StepValue>& inputs,
                             const std::optional<StepValue>& items)
{
    if (m_cancelled) {
        finishNode(name, NodeState::Failed, {}, u"cancelled"_s);
        return;
    }
    const Node& node = *m_pipeline.node(name);
    const StepValue input = inputs.isEmpty() ? StepValue() : *inputs.cbegin();
    runOf(name).input = input;
    const auto render = [&](const QString& text) -> std::optional<QString> {
        QStringList missing;
        const QString out = renderTemplate(text, [&](const QString& r) { return lookup(r, inputs, nullptr); },
                                           &missing);
        if (!missing.isEmpty()) {
            finishNode(name, NodeState::Failed, {}, u"{{%1}} has no value"_s.arg(missing.join(u"}}, {{"_s)));
            return std::nullopt;
        }
        return out;
    };
    switch (node.kind) {
    case NodeKind::Input: {
        if (node.source == InputSource::Text) {
            finishNode(name, NodeState::Done, StepValue::ofText(node.text));
        } else if (node.source == InputSource::Variable) {
            const QString variable = node.variable.isEmpty() ? name : node.variable;
            if (!m_variables.contains(variable))
                finishNode(name, NodeState::Failed, {}, u"no value for the variable %1 (--var %1=…)"_s.arg(variable));
            else
                finishNode(name, NodeState::Done, StepValue::ofText(m_variables.value(variable)));
        } else {
            const QString baseDir = m_options.file.isEmpty() ? QString() : QFileInfo(m_options.file).absolutePath();
            const QString path = resolveInputPath(node.file, baseDir);
            QFile file(path);
            if (!isReadAllowed(path, baseDir, m_options.allowedReads))
                finishNode(name, NodeState::Failed, {}, u"%1 is outside the pipeline's folder (allow it with "
                                                        "--allow-read)"_s.arg(path));
            else if (!file.open(QIODevice::ReadOnly))
                finishNode(name, NodeState::Failed, {}, u"cannot read %1: %2"_s.arg(path, file.errorString()));
            else if (QString why; const auto bytes = readAtMost(file, kMaxPipelineFileBytes, why))
                finishNode(name, NodeState::Done, StepValue::ofText(QString::fromUtf8(*bytes)));
            else
                finishNode(name, NodeState::Failed, {}, u"cannot read %1: %2"_s.arg(path, why));
        }
        return;
    }
    case NodeKind::Template:
        if (const std::optional<QString> text = render(node.text))
            finishNode(name, NodeState::Done, StepValue::ofText(*text));
        return;
    case NodeKind::Transform: {
        if (node.op == TransformOp::Script) {
            executeScript(name, node, input);
            return;
        }
        TransformResult result;
        switch (node.op) {
        case TransformOp::Regex: result = regexExtract(input.asText(), node.pattern, node.mode, node.group); break;
        case TransformOp::JsonPointer: result = jsonPointerExtract(input.asText(), node.pointer); break;
        case TransformOp::JsonValidate: result = jsonValidate(input.asText(), node.schema); break;
        case TransformOp::Split:
            result.value = StepValue::ofList(splitText(input.asText(), node.by, node.separator, node.size, node.overlap));
            break;
        case TransformOp::Join:
            result.value = StepValue::ofText((input.isList ? input.items : QStringList{input.text})
                                                 .join(node.separator.isEmpty() ? u"\n\n"_s : node.separator));
            break;
        case TransformOp::Script: break;
        }
        if (result.value)
            finishNode(name, NodeState::Done, *result.value);
        else
            finishNode(name, NodeState::Failed, {}, result.error);
        return;
    }
    case NodeKind::Condition: {
        if (node.test == ConditionTest::Script) {
            executeScript(name, node, input);
            return;
        }
        bool holds = false;
        if (node.test == ConditionTest::Contains) {
            holds = input.asText().contains(node.value, Qt::CaseInsensitive);
        } else {
            const QRegularExpression re(node.pattern);
            if (!re.isValid()) {
                finishNode(name, NodeState::Failed, {}, u"the regular expression is not valid"_s);
                return;
            }
            holds = re.match(input.asText()).hasMatch();
        }
        runOf(name).branch = holds ? kThen : kElse;
        finishNode(name, NodeState::Done, input);
        return;
    }
    case NodeKind::Output: finishNode(name, NodeState::Done, input); return;
    case NodeKind::Merge: return; // decided in startNode()
    case NodeKind::Model: executeModel(name, node, inputs, items); return;
    }
}

void PipelineRunner::executeScript(const QString& name, const Node& node, const StepValue& input)
{
    const QString script = node.script;
    const QHash<QString, QString> variables = m_variables;
    const int timeoutMs = node.timeoutMs;
    const bool condition = node.kind == NodeKind::Condition;
    auto* watcher = new QFutureWatcher<ScriptOutcome>(this);
    const quint64 generation = m_generation;
    connect(watcher, &QFutureWatcher<ScriptOutcome>::finished, this, [this, watcher, generation, name, condition, input] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const ScriptOutcome outcome = watcher->result();
        if (!outcome.value)
            finishNode(name, NodeState::Failed, {}, outcome.error);
        else if (m_cancelled)
            finishNode(name, NodeState::Failed, {}, u"cancelled"_s);
        else if (condition) {
            runOf(name).branch = outcome.truthy ? kThen : kElse;
            finishNode(name, NodeState::Done, input);
        } else {
            finishNode(name, NodeState::Done, *outcome.value);
        }
    });
    // One engine per worker thread, each script watched by its own watchdog: the caller's thread never waits.
    watcher->setFuture(runInPool<ScriptOutcome>(scriptPool(), [script, input, variables, timeoutMs,
                                                                  cancelled = m_scriptsCancelled] {
        return runScript(script, input, variables, timeoutMs, cancelled.get());
    }));
}

QString PipelineRunner::cacheKeyOf(const Node& node, const QHash<QString, StepValue>& inputs,
                                   const std::optional<StepValue>& items) const
{
    // Everything that makes the output: the node's settings (model and parameters included), its inputs, the
    // variables it reads, and the conversation it continues.
    QJsonObject in;
    for (auto it = inputs.cbegin(); it != inputs.cend(); ++it)
        in.insert(it.key(), it->toJson());
    QJsonObject variables;
    QStringList used = templateReferences(node.prompt) + templateReferences(node.system) + templateReferences(node.text);
    const bool script = (node.kind == NodeKind::Transform && node.op == TransformOp::Script)
                        || (node.kind == NodeKind::Condition && node.test == ConditionTest::Script);
    if (script)
        used.append(m_variables.keys()); // a script sees every variable
    for (const QString& name : used) {
        if (m_variables.contains(name))
            variables.insert(name, m_variables.value(name));
    }
    QJsonObject key{{u"settings"_s, QString::fromUtf8(nodeSettingsJson(node))},
                    {u"inputs"_s, in},
                    {u"variables"_s, variables}};
    if (items)
        key.insert(u"items"_s, items->toJson());
    if (!node.continues.isEmpty()) {
        QJsonArray conversation;
        for (const MessageRecord& m : m_conversations.value(node.continues))
            conversation.append(m.content);
        key.insert(u"continues"_s, conversation);
    }
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(key).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex());
}

void PipelineRunner::finishNode(const QString& name, NodeState state, const StepValue& output, const QString& error)
{
    NodeRun& run = runOf(name);
    if (isFinal(run.state))
        return;
    run.state = state;
    run.output = output;
    run.error = error;
    run.finishedMs = nowMs();
    if (run.startedMs == 0 && state != NodeState::Running)
        run.startedMs = run.finishedMs;
    ++m_finalNodes;
    for (const QString& next : m_dependents.value(name)) {
        if (--m_waitingOn[next] == 0)
            m_ready.append(next);
    }
    emit nodeChanged(name);
    if (HistoryService* history = m_engine.history()) {
        const NodeRunRow row{m_record.id, name, nodeStateName(state),
                             QJsonDocument(run.toJson()).toJson(QJsonDocument::Compact)};
        const bool cache = state == NodeState::Done && !run.cacheKey.isEmpty(); // never a failure or a cancel
        const QString key = run.cacheKey;
        const QString kind = run.kind;
        const QByteArray json = cachedJson(output, run.branch, m_conversations.value(name));
        const QString runId = m_record.id;
        history->write([row, cache, key, kind, json, runId](ConversationStore& store) {
            RunStore runs(store);
            return runs.saveNode(row) && (!cache || runs.cacheOutput(key, kind, json, runId));
        });
    }
    schedule();
}

void PipelineRunner::finishRun()
{
    m_finished = true;
    m_record.wallMs = nowMs();
    const bool failed = std::any_of(m_record.nodes.cbegin(), m_record.nodes.cend(),
                                    [](const NodeRun& n) { return n.state == NodeState::Failed; });
    m_record.state = m_cancelled ? u"cancelled"_s : failed ? u"failed"_s : u"done"_s;
    // The critical path: from the node that ended last, back through the input that ended last each time.
    const NodeRun* last = nullptr;
    for (const NodeRun& n : m_record.nodes) {
        if (n.state != NodeState::Skipped && (!last || n.finishedMs > last->finishedMs))
            last = &n;
    }
    m_record.criticalPath.clear();
    QSet<QString> visited;
    while (last && !visited.contains(last->node)) { // inputs that ended earlier only: a cycle cannot loop here
        visited.insert(last->node);
        m_record.criticalPath.prepend(last->node);
        const NodeRun* before = nullptr;
        for (const Edge& e : m_inputs.value(last->node)) {
            const NodeRun& up = runOf(e.from);
            if (up.state != NodeState::Skipped && up.finishedMs <= last->finishedMs
                && (!before || up.finishedMs > before->finishedMs))
                before = &up;
        }
        last = before;
    }
    if (!m_record.criticalPath.isEmpty()) {
        m_record.criticalPathMs = runOf(m_record.criticalPath.constLast()).finishedMs
                                  - runOf(m_record.criticalPath.constFirst()).startedMs;
    }
    if (HistoryService* history = m_engine.history()) {
        const QString id = m_record.id;
        const QString state = m_record.state;
        const QByteArray summary = QJsonDocument(m_record.summaryJson(outputNodes())).toJson(QJsonDocument::Compact);
        history->write([id, state, summary](ConversationStore& store) {
            return RunStore(store).finishRun(id, state, QDateTime::currentDateTimeUtc(), summary);
        });
    }
    emit finished(m_record);
}

void PipelineRunner::cancel()
{
    if (m_finished || !m_started)
        return;
    m_cancelled = true;
    m_scriptsCancelled->store(true); // their watchdogs stop them
    for (const std::shared_ptr<ModelStep>& step : std::as_const(m_steps)) {
        step->stopLaunching = true;
        for (const QPointer<AnswerRun>& run : std::as_const(step->runs)) {
            if (run && !run->isFinished())
                run->stop();
        }
    }
    schedule();
}

} // namespace juxta
