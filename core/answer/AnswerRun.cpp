// SPDX-License-Identifier: GPL-3.0-or-later
#include "answer/AnswerRun.h"

namespace juxta {

AnswerRun::AnswerRun(AnswerServices services, AnswerOrder order, QObject* parent)
    : QObject(parent)
    , m_answerId(order.answer.id)
    , m_targets(order.targets)
{
    m_call = std::make_unique<ResilientCall>(services.resilience, order.request, order.targets, order.retry,
                                             order.fallback, order.options, order.seed);
    m_recorder = std::make_unique<AnswerRecorder>(services.history, services.resilience.clock,
                                                  std::move(order.answer), std::move(order.request),
                                                  std::move(order.targets), std::move(order.priceFor));
    m_recorder->setRecordsSpending(services.recordsSpending);
    connect(m_call.get(), &ResilientCall::eventsReceived, this, &AnswerRun::eventsReceived);
    connect(m_recorder.get(), &AnswerRecorder::grew, this, &AnswerRun::grew);
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
    connect(m_recorder.get(), &AnswerRecorder::finished, this,
            [this](const MessageRecord& answer, const RoutedOutcome& outcome) {
                m_finished = true;
                emit finished(answer, outcome);
            });
}

AnswerRun::~AnswerRun()
{
    m_recorder.reset(); // before the call it watches: it saves what arrived as stopped
}

void AnswerRun::start()
{
    m_recorder->watch(*m_call);
    m_call->start();
}

void AnswerRun::stop()
{
    m_call->cancel();
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
