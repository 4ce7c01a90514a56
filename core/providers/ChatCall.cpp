// SPDX-License-Identifier: GPL-3.0-or-later
// About 500 lines: the reply's states (head, undecided body, stream, whole JSON, error body), its timers and the
// answer limits all act on the same reply and transcript; what reads a transport error lives in TransportErrors.
#include "providers/ChatCall.h"

#include "common/MonotonicClock.h"
#include "providers/TransportErrors.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr qsizetype kMaxErrorBody = 64 * 1024;         // enough for any provider's error JSON
// At most this much is decoded per turn of the event loop: when a fast server has piled megabytes into the reply's
// buffer, the rest waits for the next turn instead of freezing the window while all of it is parsed.
constexpr qsizetype kReadSlice = 64 * 1024;
constexpr qsizetype kMaxWholeBody = 16 * 1024 * 1024;  // a non-streamed answer

bool isContentEvent(const StreamEvent& event)
{
    return std::holds_alternative<TextDelta>(event) || std::holds_alternative<ReasoningDelta>(event)
        || std::holds_alternative<ToolCallDelta>(event);
}

} // namespace

ChatCall::ChatCall(QNetworkAccessManager& network, const MonotonicClock& clock, const Provider& provider,
                   ChatRequest request, ProviderProfile profile, ApiKey key, CallOptions options, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock)
    , m_provider(provider)
    , m_request(std::move(request))
    , m_profile(std::move(profile))
    , m_key(std::move(key))
    , m_options(options)
{
    m_connectTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    m_deadlineTimer.setSingleShot(true);
    m_deadlineTimer.setTimerType(Qt::CoarseTimer);
    m_maxAnswerBytes = m_options.maxAnswerBytes(m_profile);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &ChatCall::onDeadline);
    connect(&m_connectTimer, &QTimer::timeout, this, &ChatCall::onConnectTimeout);
    connect(&m_idleTimer, &QTimer::timeout, this, &ChatCall::onIdleTimeout);
    m_outcome.requestedModel = m_request.model;
}

ChatCall::~ChatCall()
{
    releaseReply();
}

void ChatCall::start()
{
    if (m_started || m_finished) // a call cancelled before it started never sends anything
        return;
    m_started = true;
    m_timer.start(m_clock.nowNs());
    // Keep-alive comments reset the idle timer forever; this ends the answer however the server behaves.
    const qint64 seconds = std::clamp<qint64>(m_options.maxAnswerSeconds(m_profile), 1, 7 * 86400);
    m_deadlineTimer.start(std::chrono::seconds(seconds));
    sendAttempt();
}

void ChatCall::sendAttempt()
{
    m_finishPending = false;
    releaseReply();
    m_decoder = m_provider.createDecoder();
    m_mode = BodyMode::Unknown;
    m_httpStatus = 0;
    m_body.clear();
    ++m_outcome.httpAttempts;

    const HttpCall call = m_provider.buildChatCall(m_request, m_profile, m_key, m_attemptOptions);
    m_reply = m_network.sendCustomRequest(call.request, call.verb, call.body);
    connect(m_reply, &QNetworkReply::readyRead, this, &ChatCall::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ChatCall::onReplyFinished);
    connect(m_reply, &QNetworkReply::socketStartedConnecting, this, &ChatCall::onSocketStartedConnecting);
    connect(m_reply, &QNetworkReply::requestSent, this, &ChatCall::onRequestSent);
    connect(m_reply, &QNetworkReply::encrypted, &m_connectTimer, qOverload<>(&QTimer::stop));
    // "No bytes for N s" covers the whole call, including a request that waits for a free connection.
    m_idleTimer.start(m_options.idleTimeoutMs);
}

void ChatCall::onSocketStartedConnecting()
{
    // Only a new connection has a connect phase; a reused keep-alive connection goes straight to requestSent.
    m_connectTimer.start(m_options.connectTimeoutMs);
}

