// SPDX-License-Identifier: GPL-3.0-or-later
// Keeps one streaming answer safe: the message row is written before the first byte arrives, the partial text
// is saved at least once a second while it streams, and the final text, statistics and request log are written
// when it ends. Shared by the chat window and `juxta ask --save`.
#pragma once

#include "pricing/ModelPrice.h"
#include "routing/ResilientCall.h"
#include "storage/HistoryRecords.h"
#include "streaming/Transcript.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <functional>

namespace juxta {

class HistoryService;

class AnswerRecorder final : public QObject
{
    Q_OBJECT

public:
    using PriceFor = std::function<std::optional<ModelPrice>(const Target&)>;

    // `answer` carries the ids, the parent and stats.requestedModel; `request` and `targets` are what the call
    // was given (parameters for the request log, prices for the cost).
    AnswerRecorder(HistoryService& history, MessageRecord answer, ChatRequest request, QList<Target> targets,
                   PriceFor priceFor, QObject* parent = nullptr);
    ~AnswerRecorder() override;

    // Writes the "streaming" row and follows the call until it finishes.
    void watch(ResilientCall& call);

    const Transcript& transcript() const { return m_transcript; }
    const MessageRecord& record() const { return m_answer; }
    static constexpr int kSaveIntervalMs = 750; // "at least once a second", with room for a busy moment

signals:
    void grew();       // new text, reasoning or tool calls are in transcript()
    void restarted();  // a fallback began a fresh answer after partial output: the transcript was emptied
    void attemptStarted(const QString& target, int retry);
    void retryScheduled(const QString& failure, int delayMs); // "x was rate-limited (HTTP 429)", tried again after
    void finished(const juxta::MessageRecord& answer, const juxta::RoutedOutcome& outcome);

private:
    void savePartial();
    void onFinished(const RoutedOutcome& outcome);
    QList<AttemptLogRow> logRows(const RoutedOutcome& outcome) const;
    std::optional<double> costOf(int targetIndex, const Usage& usage) const;

    HistoryService& m_history;
    MessageRecord m_answer;
    ChatRequest m_request;
    QList<Target> m_targets;
    PriceFor m_priceFor;
    Transcript m_transcript;
    QTimer m_saveTimer;
    bool m_dirty = false;
    bool m_done = false;
    QDateTime m_startedAt;
};

} // namespace juxta
