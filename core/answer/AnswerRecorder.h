// SPDX-License-Identifier: GPL-3.0-or-later
// Keeps one streaming answer safe: the message row is written before the first byte arrives, the partial text
// is saved at least once a second while it streams, and the final text, statistics, token-arrival trace, request
// log and the day's spending are written when it ends. Without a history it still assembles the answer and its
// figures (`juxta compare` without --save). Part of AnswerRun; nothing else drives it.
#pragma once

#include "answer/ThroughputTrace.h"
#include "pricing/ModelPrice.h"
#include "routing/ResilientCall.h"
#include "storage/HistoryRecords.h"
#include "streaming/Transcript.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

namespace juxta {

class HistoryService;
class MonotonicClock;

class AnswerRecorder final : public QObject
{
    Q_OBJECT

public:
    using PriceFor = std::function<std::optional<ModelPrice>(const Target&)>;

    // `answer` carries the ids, the parent and stats.requestedModel; `request` and `targets` are what the call
    // was given (parameters for the request log, prices for the cost). `history` may be null: nothing is written.
    AnswerRecorder(HistoryService* history, const MonotonicClock& clock, MessageRecord answer, ChatRequest request,
                   QList<Target> targets, PriceFor priceFor, QObject* parent = nullptr);
    ~AnswerRecorder() override;

    // Adds the answer's cost to today's spending (SpendLedger) when it ends; on by default.
    void setRecordsSpending(bool on) { m_recordsSpending = on; }

    // Writes the "streaming" row and follows the call until it finishes.
    void watch(ResilientCall& call);
    // Ends an answer that was never sent (stopped while it waited its turn): recorded with `error`.
    void finishUnsent(const ProviderError& error);

    const Transcript& transcript() const { return m_call ? m_call->transcript() : m_noTranscript; } // the call's
    const MessageRecord& record() const { return m_answer; }
    const ThroughputTrace& trace() const { return m_trace; }
    double tokensSoFar() const { return m_tokens; } // estimated from what streamed (text and reasoning)
    // The attempt streaming now, priced from the prompt and what streamed so far; unknown without a USD price.
    std::optional<double> costSoFarUsd() const;
    std::optional<double> firstTokenMs() const { return m_firstTokenMs; } // since the send, of the current attempt
    double elapsedMs() const;                        // since the send
    static constexpr int kSaveIntervalMs = 750;      // "at least once a second", with room for a busy moment

signals:
    void grew();       // new text, reasoning or tool calls are in transcript()
    void restarted();  // a fallback began a fresh answer after partial output: the transcript was emptied
    void attemptStarted(const QString& target, int retry);
    void retryScheduled(const QString& failure, int delayMs); // "x was rate-limited (HTTP 429)", tried again after
    void finished(const juxta::MessageRecord& answer, const juxta::RoutedOutcome& outcome);

private:
    void onEvents(const QList<StreamEvent>& events);
    void savePartial();
    void onFinished(const RoutedOutcome& outcome);
    QList<AttemptLogRow> logRows(const RoutedOutcome& outcome) const;
    std::optional<double> costOf(int targetIndex, const Usage& usage) const;

    HistoryService* m_history;
    const MonotonicClock& m_clock;
    MessageRecord m_answer;
    ChatRequest m_request;
    QList<Target> m_targets;
    PriceFor m_priceFor;
    QPointer<ResilientCall> m_call;  // whose transcript is the answer: held once, read here
    Transcript m_noTranscript;       // before watch(), or for an answer never sent
    ThroughputTrace m_trace;
    QTimer m_saveTimer;
    bool m_dirty = false;
    bool m_done = false;
    bool m_recordsSpending = true;
    QDateTime m_startedAt;
    qint64 m_startNs = 0;
    double m_tokens = 0;
    qint64 m_promptTokens = 0;
    int m_targetIndex = 0; // of the attempt streaming now
    std::optional<double> m_firstTokenMs;
};

} // namespace juxta