void ChatCall::onRequestSent()
{
    m_connectTimer.stop();
    m_idleTimer.start(m_options.idleTimeoutMs);
}

void ChatCall::onConnectTimeout()
{
    ProviderError e;
    e.errorClass = ErrorClass::Timeout;
    e.message = u"Could not connect to %1 within %2 s (connect timeout)"_s.arg(m_profile.baseUrl.host())
                    .arg(m_options.connectTimeoutMs / 1000.0);
    fail(e);
}

void ChatCall::onIdleTimeout()
{
    if (m_mode == BodyMode::Stream && m_finish) {
        // The answer had finished (a finish reason arrived) and only the closing marker is missing: a proxy
        // holding the connection open must not turn a whole answer into a timeout.
        finishStream(false);
        return;
    }
    ProviderError e;
    e.errorClass = ErrorClass::Timeout;
    e.httpStatus = m_httpStatus;
    e.message = u"No data from the server for %1 s (idle timeout)"_s.arg(m_options.idleTimeoutMs / 1000.0);
    if (m_transcript->hasOutput())
        e.message += u"; the answer so far is kept but incomplete"_s;
    fail(e);
}

void ChatCall::onDeadline()
{
    if (m_mode == BodyMode::Stream && m_finish) {
        finishStream(false); // as for the idle timeout: a finished answer whose connection a proxy holds open
        return;
    }
    ProviderError e;
    e.errorClass = ErrorClass::LimitReached;
    e.httpStatus = m_httpStatus;
    const qint64 seconds = m_options.maxAnswerSeconds(m_profile);
    e.message = (seconds % 60 == 0 ? u"The answer took longer than %1 min (duration limit)"_s.arg(seconds / 60)
                                   : u"The answer took longer than %1 s (duration limit)"_s.arg(seconds))
              + (m_transcript->hasOutput() ? u"; the answer so far is kept but incomplete"_s : QString());
    fail(e);
}

// Unread stream bytes allowed to wait: as much as the answer may hold, between 4 and 16 MiB. Real servers stay far
// below (the decoder reads tens of MB/s; models write kB/s); this bounds memory when one floods.
qint64 ChatCall::backlogLimit() const
{
    return std::clamp<qint64>(m_maxAnswerBytes, 4 * 1024 * 1024, 16 * 1024 * 1024);
}

// Counts text and reasoning as they arrive, in the memory they take (two bytes per UTF-16 unit): the limit is
// there to bound memory. True when this event takes the answer past it.
bool ChatCall::checkAnswerSize(const StreamEvent& event)
{
    if (const auto* text = std::get_if<TextDelta>(&event))
        m_answerBytes += text->text.size() * qint64(sizeof(QChar));
    else if (const auto* reasoning = std::get_if<ReasoningDelta>(&event))
        m_answerBytes += reasoning->text.size() * qint64(sizeof(QChar));
    else
        return false;
    return m_answerBytes > m_maxAnswerBytes;
}

void ChatCall::inspectResponseHead()
{
    if (m_mode != BodyMode::Unknown || !m_reply)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_httpStatus = status.toInt();
    m_connectTimer.stop();
    const QByteArray contentType = m_reply->rawHeader("Content-Type").toLower();
    if (m_httpStatus < 200 || m_httpStatus >= 300)
        m_mode = BodyMode::ErrorBody;
    else if (contentType.contains("text/html"))
        m_mode = BodyMode::ErrorBody; // a captive portal or proxy page with a 200
    else
        m_mode = BodyMode::Undecided; // Content-Type is often wrong; the first byte decides (consumeBody)
}

