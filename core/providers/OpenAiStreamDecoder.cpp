// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/OpenAiStreamDecoder.h"

#include "common/Utf8.h"
#include "providers/OpenAiChunks.h"

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

ProviderError malformed(const QString& message)
{
    ProviderError e;
    e.errorClass = ErrorClass::Malformed;
    e.message = message;
    return e;
}

QString preview(QByteArrayView data)
{
    QString text = QString::fromUtf8(data.first(std::min<qsizetype>(data.size(), 120))).simplified();
    if (data.size() > 120)
        text += u'…';
    return text;
}

} // namespace

OpenAiStreamDecoder::OpenAiStreamDecoder() : m_state(std::make_unique<openai::ChunkState>()) {}
OpenAiStreamDecoder::~OpenAiStreamDecoder() = default;

QString OpenAiStreamDecoder::servedModel() const
{
    return m_state->model;
}

void OpenAiStreamDecoder::feed(QByteArrayView bytes, QList<StreamEvent>& out)
{
    if (m_failed || m_sawDone)
        return; // nothing after [DONE] or an error belongs to this answer
    m_events.clear();
    m_sse.feed(bytes, m_events);
    for (const SseEvent& event : std::as_const(m_events)) {
        handleEvent(event, false, out);
        if (m_failed || m_sawDone)
            return;
    }
    if (m_sse.hasOverflowed())
        fail(malformed(u"A stream event is larger than %1 MiB; this is not a chat-completions stream"_s
                           .arg(SseParser::kMaxEventBytes >> 20)),
             out);
}

void OpenAiStreamDecoder::handleEvent(const SseEvent& event, bool truncatedTail, QList<StreamEvent>& out)
{
    ++m_eventCount;
    const QByteArrayView data = QByteArrayView(event.data).trimmed();
    if (data.isEmpty())
        return;
    if (data == "[DONE]") {
        m_sawDone = true;
        return;
    }
    if (const qsizetype bad = firstInvalidUtf8Offset(data); bad >= 0) {
        fail(malformed(u"Stream event #%1 is not valid UTF-8 (byte 0x%2 at offset %3)"_s.arg(m_eventCount)
                           .arg(uint(uchar(data[bad])), 2, 16, QChar(u'0'))
                           .arg(bad)),
             out);
        return;
    }
    const json::Json chunk = json::parse(data);
    if (event.type == "error" && (chunk.is_discarded() || !openai::errorDetails(chunk))) {
        // "event: error" with a plain-text payload (some proxies): the provider's words, not a parse failure.
        fail(ErrorClassifier::classify({0, {}, u"server_error"_s, preview(data)}), out);
        return;
    }
    if (chunk.is_discarded()) {
        fail(malformed(truncatedTail
                           ? u"The stream was cut off in the middle of an event: %1"_s.arg(preview(data))
                           : u"Stream event #%1 is not valid JSON: %2"_s.arg(m_eventCount).arg(preview(data))),
             out);
        return;
    }
    if (auto details = openai::errorDetails(chunk)) {
        // An error inside a 200 stream (OpenRouter, LiteLLM, vLLM): it ends the answer like an HTTP error.
        fail(ErrorClassifier::classify(*details), out);
        return;
    }
    if (!chunk.is_object()) {
        fail(malformed(u"Stream event #%1 is not a JSON object: %2"_s.arg(m_eventCount).arg(preview(data))), out);
        return;
    }
    const qsizetype before = out.size();
    openai::decodeChunk(chunk, false, *m_state, out);
    for (qsizetype i = before; i < out.size(); ++i) {
        if (std::holds_alternative<StreamFailure>(out[i]))
            m_failed = true;
    }
}

void OpenAiStreamDecoder::fail(ProviderError error, QList<StreamEvent>& out)
{
    m_failed = true;
    out.append(StreamFailure{std::move(error)});
}

void OpenAiStreamDecoder::finish(QList<StreamEvent>& out)
{
    if (m_failed)
        return;
    QList<SseEvent> salvaged;
    const SseParser::Tail tail = m_sawDone ? m_sse.finish() : m_sse.finish(&salvaged);
    // Lenient about a last event with no closing blank line ("data: [DONE]" then EOF): parse it if it is whole.
    for (const SseEvent& event : std::as_const(salvaged)) {
        handleEvent(event, tail == SseParser::Tail::UnterminatedLine, out);
        if (m_failed)
            return;
    }
    if (m_sawDone || m_state->finished) {
        if (!m_state->finished)
            out.append(Finish{FinishReason::Stop, {}});
        return;
    }
    if (m_eventCount == 0 && tail == SseParser::Tail::Clean) {
        fail(malformed(u"The server ended the response without sending any stream events"_s), out);
        return;
    }
    ProviderError error;
    error.errorClass = ErrorClass::Network;
    error.message = u"The stream ended before the answer was finished (no finish_reason and no [DONE]); "
                    u"the text received so far is kept but incomplete"_s;
    fail(std::move(error), out);
}

} // namespace juxta
