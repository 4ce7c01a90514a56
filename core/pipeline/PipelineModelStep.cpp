// SPDX-License-Identifier: GPL-3.0-or-later
// PipelineRunner, its model steps: the prompts (one per item for a map), each sent through the answer engine as a
// question and answer of the run's conversation (so it is recorded, logged and costed like any answer), at most
// `concurrency` at once; JSON answers checked; the figures of every item summed into the node's.
#include "pipeline/PipelineModelStep.h"

#include "answer/AnswerEngine.h"
#include "answer/ThroughputTrace.h"
#include "pipeline/JsonSchemaCheck.h"
#include "pipeline/TemplateText.h"
#include "pipeline/Transforms.h"
#include "storage/HistoryService.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace juxta {

void PipelineRunner::executeModel(const QString& name, const Node& node, const QHash<QString, StepValue>& inputs,
                                  const std::optional<StepValue>& items)
{
    auto step = std::make_shared<ModelStep>();
    step->name = name;
    step->node = node;
    step->isMap = items.has_value();
    const QStringList list = !items ? QStringList{QString()} : items->isList ? items->items : QStringList{items->text};
    for (const QString& item : list) {
        const QString* current = step->isMap ? &item : nullptr;
        const auto fill = [&](const QString& text) {
            return renderTemplate(text, [&](const QString& r) { return lookup(r, inputs, current); });
        };
        step->prompts.append(fill(node.prompt));
        step->systems.append(fill(node.system));
    }
    step->outputs.resize(step->prompts.size());
    step->answered.fill(false, step->prompts.size());
    if (!node.continues.isEmpty())
        step->basePath = m_conversations.value(node.continues);
    NodeRun& run = runOf(name);
    run.input = step->isMap ? StepValue::ofList(step->prompts) : StepValue::ofText(step->prompts.constFirst());
    run.costUsd = 0.0;
    m_steps.insert(name, step);
    if (step->prompts.isEmpty()) { // a map over an empty list: nothing to ask
        finishModel(*step);
        return;
    }
    launchItems(*step);
}

void PipelineRunner::launchItems(ModelStep& step)
{
    const NodeRun& run = runOf(step.name);
    while (!step.stopLaunching && step.running < std::max(1, step.node.concurrency)
           && step.next < step.prompts.size()) {
        const int item = step.next++;
        ++step.running;
        step.itemStartMs.insert(item, nowMs() - run.startedMs);
        const MessageRecord question = AnswerEngine::newQuestion(
            m_record.conversationId, step.basePath.isEmpty() ? QString() : step.basePath.constLast().id,
            step.prompts.at(item));
        if (HistoryService* history = m_engine.history())
            history->write([question](ConversationStore& store) { return store.saveMessage(question); });
        ChatSettings settings = modelSettingsOf(step.node);
        settings.systemPrompt = step.systems.at(item); // rendered: its {{references}} filled in
        const QString name = step.name;
        const quint64 generation = m_generation;
        m_engine.prepare(step.basePath + QList<MessageRecord>{question}, settings, this,
                         [this, generation, name, item, question](const PreparedAnswer& prepared) {
                             if (generation == m_generation)
                                 onItemPrepared(name, item, question, prepared);
                         });
    }
}

void PipelineRunner::onItemPrepared(const QString& name, int item, const MessageRecord& question,
                                    const PreparedAnswer& prepared)
{
    const std::shared_ptr<ModelStep> step = m_steps.value(name);
    MessageRecord answer = AnswerEngine::newAnswer(m_record.conversationId, question.id, step->node.model);
    if (m_cancelled || !prepared.isReady()) {
        answer = m_engine.recordUnsent(answer, m_cancelled ? u"cancelled before it was sent"_s
                                                           : prepared.problems.join(u"; "_s));
        onItemFinished(name, item, nullptr, answer);
        return;
    }
    PreparedAnswer request = prepared;
    if (step->node.json != JsonOutput::None) {
        request.request.responseFormat = step->node.json == JsonOutput::Schema ? ChatRequest::ResponseFormat::JsonSchema
                                                                                : ChatRequest::ResponseFormat::JsonObject;
        request.request.responseSchema = step->node.schema;
    }
    if (!step->isMap) {
        step->question = question;
        step->answer = answer;
    }
    AnswerRun* run = m_engine.newRun(request, answer, this, nullptr, quint32(qHash(name)) + quint32(item) + 1,
                                     m_options.gate);
    step->runs.insert(item, run);
    const quint64 generation = m_generation;
    connect(run, &AnswerRun::finished, this, [this, generation, name, item, run](const MessageRecord& record) {
        if (generation == m_generation)
            onItemFinished(name, item, run, record);
    });
    connect(run, &AnswerRun::grew, this, [this, name] { emit nodeChanged(name); });
    emit answerStarted(name, item, run);
    run->start();
}

