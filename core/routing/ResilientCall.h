// SPDX-License-Identifier: GPL-3.0-or-later
// One request across a chain of targets: retries with backoff, fallback on failures (including errors inside
// a 200 stream), context-length skips, circuit breaking; every attempt recorded. Used by every caller.
#pragma once

#include "routing/CircuitBreaker.h"
#include "routing/RetryPolicy.h"
#include "routing/RoutedOutcome.h"
#include "routing/Target.h"
#include "streaming/StreamEvent.h"
#include "streaming/Transcript.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace juxta {

class ChatCall;
class ModelStats;
class MonotonicClock;
class Scheduler;

struct FallbackPolicy
{
    bool onContentFilter = false;        // only when the user asked for it: a refusal is usually an answer
    bool continueAfterPartialOutput = true; // a failure after output began: try the next target (partial kept)
};

struct ResilienceServices
{
    QNetworkAccessManager& network;
    const MonotonicClock& clock;
    Scheduler& scheduler;
    CircuitBreaker* breaker = nullptr; // optional, shared between calls
    ModelStats* stats = nullptr;       // optional: successful attempts feed "fastest" routing
};

class ResilientCall final : public QObject
{
    Q_OBJECT

public:
    // `targets` in the order to try them (a RoutingStrategy has already ordered them).
    ResilientCall(ResilienceServices services, ChatRequest request, QList<Target> targets, RetryPolicy retry,
                  FallbackPolicy fallback, CallOptions options, quint32 seed, QObject* parent = nullptr);
    ~ResilientCall() override;

    void start();
    void cancel();
    // Ends the answer with `error` (no retry, no fallback), keeping what arrived: a spending limit reached.
    void stopWith(const ProviderError& error);
    bool isFinished() const { return m_finished; }
    const RoutedOutcome& outcome() const { return m_outcome; }
    // The answer as it streams: every attempt writes here; a new attempt after shown output starts it afresh
    // (before attemptStarted is emitted). Listeners read it instead of keeping a copy.
    const Transcript& transcript() const { return m_transcript; }

signals:
    // A new attempt begins; when `afterPartialOutput` is true the view should show the earlier text as
    // abandoned (it stays in the attempt record) and start a fresh answer.
    void attemptStarted(int targetIndex, const QString& target, int retry, bool afterPartialOutput);
    // The attempt that just failed (`failure`, in words) will be tried again after `delayMs`.
    void retryScheduled(int targetIndex, const QString& failure, int delayMs);
    // The target answered 429: its provider asks for `waitMs` (Retry-After, else the back-off) before the next request.
    void rateLimited(int targetIndex, int waitMs);
    void eventsReceived(const QList<juxta::StreamEvent>& events);
    void finished(const juxta::RoutedOutcome& outcome);

private:
    void tryFrom(int index);
    void launch(int index, int retry);
    void onAttemptFinished(int index, int retry, const CallOutcome& outcome);
    void finish(const CallOutcome& outcome);
    void skipSmallerContexts(int failedIndex);

    ResilienceServices m_services;
    ChatRequest m_request;
    QList<Target> m_targets;
    QList<bool> m_skipped;
    RetryPolicy m_retry;
    FallbackPolicy m_fallback;
    CallOptions m_options;
    QRandomGenerator m_random;

    QPointer<ChatCall> m_call;
    qint64 m_attemptStartNs = 0;
    bool m_outputShown = false; // the current or an earlier attempt streamed output to listeners
    Transcript m_transcript;
    bool m_started = false;
    bool m_finished = false;
    bool m_ignoreBreaker = false;
    RoutedOutcome m_outcome;
    std::optional<CallOutcome> m_lastFailure;
    int m_lastFailureIndex = -1;
};

} // namespace juxta