void ChatCall::onReadyRead()
{
    if (m_finished || !m_reply)
        return;
    inspectResponseHead();
    m_idleTimer.start(m_options.idleTimeoutMs);
    if (m_mode == BodyMode::Stream && m_reply->bytesAvailable() > backlogLimit()) {
        // Qt's HTTP reply reads the socket into memory however little we read (its read buffer size does not
        // throttle it), so a server sending far faster than any model writes would grow us without bound.
        fail(ProviderError{ErrorClass::LimitReached, m_httpStatus, std::nullopt,
                           u"The server sent over %1 MiB faster than it could be read (no model writes that fast); "
                           "the answer so far is kept but incomplete"_s.arg(backlogLimit() >> 20),
                           {}});
        return;
    }
    consumeBody(m_reply->read(kReadSlice));
    if (!m_finished && m_reply && m_reply->bytesAvailable() > 0)
        scheduleDrain(); // readyRead only comes again for new bytes
}

void ChatCall::scheduleDrain()
{
    if (m_drainPending)
        return;
    m_drainPending = true;
    QMetaObject::invokeMethod(this, [this] {
        m_drainPending = false;
        if (m_finishPending)
            onReplyFinished();
        else
            onReadyRead();
    }, Qt::QueuedConnection);
}

void ChatCall::consumeBody(const QByteArray& incoming)
{
    if (incoming.isEmpty())
        return;
    QByteArray bytes = incoming;
    if (m_mode == BodyMode::Undecided) {
        m_body.append(bytes);
        const auto first = std::find_if(m_body.cbegin(), m_body.cend(), [](char c) {
            return c != ' ' && c != '\t' && c != '\r' && c != '\n';
        });
        if (first == m_body.cend()) {
            if (m_body.size() > kMaxErrorBody)
                m_body = m_body.right(16); // only whitespace so far; keep memory bounded
            return;
        }
        m_mode = m_provider.isWholeJsonBody(*first) ? BodyMode::WholeJson : BodyMode::Stream;
        bytes = std::exchange(m_body, QByteArray());
    }
    switch (m_mode) {
    case BodyMode::Stream: {
        QList<StreamEvent> events;
        m_decoder->feed(bytes, events);
        const QPointer<ChatCall> self(this);
        deliver(events);
        if (self && !m_finished && m_decoder->isDone())
            finishStream(false); // the terminal marker arrived: done, whether or not the server closes
        break;
    }
    case BodyMode::ErrorBody:
        if (m_body.size() < kMaxErrorBody)
            m_body.append(bytes.first(std::min(bytes.size(), kMaxErrorBody - m_body.size())));
        break;
    case BodyMode::WholeJson:
    case BodyMode::Unknown:
    case BodyMode::Undecided:
        if (m_body.size() + bytes.size() > kMaxWholeBody) {
            ProviderError e;
            e.errorClass = ErrorClass::Malformed;
            e.httpStatus = m_httpStatus;
            e.message = u"The response is larger than %1 MiB and is not a stream"_s.arg(kMaxWholeBody >> 20);
            fail(e);
            return;
        }
        m_body.append(bytes);
        break;
    }
}

void ChatCall::deliver(QList<StreamEvent>& events)
{
    if (events.isEmpty())
        return;
    std::optional<ProviderError> failure;
    qsizetype keep = events.size();
    const qint64 readAtNs = m_clock.nowNs(); // one read, one time: the rate's "at least two reads" counts times
    for (qsizetype i = 0; i < events.size(); ++i) {
        const StreamEvent& event = events[i];
        if (const auto* f = std::get_if<StreamFailure>(&event)) {
            failure = f->error;
            keep = i; // the failure travels in the outcome, not as content
            break;
        }
        if (checkAnswerSize(event)) {
            // Nothing past the limit is kept or shown: the answer ends here, like a cancel.
            const double mib = double(m_maxAnswerBytes) / (1024 * 1024);
            failure = ProviderError{ErrorClass::LimitReached, 0, std::nullopt,
                                    u"The answer grew past %1 MiB of text and reasoning in memory (size limit); the answer so "
                                    "far is kept but incomplete"_s.arg(mib, 0, 'g', 3), {}};
            keep = i;
            break;
        }
        if (isContentEvent(event))
            m_timer.markDelta(readAtNs, !std::holds_alternative<ToolCallDelta>(event));
        m_transcript->apply(event);
        if (const auto* usage = std::get_if<UsageReport>(&event)) {
            m_usage.mergeFrom(usage->usage);
            if (usage->serverOutputTokensPerSecond)
                m_serverTokensPerSecond = usage->serverOutputTokensPerSecond;
        }
        else if (const auto* finish = std::get_if<Finish>(&event))
            m_finish = *finish;
    }
    events.resize(keep);
    if (!events.isEmpty()) {
        const QPointer<ChatCall> self(this);
        emit eventsReceived(events);
        if (!self)
            return; // a receiver deleted us
    }
    if (failure && !m_finished) {
        if (failure->httpStatus == 0)
            failure->httpStatus = m_httpStatus;
        fail(*failure);
    }
}