void PipelineRunner::onItemFinished(const QString& name, int item, AnswerRun* run, const MessageRecord& answer)
{
    const std::shared_ptr<ModelStep> step = m_steps.value(name);
    NodeRun& node = runOf(name);
    --step->running;
    step->answered[item] = true;
    const AnswerStats& s = answer.stats;
    const double startMs = step->itemStartMs.value(item);
    if (s.ttftMs && (!node.ttftMs || startMs + *s.ttftMs < *node.ttftMs))
        node.ttftMs = startMs + *s.ttftMs;
    if (s.inputTokens)
        node.inputTokens = node.inputTokens.value_or(0) + *s.inputTokens;
    if (s.outputTokens)
        node.outputTokens = node.outputTokens.value_or(0) + *s.outputTokens;
    if (answer.state == MessageState::Complete || s.costUsd) {
        if (s.costUsd)
            node.costUsd = node.costUsd.value_or(0) + *s.costUsd;
        else
            step->costKnown = false;
    }
    if (!s.servedBy.isEmpty() && !node.servedBy.contains(s.servedBy))
        node.servedBy.append(s.servedBy);
    node.answerIds.append(answer.id);
    ++node.items;
    if (run) {
        node.attempts += int(run->outcome().attempts.size());
        double before = 0;
        for (const QPointF& p : run->trace().points()) { // tokens added, at the time since the node started
            if (p.y() > before)
                step->tokenSteps.append({startMs + p.x() * 1000.0, p.y() - before});
            before = std::max(before, p.y());
        }
        run->deleteLater();
    }
    step->runs.remove(item);

    QString text = answer.content;
    QString failure;
    if (answer.state != MessageState::Complete) {
        failure = answer.state == MessageState::Stopped ? u"cancelled"_s
                  : !s.errorMessage.isEmpty()           ? s.errorMessage
                                                        : u"the answer did not complete"_s;
    } else if (step->node.json != JsonOutput::None) {
        // Providers without a JSON mode got an instruction; every answer is checked either way.
        const QByteArray schema = step->node.json == JsonOutput::Schema ? step->node.schema : QByteArray();
        if (const std::optional<QByteArray> json = jsonIn(text)) {
            if (const QString problem = checkJsonAgainstSchema(*json, schema); !problem.isEmpty())
                failure = u"the answer does not fit the schema: %1"_s.arg(problem);
            else
                text = QString::fromUtf8(*json);
        } else {
            failure = u"the answer is not JSON"_s;
        }
    }
    step->outputs[item] = text;
    if (!step->isMap)
        step->answer = answer;
    if (!failure.isEmpty() && node.errorClass.isEmpty())
        node.errorClass = !s.errorClass.isEmpty() ? s.errorClass : u"malformed"_s; // a JSON answer that does not fit
    if (!failure.isEmpty() && step->error.isEmpty()) {
        step->error = step->isMap ? u"item %1 of %2: %3"_s.arg(item + 1).arg(step->prompts.size()).arg(failure)
                                  : failure;
        step->stopLaunching = true; // the running ones finish; no new ones start
    }
    emit nodeChanged(name);
    if (step->running == 0 && (step->stopLaunching || step->next >= step->prompts.size()))
        finishModel(*step);
    else
        launchItems(*step);
}

void PipelineRunner::finishModel(ModelStep& step)
{
    NodeRun& node = runOf(step.name);
    if (!step.costKnown)
        node.costUsd.reset();
    std::sort(step.tokenSteps.begin(), step.tokenSteps.end());
    ThroughputTrace trace;
    trace.add(0, 0);
    double tokens = 0;
    for (const auto& [ms, added] : std::as_const(step.tokenSteps)) {
        tokens += added;
        trace.add(ms, tokens);
    }
    node.trace = trace.points();
    if (!step.isMap && !step.question.id.isEmpty()) // what a later node may continue
        m_conversations.insert(step.name, step.basePath + QList<MessageRecord>{step.question, step.answer});
    QStringList answered;
    for (qsizetype i = 0; i < step.outputs.size(); ++i) {
        if (step.answered.at(i))
            answered.append(step.outputs.at(i));
    }
    const StepValue output = step.isMap ? StepValue::ofList(answered) : StepValue::ofText(step.outputs.value(0));
    if (!step.error.isEmpty() || (m_cancelled && answered.size() < step.prompts.size()))
        finishNode(step.name, NodeState::Failed, output, step.error.isEmpty() ? u"cancelled"_s : step.error);
    else
        finishNode(step.name, NodeState::Done, output);
}

} // namespace juxta
