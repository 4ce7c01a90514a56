// SPDX-License-Identifier: GPL-3.0-or-later
// Incremental text/event-stream parser following the WHATWG HTML "event stream interpretation" rules.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace juxta {

struct SseEvent
{
    QByteArray type;        // "message" unless an event: field named it
    QByteArray data;        // data: lines joined with '\n'; raw bytes, UTF-8 is checked by the consumer
    QByteArray lastEventId; // the stream's last event ID at dispatch time
};

// One deliberate extension: an "error:" field (llama.cpp's server) is read as data of an event of type "error".
// Feed bytes as they arrive, split anywhere (inside a UTF-8 character, between CR and LF, inside the BOM);
// complete events are appended to `out`. The unfinished tail is kept until more bytes come.
// Works on bytes because every delimiter is ASCII, so a split multi-byte character is never cut apart.
class SseParser
{
public:
    enum class Tail {
        Clean,            // the stream ended on an event boundary
        UnterminatedLine, // bytes after the last line break
        UndispatchedEvent // complete field lines, but no blank line to dispatch them
    };

    void feed(QByteArrayView bytes, QList<SseEvent>& out);

    // End of stream. The spec discards an unfinished event; we report what was left so the caller can
    // decide (e.g. accept a final "data: [DONE]" with no blank line, or call the stream truncated).
    // When `salvaged` is non-null, the unfinished event is completed as if a blank line followed.
    Tail finish(QList<SseEvent>* salvaged = nullptr);

    int reconnectionTimeMs() const { return m_retryMs; } // last valid retry: field, -1 if none
    qint64 commentCount() const { return m_comments; }   // keep-alive comment lines seen

    // A line or an event larger than this is not an API stream; the parser stops and reports it.
    static constexpr qsizetype kMaxEventBytes = 16 * 1024 * 1024;
    bool hasOverflowed() const { return m_overflowed; }

private:
    void processBytes(QByteArrayView bytes, QList<SseEvent>& out);
    void processLine(QByteArrayView line, QList<SseEvent>& out);
    void dispatch(QList<SseEvent>& out);

    QByteArray m_line;        // partial line carried between feeds
    QByteArray m_data;        // data buffer (each data: line plus '\n')
    QByteArray m_eventType;
    QByteArray m_lastEventId;
    int m_retryMs = -1;
    qint64 m_comments = 0;
    int m_bomMatched = 0;     // leading BOM bytes matched so far
    bool m_bomDone = false;
    bool m_skipLeadingLf = false; // last feed ended in '\r'; a following '\n' belongs to it
    bool m_sawField = false;  // a field line since the last dispatch (for Tail reporting)
    bool m_overflowed = false;
};

} // namespace juxta
