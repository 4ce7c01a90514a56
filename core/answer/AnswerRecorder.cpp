// SPDX-License-Identifier: GPL-3.0-or-later
#include "answer/AnswerRecorder.h"

#include "common/MonotonicClock.h"
#include "offline/OfflineNetwork.h"
#include "pricing/BudgetGuard.h"
#include "pricing/CostCalculator.h"
#include "storage/HistoryService.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

// What the request log keeps of the parameters: never the key, never the messages themselves.
QString parametersJson(const ChatRequest& request)
{
    QJsonObject json{{u"messages"_s, int(request.messages.size())}};
    if (request.temperature)
        json.insert(u"temperature"_s, *request.temperature);
    if (request.topP)
        json.insert(u"top_p"_s, *request.topP);
    if (request.maxTokens)
        json.insert(u"max_tokens"_s, *request.maxTokens);
    if (request.seed)
        json.insert(u"seed"_s, double(*request.seed));
    if (!request.reasoningEffort.isEmpty())
        json.insert(u"reasoning_effort"_s, request.reasoningEffort);
    if (!request.systemPrompt.isEmpty())
        json.insert(u"system_prompt_chars"_s, int(request.systemPrompt.size()));
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

} // namespace

AnswerRecorder::AnswerRecorder(HistoryService* history, const MonotonicClock& clock, MessageRecord answer,
                               ChatRequest request, QList<Target> targets, PriceFor priceFor, QObject* parent)
    : QObject(parent)
    , m_history(history)
    , m_clock(clock)
    , m_answer(std::move(answer))
    , m_request(std::move(request))
    , m_targets(std::move(targets))
    , m_priceFor(std::move(priceFor))
{
    m_answer.role = MessageRole::Assistant;
    QList<QString> texts{m_request.systemPrompt};
    for (const ChatMessage& m : std::as_const(m_request.messages))
        texts.append(m.content);
    m_promptTokens = estimatePromptTokens(texts);
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(kSaveIntervalMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &AnswerRecorder::savePartial);
}

AnswerRecorder::~AnswerRecorder()
{
    // Destroyed mid-stream (window closed, app quitting): what arrived is saved and marked incomplete.
    if (!m_done && m_startedAt.isValid() && m_history) {
        MessageRecord last = m_answer;
        last.content = transcript().text();
        last.reasoning = transcript().reasoning();
        last.toolCallsJson = toolCallsToJson(transcript().toolCalls());
        last.state = MessageState::Stopped;
        m_history->write([last](ConversationStore& store) {
            store.setLive(last.id, false);
            return store.saveMessage(last);
        });
    }
}

double AnswerRecorder::elapsedMs() const
{
    return m_startedAt.isValid() ? double(m_clock.nowNs() - m_startNs) / 1e6 : 0.0;
}

void AnswerRecorder::watch(ResilientCall& call)
{
    m_call = &call;
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_startNs = m_clock.nowNs();
    m_trace.add(0, 0);
    m_answer.state = MessageState::Streaming;
    if (!m_answer.createdAt.isValid())
        m_answer.createdAt = m_startedAt;
    if (m_history) {
        const MessageRecord row = m_answer;
        m_history->write([row](ConversationStore& store) {
            store.setLive(row.id, true);
            return store.saveMessage(row);
        });
    }
    connect(&call, &ResilientCall::eventsReceived, this, &AnswerRecorder::onEvents);
    connect(&call, &ResilientCall::attemptStarted, this,
            [this](int targetIndex, const QString& target, int retry, bool afterPartialOutput) {
                m_targetIndex = targetIndex;
                if (afterPartialOutput) {
                    // The abandoned text stays in the request log's attempt; the answer starts over, so does the
                    // count of tokens on the trace.
                    m_dirty = true;
                    m_tokens = 0;
                    m_firstTokenMs.reset();
                    m_trace.add(elapsedMs(), 0);
                    emit restarted();
                }
                emit attemptStarted(target, retry);
            });
    connect(&call, &ResilientCall::retryScheduled, this,
            [this](int, const QString& failure, int delayMs) { emit retryScheduled(failure, delayMs); });
    connect(&call, &ResilientCall::finished, this, &AnswerRecorder::onFinished);
}