void ChatCall::finishStream(bool transportFailed)
{
    QList<StreamEvent> events;
    m_decoder->finish(events);
    const bool streamFailed = std::any_of(events.cbegin(), events.cend(), [](const StreamEvent& e) {
        return std::holds_alternative<StreamFailure>(e);
    });
    const bool streamFinished = m_finish || std::any_of(events.cbegin(), events.cend(), [](const StreamEvent& e) {
        return std::holds_alternative<Finish>(e);
    });
    if (transportFailed && !streamFailed && streamFinished)
        transportFailed = false; // the stream had said it was done; a broken close changes nothing
    if (transportFailed) {
        // The transport broke before the stream said it was done: that, not the missing [DONE], is the story.
        events.erase(std::remove_if(events.begin(), events.end(),
                                    [](const StreamEvent& e) { return std::holds_alternative<StreamFailure>(e); }),
                     events.end());
    }
    const QPointer<ChatCall> self(this);
    deliver(events);
    if (!self || m_finished)
        return;
    if (transportFailed && m_reply) {
        ProviderError e = transportError(m_reply->error(), m_reply->errorString(), m_transcript->hasOutput());
        e.httpStatus = m_httpStatus;
        fail(e);
        return;
    }
    finishCall(std::nullopt);
}

void ChatCall::onReplyFinished()
{
    if (m_finished || !m_reply)
        return;
    QNetworkReply* reply = m_reply;
    const QPointer<ChatCall> self(this);
    inspectResponseHead();
    if (reply->bytesAvailable() > kReadSlice) {
        // Decoded a slice per turn like onReadyRead; the end is handled once everything before it has been. The
        // server is done, so no timeout may cut the draining short.
        m_finishPending = true;
        m_connectTimer.stop();
        m_idleTimer.stop();
        consumeBody(reply->read(kReadSlice));
        if (self && !m_finished)
            scheduleDrain();
        return;
    }
    m_finishPending = false;
    if (reply->bytesAvailable() > 0)
        consumeBody(reply->readAll());
    if (!self || m_finished)
        return;
    m_connectTimer.stop();
    m_idleTimer.stop();

    const QNetworkReply::NetworkError netError = reply->error();
    if (m_mode == BodyMode::Unknown) {
        // No HTTP response at all: refused, reset, DNS, TLS. (Our own aborts never get here: m_finished is set.)
        fail(transportError(netError, explainTransportError(netError, reply->url(), reply->errorString()), false));
        return;
    }
    if (m_mode == BodyMode::Undecided)
        m_mode = BodyMode::Stream; // an empty or all-blank 2xx body: the decoder explains what is missing

    switch (m_mode) {
    case BodyMode::ErrorBody: {
        HttpHeaders headers = reply->rawHeaderPairs();
        ProviderError error = m_provider.classifyHttpError(m_httpStatus, headers, m_body,
                                                           QDateTime::currentDateTimeUtc());
        if (m_httpStatus >= 300 && m_httpStatus < 400) {
            // Only same-origin redirects are followed: the key must never travel to another host.
            error.errorClass = ErrorClass::BadRequest;
            error.message = u"HTTP %1: the server redirects to %2, another origin. Juxta does not follow it so the "
                            u"API key stays with its own host; use that URL as the base URL if you trust it."_s
                                .arg(m_httpStatus)
                                .arg(QString::fromUtf8(headerValue(headers, "location")));
        }
        if (m_httpStatus >= 200 && m_httpStatus < 300)
            error.errorClass = ErrorClass::Malformed; // a 200 carrying an HTML page is not an answer
        if (m_outcome.httpAttempts < 3 && !m_transcript->hasOutput()
            && m_provider.adaptToRejection(error, m_attemptOptions)) {
            sendAttempt(); // once per rejected optional field; the first attempt produced no output
            return;
        }
        fail(error);
        return;
    }
    case BodyMode::WholeJson: {
        QList<StreamEvent> events;
        m_provider.decodeWholeBody(m_body, events);
        deliver(events);
        if (!self || m_finished)
            return;
        finishCall(std::nullopt);
        return;
    }
    case BodyMode::Stream:
        finishStream(netError != QNetworkReply::NoError && netError != QNetworkReply::OperationCanceledError);
        return;
    case BodyMode::Unknown:
    case BodyMode::Undecided:
        break;
    }
    if (!m_finished)
        finishCall(std::nullopt);
}

