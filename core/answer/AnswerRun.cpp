// SPDX-License-Identifier: GPL-3.0-or-later
#include "answer/AnswerRun.h"

#include "pricing/CostCalculator.h"
#include "routing/RequestGate.h"

using namespace Qt::StringLiterals;

namespace juxta {

AnswerRun::AnswerRun(AnswerServices services, AnswerOrder order, QObject* parent)
    : QObject(parent)
    , m_answerId(order.answer.id)
    , m_targets(order.targets)
    , m_gate(services.gate)
    , m_spendCap(order.spendCap)
{
    if (m_gate && !order.targets.isEmpty()) {
        // What the gate counts against tokens per minute before the answer says: the prompt, and all it may write.
        QList<QString> texts{order.request.systemPrompt};
        for (const ChatMessage& m : order.request.messages)
            texts.append(m.content);
        m_gateTokens = estimatePromptTokens(texts) + order.request.maxTokens.value_or(0);
    }
    m_call = std::make_unique<ResilientCall>(services.resilience, order.request, order.targets, order.retry,
                                             order.fallback, order.options, order.seed);
    m_recorder = std::make_unique<AnswerRecorder>(services.history, services.resilience.clock,
                                                  std::move(order.answer), std::move(order.request),
                                                  std::move(order.targets), std::move(order.priceFor));
    m_recorder->setRecordsSpending(services.recordsSpending);
    connect(m_call.get(), &ResilientCall::eventsReceived, this, &AnswerRun::eventsReceived);
    connect(m_recorder.get(), &AnswerRecorder::grew, this, &AnswerRun::grew);
    if (m_spendCap)
        connect(m_recorder.get(), &AnswerRecorder::grew, this, &AnswerRun::checkSpending);
    connect(m_recorder.get(), &AnswerRecorder::restarted, this, &AnswerRun::restarted);
    connect(m_recorder.get(), &AnswerRecorder::attemptStarted, this, [this](const QString& target, int retry) {
        m_target = target;
        m_retry = retry;
        m_waitingAfter.clear();
        m_waitMs = 0;
        emit attemptStarted(target, retry);
    });
    connect(m_recorder.get(), &AnswerRecorder::retryScheduled, this, [this](const QString& failure, int delayMs) {
        m_waitingAfter = failure;
        m_waitMs = delayMs;
        emit retryScheduled(failure, delayMs);
    });
    // A 429 pauses every request to that profile, not only this one's retry.
    connect(m_call.get(), &ResilientCall::rateLimited, this, [this](int targetIndex, int waitMs) {
        if (m_gate && targetIndex >= 0 && targetIndex < m_targets.size())
            m_gate->rateLimited(m_targets.at(targetIndex).profile.id, waitMs);
    });
    connect(m_recorder.get(), &AnswerRecorder::finished, this,
            [this](const MessageRecord& answer, const RoutedOutcome& outcome) {
                m_finished = true;
                if (m_gate && m_ticket) {
                    const Usage& u = outcome.outcome.usage;
                    const std::optional<qint64> used = u.inputTokens || u.outputTokens
                        ? std::optional<qint64>(u.inputTokens.value_or(0) + u.outputTokens.value_or(0))
                        : std::nullopt;
                    m_gate->release(std::exchange(m_ticket, 0), used);
                }
                emit finished(answer, outcome);
            });
}

AnswerRun::~AnswerRun()
{
    m_recorder.reset(); // before the call it watches: it saves what arrived as stopped
    if (m_gate && m_ticket)
        m_gate->cancel(m_ticket); // waiting or running, its place is given back
}

void AnswerRun::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_gate || m_targets.isEmpty()) {
        send();
        return;
    }
    m_ticket = m_gate->acquire(m_targets.constFirst().profile.id, m_gateTokens, this, [this] { send(); });
}

void AnswerRun::send()
{
    m_sent = true;
    m_recorder->watch(*m_call);
    m_call->start();
}

void AnswerRun::stop()
{
    if (m_sent) {
        m_call->cancel();
    } else if (m_started && !m_finished) { // still waiting for the gate: nothing was sent
        m_gate->cancel(std::exchange(m_ticket, 0));
        m_recorder->finishUnsent(ProviderError{ErrorClass::Cancelled, 0, std::nullopt, u"stopped before it was sent"_s, {}});
    }
}

void AnswerRun::checkSpending()
{
    // Priced from what streamed so far: the answer stops before it costs more than the limit allows.
    const std::optional<double> cost = m_recorder->costSoFarUsd();
    if (!cost || *cost <= m_spendCap->usd || m_finished)
        return;
    m_call->stopWith(ProviderError{ErrorClass::LimitReached, 0, std::nullopt,
                                   u"Stopped at about %1: going on would pass %2; the answer so far is kept but "
                                   "incomplete"_s.arg(formatMoney(*cost, u"USD"_s), m_spendCap->limit),
                                   {}});
}

AnswerProgress AnswerRun::progress() const
{
    AnswerProgress p;
    p.elapsedMs = m_recorder->elapsedMs();
    p.firstTokenMs = m_recorder->firstTokenMs();
    p.tokens = m_recorder->tokensSoFar();
    if (p.firstTokenMs) {
        const double generatingS = (p.elapsedMs - *p.firstTokenMs) / 1000.0;
        if (generatingS > 0.2) // a rate over a few milliseconds says nothing
            p.tokensPerSecond = p.tokens / generatingS;
    }
    p.target = m_target;
    p.retry = m_retry;
    p.waitingAfter = m_waitingAfter;
    p.waitMs = m_waitMs;
    return p;
}

} // namespace juxta
