// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/JsonStreamDecoder.h"

#include "common/Utf8.h"
#include "providers/ErrorBodies.h"

using namespace Qt::StringLiterals;

namespace juxta {

JsonStreamDecoder::JsonStreamDecoder(Framing framing) : m_framing(framing) {}

ProviderError JsonStreamDecoder::malformed(const QString& message)
{
    ProviderError e;
    e.errorClass = ErrorClass::Malformed;
    e.message = message;
    return e;
}

QString JsonStreamDecoder::preview(QByteArrayView data)
{
    QString text = QString::fromUtf8(data.first(std::min<qsizetype>(data.size(), 160))).simplified();
    if (data.size() > 160)
        text += u'…';
    return text;
}

void JsonStreamDecoder::noteModel(const QString& model)
{
    if (m_model.isEmpty() && !model.isEmpty())
        m_model = model;
}

bool JsonStreamDecoder::handleNonJson(QByteArrayView, const QByteArray&, QList<StreamEvent>&)
{
    return false;
}

void JsonStreamDecoder::fail(ProviderError error, QList<StreamEvent>& out)
{
    if (m_failed)
        return;
    m_failed = true;
    out.append(StreamFailure{std::move(error)});
}

bool JsonStreamDecoder::failOnErrorRecord(const json::Json& record, QList<StreamEvent>& out)
{
    if (auto details = errorDetails(record)) {
        // An error inside a 200 stream ends the answer exactly like an HTTP error, so fallback treats it alike.
        fail(ErrorClassifier::classify(*details), out);
        return true;
    }
    if (!record.is_object()) {
        fail(malformed(u"A stream record is not a JSON object: %1"_s.arg(preview(json::toQString(record).toUtf8()))),
             out);
        return true;
    }
    return false;
}

void JsonStreamDecoder::feed(QByteArrayView bytes, QList<StreamEvent>& out)
{
    if (m_failed || m_stopped)
        return;
    bool overflowed = false;
    if (m_framing == Framing::Sse) {
        m_events.clear();
        m_sse.feed(bytes, m_events);
        for (const SseEvent& event : std::as_const(m_events)) {
            handleData(event.data, event.type, false, out);
            if (m_failed || m_stopped)
                return;
        }
        overflowed = m_sse.hasOverflowed();
    } else {
        m_lines.clear();
        m_ndjson.feed(bytes, m_lines);
        for (const QByteArray& line : std::as_const(m_lines)) {
            handleData(line, {}, false, out);
            if (m_failed || m_stopped)
                return;
        }
        overflowed = m_ndjson.hasOverflowed();
    }
    if (overflowed)
        fail(malformed(u"A stream record is larger than %1 MiB; this is not a chat stream"_s.arg(
                 SseParser::kMaxEventBytes >> 20)),
             out);
}

void JsonStreamDecoder::handleData(QByteArrayView raw, const QByteArray& eventType, bool truncatedTail,
                                   QList<StreamEvent>& out)
{
    ++m_records;
    const QByteArrayView data = raw.trimmed();
    if (data.isEmpty())
        return;
    if (const qsizetype bad = firstInvalidUtf8Offset(data); bad >= 0) {
        fail(malformed(u"Stream record #%1 is not valid UTF-8 (byte 0x%2 at offset %3)"_s.arg(m_records)
                           .arg(uint(uchar(data[bad])), 2, 16, QChar(u'0'))
                           .arg(bad)),
             out);
        return;
    }
    const json::Json record = json::parse(data);
    if (record.is_discarded()) {
        if (handleNonJson(data, eventType, out))
            return;
        if (eventType == "error") {
            // "event: error" with a plain-text payload (some proxies): the provider's words, not a parse failure.
            fail(ErrorClassifier::classify({0, {}, u"server_error"_s, preview(data)}), out);
            return;
        }
        fail(malformed(truncatedTail ? u"The stream was cut off in the middle of a record: %1"_s.arg(preview(data))
                                     : u"Stream record #%1 is not valid JSON: %2"_s.arg(m_records).arg(preview(data))),
             out);
        return;
    }
    handleRecord(record, eventType, out);
}

void JsonStreamDecoder::finish(QList<StreamEvent>& out)
{
    if (m_failed)
        return;
    bool cleanTail = true;
    if (m_framing == Framing::Sse) {
        // Lenient about a last event with no closing blank line ("data: [DONE]" then EOF): read it if it is whole.
        QList<SseEvent> salvaged;
        const SseParser::Tail tail = m_stopped ? m_sse.finish() : m_sse.finish(&salvaged);
        cleanTail = tail == SseParser::Tail::Clean;
        for (const SseEvent& event : std::as_const(salvaged)) {
            handleData(event.data, event.type, tail == SseParser::Tail::UnterminatedLine, out);
            if (m_failed)
                return;
        }
    } else {
        const QByteArray tail = m_ndjson.finish();
        cleanTail = tail.isEmpty();
        if (!tail.isEmpty() && !m_stopped) {
            handleData(tail, {}, true, out);
            if (m_failed)
                return;
        }
    }
    if (completeAtEnd(out))
        return;
    if (m_records == 0 && cleanTail) {
        fail(malformed(u"The server ended the response without sending any stream events"_s), out);
        return;
    }
    ProviderError error;
    error.errorClass = ErrorClass::Network;
    error.message = u"The stream ended before the answer was finished (%1); the text received so far is kept but "
                    u"incomplete"_s.arg(missingTerminal());
    fail(std::move(error), out);
}

} // namespace juxta