void ChatCall::stop(ProviderError error)
{
    if (m_finished)
        return;
    if (error.httpStatus == 0)
        error.httpStatus = m_httpStatus;
    fail(std::move(error));
}

void ChatCall::cancel()
{
    if (m_finished)
        return;
    ProviderError e;
    e.errorClass = ErrorClass::Cancelled;
    e.httpStatus = m_httpStatus;
    e.message = m_transcript->hasOutput() ? u"Stopped by the user; the answer so far is kept"_s
                                         : u"Stopped by the user before the answer began"_s;
    fail(e);
}

void ChatCall::fail(ProviderError error)
{
    finishCall(std::move(error));
}

void ChatCall::finishCall(std::optional<ProviderError> error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop(m_clock.nowNs());
    m_connectTimer.stop();
    m_idleTimer.stop();
    m_deadlineTimer.stop();
    releaseReply();

    if (!error && !m_finish) {
        ProviderError e; // defensive: a decoder that ended without a terminal event must not look complete
        e.errorClass = ErrorClass::Malformed;
        e.message = u"The response ended without a finish reason"_s;
        error = e;
    }
    if (error) // servers quote keys back ("Incorrect API key provided: …"); what is kept never holds one
        error->message = m_key.redact(error->message);

    m_outcome.servedModel = m_decoder && !m_decoder->servedModel().isEmpty() ? m_decoder->servedModel()
                                                                            : m_request.model;
    m_outcome.text = m_transcript->text();
    m_outcome.reasoning = m_transcript->reasoning();
    m_outcome.toolCalls = m_transcript->toolCalls();
    m_outcome.usage = m_usage;
    m_outcome.error = error;
    m_outcome.complete = !error.has_value();
    if (error) {
        m_outcome.finishReason = error->errorClass == ErrorClass::Cancelled ? FinishReason::Cancelled
                                                                            : FinishReason::Error;
        m_outcome.providerFinishReason = m_finish ? m_finish->providerReason : QString();
    } else {
        m_outcome.finishReason = m_finish->reason;
        m_outcome.providerFinishReason = m_finish->providerReason;
    }
    m_outcome.metrics = m_timer.metrics(m_usage.outputTokens, m_transcript->text().size()
                                                                  + m_transcript->reasoning().size());
    m_outcome.metrics.serverOutputTokensPerSecond = m_serverTokensPerSecond;
    emit finished(m_outcome);
}

void ChatCall::releaseReply()
{
    if (!m_reply)
        return;
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

} // namespace juxta
