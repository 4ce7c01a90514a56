// SPDX-License-Identifier: GPL-3.0-or-later
#include "streaming/SseParser.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr char kBom[3] = {'\xEF', '\xBB', '\xBF'};

bool isAsciiDigits(QByteArrayView v)
{
    return !v.isEmpty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

void SseParser::feed(QByteArrayView bytes, QList<SseEvent>& out)
{
    if (!m_bomDone) {
        // A stream may start with one UTF-8 BOM, possibly split across feeds; it is dropped.
        while (m_bomMatched < 3 && !bytes.isEmpty()) {
            if (bytes.front() != kBom[m_bomMatched]) {
                m_bomDone = true;
                processBytes(QByteArrayView(kBom, m_bomMatched), out); // not a BOM after all: real bytes
                break;
            }
            ++m_bomMatched;
            bytes = bytes.sliced(1);
        }
        if (m_bomMatched == 3)
            m_bomDone = true;
        if (!m_bomDone)
            return;
    }
    processBytes(bytes, out);
}

void SseParser::processBytes(QByteArrayView bytes, QList<SseEvent>& out)
{
    if (m_overflowed)
        return;
    const char* const begin = bytes.data();
    const char* const end = begin + bytes.size();
    const char* p = begin;
    if (m_skipLeadingLf && p != end) {
        m_skipLeadingLf = false;
        if (*p == '\n')
            ++p;
    }
    while (p != end && !m_overflowed) {
        const char* eol = std::find_if(p, end, [](char c) { return c == '\n' || c == '\r'; });
        if (eol == end) {
            m_line.append(p, end - p);
            if (m_line.size() > kMaxEventBytes) {
                m_overflowed = true; // memory stays bounded whatever the server sends
                m_line = QByteArray();
            }
            return;
        }
        if (m_line.isEmpty()) {
            processLine(QByteArrayView(p, eol - p), out);
        } else {
            m_line.append(p, eol - p);
            processLine(m_line, out);
            m_line.clear(); // keeps capacity: no reallocation for the next split line
        }
        p = eol + 1;
        if (*eol == '\r') {
            if (p == end)
                m_skipLeadingLf = true; // "\r" | "\n" split across two feeds is one line break
            else if (*p == '\n')
                ++p;
        }
    }
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent>& out)
{
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':') {
        ++m_comments;
        return;
    }
    m_sawField = true;
    QByteArrayView field = line;
    QByteArrayView value;
    if (const qsizetype colon = line.indexOf(':'); colon >= 0) {
        field = line.first(colon);
        value = line.sliced(colon + 1);
        if (!value.isEmpty() && value.front() == ' ')
            value = value.sliced(1);
    }
    const bool isData = field == "data";
    // Not in the spec: llama.cpp's server reports failures as an "error:" field. Surface it as an event of
    // type "error" rather than dropping it as an unknown field and reading the "[DONE]" after it as success.
    const bool isError = field == "error";
    if (isData || isError) {
        // Both grow the event: one bound for both, or "error:" lines would grow it without limit.
        if (m_data.size() + value.size() + 1 > kMaxEventBytes) {
            m_overflowed = true;
            m_data = QByteArray();
            return;
        }
        if (isError)
            m_eventType = "error";
        m_data.append(value);
        m_data.append('\n');
    } else if (field == "event") {
        m_eventType = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value.toByteArray();
    } else if (field == "retry") {
        if (isAsciiDigits(value)) {
            bool ok = false;
            const int ms = value.toInt(&ok);
            if (ok)
                m_retryMs = ms;
        }
    }
    // Unknown fields are ignored, as the spec requires.
}

void SseParser::dispatch(QList<SseEvent>& out)
{
    m_sawField = false;
    if (m_data.isEmpty()) {
        m_eventType.clear();
        return;
    }
    m_data.chop(1); // the trailing '\n' of the last data line
    SseEvent ev;
    ev.type = m_eventType.isEmpty() ? QByteArray("message") : std::move(m_eventType);
    ev.data = std::move(m_data);
    ev.lastEventId = m_lastEventId;
    out.append(std::move(ev));
    m_data = QByteArray();
    m_eventType = QByteArray();
}

SseParser::Tail SseParser::finish(QList<SseEvent>* salvaged)
{
    Tail tail = Tail::Clean;
    if (!m_line.isEmpty())
        tail = Tail::UnterminatedLine;
    else if (m_sawField)
        tail = Tail::UndispatchedEvent;
    if (salvaged && tail != Tail::Clean) {
        if (!m_line.isEmpty()) {
            const QByteArray line = std::exchange(m_line, QByteArray());
            processLine(line, *salvaged);
        }
        dispatch(*salvaged);
    }
    m_line.clear();
    m_data.clear();
    m_eventType.clear();
    m_sawField = false;
    m_skipLeadingLf = false;
    return tail;
}

} // namespace juxta
