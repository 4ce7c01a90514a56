// SPDX-License-Identifier: GPL-3.0-or-later
// One chat request in flight: owns the reply, the stream decoder and the timers; signal-driven, never blocks.
#pragma once

#include "providers/CallOutcome.h"
#include "providers/Provider.h"
#include "streaming/Transcript.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace juxta {

class MonotonicClock;

class ChatCall final : public QObject
{
    Q_OBJECT

public:
    ChatCall(QNetworkAccessManager& network, const MonotonicClock& clock, const Provider& provider,
             ChatRequest request, ProviderProfile profile, ApiKey key, CallOptions options,
             QObject* parent = nullptr);
    ~ChatCall() override;

    void start();
    // Stops at once; the text so far is kept and the outcome is `cancelled`. Safe to call at any time.
    void cancel();
    // Stops at once with `error` (e.g. a spending limit passed while streaming); the text so far is kept.
    void stop(ProviderError error);

    bool isFinished() const { return m_finished; }
    const Transcript& transcript() const { return *m_transcript; }
    // Before start(): write the answer into `shared` (owned by the caller and outliving this call) instead of a
    // transcript of its own, so a long answer is held once, not once per layer.
    void writeInto(Transcript& shared) { m_transcript = &shared; }
    const CallOutcome& outcome() const { return m_outcome; } // meaningful once finished() was emitted

signals:
    // Once per network read with everything decoded from it; never per token.
    void eventsReceived(const QList<juxta::StreamEvent>& events);
    void finished(const juxta::CallOutcome& outcome);

private:
    // Unknown: no response head yet. Undecided: a 2xx whose first non-blank byte has not arrived yet.
    enum class BodyMode { Unknown, Undecided, Stream, WholeJson, ErrorBody };

    void sendAttempt();
    void onReadyRead();
    void onReplyFinished();
    void onRequestSent();
    void onSocketStartedConnecting();
    void onConnectTimeout();
    void onIdleTimeout();
    void onDeadline();
    bool checkAnswerSize(const StreamEvent& event);
    qint64 backlogLimit() const;
    void scheduleDrain();

    void inspectResponseHead();
    void consumeBody(const QByteArray& bytes);
    void finishStream(bool transportFailed);
    void deliver(QList<StreamEvent>& events);
    void fail(ProviderError error);
    void finishCall(std::optional<ProviderError> error);
    void releaseReply();

    QNetworkAccessManager& m_network;
    const MonotonicClock& m_clock;
    const Provider& m_provider;
    ChatRequest m_request;
    ProviderProfile m_profile;
    ApiKey m_key;
    CallOptions m_options;
    AttemptOptions m_attemptOptions;

    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<StreamDecoder> m_decoder;
    BodyMode m_mode = BodyMode::Unknown;
    int m_httpStatus = 0;
    QByteArray m_body; // error or whole-JSON bodies only; streams are never buffered whole
    QTimer m_connectTimer;
    QTimer m_idleTimer;
    QTimer m_deadlineTimer;      // the answer's duration limit, from the first send
    qint64 m_answerBytes = 0;    // text plus reasoning so far, as held in memory
    qint64 m_maxAnswerBytes = 0;

    Transcript m_ownTranscript;
    Transcript* m_transcript = &m_ownTranscript;
    CallTimer m_timer;
    Usage m_usage;
    std::optional<double> m_serverTokensPerSecond;
    std::optional<Finish> m_finish;
    CallOutcome m_outcome;
    bool m_started = false;
    bool m_finished = false;
    bool m_drainPending = false;  // a turn of the event loop will decode more of the reply's buffer
    bool m_finishPending = false; // the reply has ended; its end is handled after the buffer is drained
};

} // namespace juxta
