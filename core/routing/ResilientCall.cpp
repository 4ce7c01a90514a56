// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/ResilientCall.h"

#include "common/MonotonicClock.h"
#include "providers/ChatCall.h"
#include "routing/ModelStats.h"
#include "routing/Scheduler.h"
#include <cmath>

using namespace Qt::StringLiterals;

namespace juxta {

ResilientCall::ResilientCall(ResilienceServices services, ChatRequest request, QList<Target> targets,
                             RetryPolicy retry, FallbackPolicy fallback, CallOptions options, quint32 seed,
                             QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_request(std::move(request))
    , m_targets(std::move(targets))
    , m_skipped(m_targets.size(), false)
    , m_retry(retry)
    , m_fallback(fallback)
    , m_options(options)
    , m_random(seed)
{
}

ResilientCall::~ResilientCall()
{
    if (m_call) {
        m_call->disconnect(this);
        delete m_call;
    }
}

void ResilientCall::start()
{
    if (m_started || m_finished)
        return;
    m_started = true;
    // When every circuit is open, trying anyway beats failing without a single request.
    m_ignoreBreaker = m_services.breaker
                   && std::none_of(m_targets.cbegin(), m_targets.cend(), [this](const Target& t) {
                          return m_services.breaker->wouldAllow(t.label());
                      });
    tryFrom(0);
}

void ResilientCall::tryFrom(int index)
{
    while (index < m_targets.size()) {
        const bool blocked = m_skipped[index]
                          || (m_services.breaker && !m_ignoreBreaker && !m_services.breaker->allows(m_targets[index].label()));
        if (!blocked)
            break;
        ++index;
    }
    if (index >= m_targets.size()) {
        if (m_lastFailure) {
            if (m_lastFailure->complete) {
                // Every target refused (content-filter fallback ran out): the last refusal is the answer.
                m_outcome.servedBy = m_lastFailureIndex;
                m_outcome.servedByLabel = m_targets[m_lastFailureIndex].label();
            }
            finish(*m_lastFailure);
        } else {
            CallOutcome none; // every target was skipped before any request
            none.requestedModel = m_request.model;
            ProviderError e;
            e.errorClass = ErrorClass::Overloaded;
            e.message = u"Every target is temporarily skipped after repeated failures (circuit open)"_s;
            none.error = e;
            finish(none);
        }
        return;
    }
    launch(index, 0);
}

void ResilientCall::launch(int index, int retry)
{
    if (m_finished)
        return;
    const Target& target = m_targets[index];
    const Provider* provider = providerFor(target.profile.dialect);
    m_attemptStartNs = m_services.clock.nowNs();
    const QPointer<ResilientCall> self(this);
    if (m_outputShown)
        m_transcript = Transcript(); // the abandoned text stays in its attempt's record (partialText)
    emit attemptStarted(index, target.label(), retry, m_outputShown);
    if (!self || m_finished)
        return; // a listener cancelled or deleted us
    m_outputShown = false; // the view has started afresh
    if (!provider) {
        CallOutcome unsupported;
        unsupported.requestedModel = target.model;
        unsupported.error = unsupportedDialect(target.profile.dialect);
        onAttemptFinished(index, retry, unsupported);
        return;
    }
    auto* call = new ChatCall(m_services.network, m_services.clock, *provider, target.apply(m_request), target.profile,
                              target.key, m_options, this);
    m_call = call;
    call->writeInto(m_transcript);
    connect(call, &ChatCall::eventsReceived, this, [this](const QList<StreamEvent>& events) {
        // Only content counts as shown output; a usage-only event (Anthropic's message_start) is not.
        m_outputShown |= std::any_of(events.cbegin(), events.cend(), [](const StreamEvent& e) {
            return std::holds_alternative<TextDelta>(e) || std::holds_alternative<ReasoningDelta>(e)
                || std::holds_alternative<ToolCallDelta>(e);
        });
        emit eventsReceived(events);
    });
    connect(call, &ChatCall::finished, this, [this, index, retry, call](const CallOutcome& outcome) {
        call->deleteLater();
        m_call = nullptr; // a cancel() from now on (e.g. during a back-off wait) must not go to this call
        onAttemptFinished(index, retry, outcome);
    });
    call->start();
}

void ResilientCall::onAttemptFinished(int index, int retry, const CallOutcome& outcome)
{
    if (m_finished)
        return;
    const Target& target = m_targets[index];
    const bool filtered = m_fallback.onContentFilter && outcome.complete
                       && outcome.finishReason == FinishReason::ContentFilter;
    AttemptRecord record;
    record.targetIndex = index;
    record.target = target.label();
    record.retry = retry;
    record.elapsedMs = double(m_services.clock.nowNs() - m_attemptStartNs) / 1e6;
    record.filtered = filtered;
    const bool outputBegan = !outcome.text.isEmpty() || !outcome.reasoning.isEmpty() || !outcome.toolCalls.isEmpty();
    if (outcome.error) {
        record.errorClass = outcome.error->errorClass;
        record.httpStatus = outcome.error->httpStatus;
        record.message = outcome.error->message;
    } else if (filtered) {
        record.errorClass = ErrorClass::ContentFilter;
        record.message = u"The answer ended with finish_reason content_filter"_s;
    }
    if (record.errorClass && outputBegan)
        record.partialText = outcome.text;
    m_outcome.attempts.append(record);

    if (!record.errorClass) {
        if (m_services.breaker)
            m_services.breaker->recordSuccess(target.label());
        if (m_services.stats)
            m_services.stats->record(target.label(), outcome.metrics.ttftMs, outcome.metrics.outputTokensPerSecond);
        m_outcome.servedBy = index;
        m_outcome.servedByLabel = target.label();
        finish(outcome);
        return;
    }
    if (m_services.breaker) {
        // Only the target's own trouble opens its circuit; a prompt that is too long or a bad parameter
        // would fail anywhere and says nothing about this target's health.
        if (isTransient(*record.errorClass))
            m_services.breaker->recordFailure(target.label());
        else
            m_services.breaker->recordInconclusive(target.label());
    }
    if (*record.errorClass == ErrorClass::Cancelled || *record.errorClass == ErrorClass::LimitReached) {
        finish(outcome); // the user's own stop or limit: another target would only spend more
        return;
    }
    m_lastFailure = outcome;
    m_lastFailureIndex = index;
    if (*record.errorClass == ErrorClass::ContentFilter && !m_fallback.onContentFilter) {
        if (outcome.complete) {
            m_outcome.servedBy = index;
            m_outcome.servedByLabel = target.label();
        }
        finish(outcome); // a refusal is the answer unless the user asked to fall back on it
        return;
    }
    if (outputBegan && !m_fallback.continueAfterPartialOutput) {
        finish(outcome);
        return;
    }
    ProviderError error = outcome.error.value_or(ProviderError{ErrorClass::ContentFilter, 0, {}, {}, {}});
    const auto delay = m_retry.delayBeforeRetryMs(error, retry, outputBegan, m_random);
    if (*record.errorClass == ErrorClass::RateLimited) {
        const int waitMs = error.retryAfterSeconds ? int(std::lround(*error.retryAfterSeconds * 1000.0))
                                                   : delay.value_or(m_retry.baseDelayMs);
        emit rateLimited(index, waitMs);
    }
    if (delay) {
        emit retryScheduled(index, describeAttemptFailure(record), *delay);
        m_services.scheduler.schedule(*delay, this, [this, index, retry] { launch(index, retry + 1); });
        return;
    }
    if (*record.errorClass == ErrorClass::ContextLength)
        skipSmallerContexts(index);
    tryFrom(index + 1);
}

void ResilientCall::skipSmallerContexts(int failedIndex)
{
    // Only a larger window can help; targets whose window is unknown are still worth a try.
    const auto window = m_targets[failedIndex].contextWindow;
    if (!window)
        return;
    for (qsizetype i = failedIndex + 1; i < m_targets.size(); ++i) {
        if (m_targets[i].contextWindow && *m_targets[i].contextWindow <= *window)
            m_skipped[i] = true;
    }
}

void ResilientCall::cancel()
{
    if (m_finished)
        return;
    if (m_call) {
        m_call->cancel(); // reports back through onAttemptFinished as cancelled
        return;
    }
    CallOutcome cancelled = m_lastFailure.value_or(CallOutcome{});
    ProviderError e;
    e.errorClass = ErrorClass::Cancelled;
    e.message = u"Stopped by the user while waiting to retry"_s;
    cancelled.error = e;
    cancelled.complete = false;
    cancelled.finishReason = FinishReason::Cancelled;
    finish(cancelled);
}

void ResilientCall::stopWith(const ProviderError& error)
{
    if (m_finished)
        return;
    if (m_call) {
        m_call->stop(error);
        return;
    }
    // Between attempts (a retry's wait): the last failure's text stays, the answer ends with `error`.
    CallOutcome stopped = m_lastFailure.value_or(CallOutcome{});
    stopped.error = error;
    stopped.complete = false;
    stopped.finishReason = FinishReason::Error;
    finish(stopped);
}

void ResilientCall::finish(const CallOutcome& outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    m_outcome.outcome = outcome;
    emit finished(m_outcome);
}

} // namespace juxta
