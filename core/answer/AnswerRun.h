// SPDX-License-Identifier: GPL-3.0-or-later
// One answer in flight, the same way for every surface (chat, compare columns, `juxta ask`, `juxta compare`,
// pipeline steps): a ResilientCall over the targets, and an AnswerRecorder that keeps the text, its figures, cost,
// token-arrival trace and request log in the history. Views subscribe to its signals and read what is new; they
// never run or record an answer themselves. Made by AnswerEngine::newRun().
#pragma once

#include "answer/AnswerRecorder.h"
#include "pricing/BudgetGuard.h"

#include <QObject>
#include <memory>

namespace juxta {

class RequestGate;

struct AnswerServices
{
    ResilienceServices resilience;
    HistoryService* history = nullptr; // null: nothing is written (the answer is still assembled and costed)
    bool recordsSpending = true;       // add the cost to today's spending (the budget guard reads it)
    RequestGate* gate = nullptr;       // a batch's per-profile limits: the answer waits there before it is sent
};

// What one answer is asked: the message it becomes, the request for the primary target, the targets in the
// order to try them, how to price them, and the resilience settings.
struct AnswerOrder
{
    MessageRecord answer; // ids, conversation, parent and stats.requestedModel
    ChatRequest request;
    QList<Target> targets;
    AnswerRecorder::PriceFor priceFor;
    RetryPolicy retry;
    FallbackPolicy fallback;
    CallOptions options;
    std::optional<SpendCap> spendCap; // block-mode budget: the answer stops as `limit_reached` when it would pass it
    quint32 seed = 0; // split routing stays reproducible; runs side by side get different seeds
};

// What a run is doing right now, for a live status line.
struct AnswerProgress
{
    double elapsedMs = 0;                 // since the send
    std::optional<double> firstTokenMs;   // of the attempt streaming now
    double tokens = 0;                    // estimated so far (text and reasoning)
    std::optional<double> tokensPerSecond; // after the first token, once there is enough time to tell
    QString target;                       // the target being tried ("profile/model")
    int retry = 0;                        // 0: the first try on that target
    QString waitingAfter;                 // set while a retry waits: what failed, in words
    int waitMs = 0;                       // and how long the wait is
};

class AnswerRun final : public QObject
{
    Q_OBJECT

public:
    AnswerRun(AnswerServices services, AnswerOrder order, QObject* parent = nullptr);
    ~AnswerRun() override; // a run destroyed mid-stream is saved as stopped, with what arrived

    void start(); // sent at once, or when the gate (if any) has room for it
    void stop();  // what arrived is kept, marked stopped
    bool isFinished() const { return m_finished; }

    const QString& answerId() const { return m_answerId; }
    const MessageRecord& record() const { return m_recorder->record(); } // the final one once finished
    const Transcript& transcript() const { return m_recorder->transcript(); }
    const ThroughputTrace& trace() const { return m_recorder->trace(); }
    const RoutedOutcome& outcome() const { return m_call->outcome(); }
    const QList<Target>& targets() const { return m_targets; }
    AnswerProgress progress() const;

signals:
    void eventsReceived(const QList<juxta::StreamEvent>& events); // the normalized events, as they arrive
    void grew();      // new text, reasoning or tool calls in transcript()
    void restarted(); // a fallback after partial output: the transcript starts again (the old text is logged)
    void attemptStarted(const QString& target, int retry);
    void retryScheduled(const QString& failure, int delayMs);
    void finished(const juxta::MessageRecord& answer, const juxta::RoutedOutcome& outcome);

private:
    void send();
    void checkSpending();

    QString m_answerId;
    QList<Target> m_targets;
    RequestGate* m_gate = nullptr;
    qint64 m_gateTokens = 0;
    quint64 m_ticket = 0;
    bool m_started = false;
    bool m_sent = false;
    std::unique_ptr<ResilientCall> m_call;
    std::unique_ptr<AnswerRecorder> m_recorder;
    QString m_target;
    int m_retry = 0;
    QString m_waitingAfter;
    int m_waitMs = 0;
    bool m_finished = false;
    std::optional<SpendCap> m_spendCap;
};

} // namespace juxta