void AnswerRecorder::finishUnsent(const ProviderError& error)
{
    RoutedOutcome routed;
    routed.outcome.error = error;
    routed.outcome.finishReason = error.errorClass == ErrorClass::Cancelled ? FinishReason::Cancelled : FinishReason::Error;
    onFinished(routed);
}

void AnswerRecorder::onEvents(const QList<StreamEvent>& events)
{
    bool content = false; // usage and finish events carry no text to save or show
    qint64 tokens = 0;
    for (const StreamEvent& event : events) {
        if (const auto* text = std::get_if<TextDelta>(&event)) {
            tokens += estimateTokens(text->text);
            content = true;
        } else if (const auto* reasoning = std::get_if<ReasoningDelta>(&event)) {
            tokens += estimateTokens(reasoning->text);
            content = true;
        } else if (std::holds_alternative<ToolCallDelta>(event)) {
            content = true;
        }
    }
    if (!content)
        return;
    if (tokens > 0) {
        // Tokens so far, estimated from the new text only: the cost per event does not grow with the answer.
        const double now = elapsedMs();
        if (!m_firstTokenMs)
            m_firstTokenMs = now;
        m_tokens += double(tokens);
        m_trace.add(now, m_tokens);
    }
    m_dirty = true;
    if (m_history && !m_saveTimer.isActive())
        m_saveTimer.start();
    emit grew();
}

void AnswerRecorder::savePartial()
{
    if (!m_dirty || m_done || !m_history)
        return;
    m_dirty = false;
    // QString copies share their buffer until the transcript appends again: this costs no copy on this thread.
    const QString id = m_answer.id;
    const QString text = transcript().text();
    const QString reasoning = transcript().reasoning();
    m_history->write([id, text, reasoning](ConversationStore& store) { return store.savePartial(id, text, reasoning); });
}

std::optional<double> AnswerRecorder::costSoFarUsd() const
{
    Usage usage;
    usage.inputTokens = m_promptTokens;
    usage.outputTokens = qint64(m_tokens);
    return costOf(m_targetIndex, usage);
}

std::optional<double> AnswerRecorder::costOf(int targetIndex, const Usage& usage) const
{
    if (targetIndex < 0 || targetIndex >= m_targets.size() || !m_priceFor)
        return std::nullopt;
    const std::optional<ModelPrice> price = m_priceFor(m_targets.at(targetIndex));
    if (!price || price->currency != u"USD"_s)
        return std::nullopt;
    const std::optional<CostBreakdown> cost = computeCost(*price, usage);
    return cost ? std::optional<double>(cost->total) : std::nullopt;
}

void AnswerRecorder::onFinished(const RoutedOutcome& routed)
{
    m_done = true;
    m_saveTimer.stop();
    const CallOutcome& outcome = routed.outcome;
    MessageRecord& a = m_answer;
    // The outcome has the whole text even when no event reached us (a non-streamed JSON answer).
    a.content = outcome.text.isEmpty() ? transcript().text() : outcome.text;
    a.reasoning = outcome.reasoning.isEmpty() ? transcript().reasoning() : outcome.reasoning;
    a.toolCallsJson = toolCallsToJson(outcome.toolCalls.isEmpty() ? transcript().toolCalls() : outcome.toolCalls);
    if (a.content.isEmpty()) {
        // A fallback that began afresh and failed before any text: the earlier attempt's text is what there is.
        for (auto it = routed.attempts.crbegin(); it != routed.attempts.crend() && a.content.isEmpty(); ++it)
            a.content = it->partialText;
    }
    if (outcome.complete)
        a.state = MessageState::Complete;
    else if (outcome.error && outcome.error->errorClass == ErrorClass::Cancelled)
        a.state = MessageState::Stopped;
    else
        a.state = MessageState::Failed;

    AnswerStats& s = a.stats;
    s.servedBy = routed.servedByLabel;
    s.servedModel = outcome.servedModel;
    s.fallbackNotes.clear();
    // The attempts that failed before the last one; the last one's error is the answer's own when none served.
    const qsizetype noted = routed.servedBy >= 0 ? routed.attempts.size() : routed.attempts.size() - 1;
    for (qsizetype i = 0; i < noted; ++i) {
        const AttemptRecord& attempt = routed.attempts.at(i);
        if (attempt.errorClass || attempt.filtered)
            s.fallbackNotes.append(describeAttemptFailure(attempt));
    }
    s.ttftMs = outcome.metrics.ttftMs;
    s.totalMs = outcome.metrics.totalMs;
    s.tokensPerSecond = outcome.metrics.outputTokensPerSecond;
    s.inputTokens = outcome.usage.inputTokens;
    s.outputTokens = outcome.usage.outputTokens;
    s.costUsd = routed.servedBy >= 0 ? costOf(routed.servedBy, outcome.usage) : std::nullopt;
    s.finishReason = finishReasonName(outcome.finishReason);
    s.errorClass = outcome.error ? errorClassName(outcome.error->errorClass) : QString();
    s.errorMessage = outcome.error ? outcome.error->summary() : QString();
    const int asked = routed.servedBy >= 0 ? routed.servedBy : 0;
    s.offline = asked < m_targets.size() && isOfflineUrl(m_targets.at(asked).profile.baseUrl);

    // The trace ends where and when the answer ended, in the provider's own count once it reported one. An answer
    // that came whole (not streamed) arrived all at the end.
    if (m_tokens == 0 && !a.content.isEmpty())
        m_tokens = double(outcome.usage.outputTokens.value_or(estimateTokens(a.content)));
    m_trace.add(elapsedMs(), m_tokens);
    if (outcome.usage.outputTokens && m_tokens > 0)
        m_trace.scaleTo(double(*outcome.usage.outputTokens));

    // A stopped or cut answer was billed for what streamed: estimated, so the day's budget sees it too.
    const std::optional<double> billed = s.costUsd ? s.costUsd : m_tokens > 0 ? costSoFarUsd() : std::nullopt;
    const double spent = m_recordsSpending && billed && *billed > 0 ? *billed : 0.0;
    if (m_history) {
        const MessageRecord row = a;
        const QList<AttemptLogRow> log = logRows(routed);
        const QByteArray trace = m_trace.toJson();
        m_history->write([row, log, trace, spent](ConversationStore& store) {
            store.setLive(row.id, false);
            if (spent > 0) // the budget guard reads the day's spending; written off the caller's thread
                SpendLedger(SpendLedger::defaultPath()).record(spent);
            return store.saveMessage(row) && store.logAttempts(log) && store.saveTrace(row.id, trace);
        });
    } else if (spent > 0) {
        SpendLedger(SpendLedger::defaultPath()).record(spent);
    }
    emit finished(a, routed);
}

QList<AttemptLogRow> AnswerRecorder::logRows(const RoutedOutcome& routed) const
{
    QList<AttemptLogRow> rows;
    QDateTime start = m_startedAt;
    for (qsizetype i = 0; i < routed.attempts.size(); ++i) {
        const AttemptRecord& attempt = routed.attempts.at(i);
        AttemptLogRow row;
        row.messageId = m_answer.id;
        row.conversationId = m_answer.conversationId;
        row.attempt = int(i);
        row.target = attempt.target;
        if (attempt.targetIndex >= 0 && attempt.targetIndex < m_targets.size())
            row.parametersJson = parametersJson(m_targets.at(attempt.targetIndex).apply(m_request));
        row.startedAt = start;
        row.totalMs = attempt.elapsedMs;
        start = start.addMSecs(qint64(attempt.elapsedMs));
        if (attempt.errorClass || attempt.filtered) {
            row.errorClass = attempt.errorClass ? errorClassName(*attempt.errorClass) : u"content_filter"_s;
            row.httpStatus = attempt.httpStatus;
            row.errorMessage = attempt.message;
        } else {
            const CallOutcome& outcome = routed.outcome;
            row.ttftMs = outcome.metrics.ttftMs;
            row.totalMs = outcome.metrics.totalMs;
            row.inputTokens = outcome.usage.inputTokens;
            row.outputTokens = outcome.usage.outputTokens;
            row.reasoningTokens = outcome.usage.reasoningTokens;
            row.cachedInputTokens = outcome.usage.cachedInputTokens;
            row.costUsd = costOf(attempt.targetIndex, outcome.usage);
            row.servedModel = outcome.servedModel;
        }
        rows.append(row);
    }
    return rows;
}

} // namespace juxta
