// SPDX-License-Identifier: GPL-3.0-or-later
// One scripted HTTP response: status, headers, and the body as a list of timed writes with a chosen ending.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace juxta::test {

struct ScriptedWrite
{
    QByteArray bytes;
    int delayMs = 0; // wait before this write
};

class ScriptedResponse
{
public:
    enum class Ending {
        Close,     // finish the body properly (chunk terminator if chunked), then close the connection
        KeepAlive, // finish the body properly and keep the connection for the next request
        Abort,     // stop writing and close at once: no chunk terminator, a cut stream
        Stall,     // stop writing and keep the connection open: a hung server
        Repeat,    // after the last write, start again at write `repeatFrom`, forever: an endless stream
    };

    // Parses a raw HTTP fixture: status line, header lines, a blank line, then the body verbatim.
    // "Content-Length: auto" is replaced by the body's real length. Header lines may end in LF or CRLF.
    static ScriptedResponse fromHttpText(const QByteArray& text);
    static ScriptedResponse fromFixture(const QString& relativePath); // under tests/fixtures
    static ScriptedResponse json(int status, const QByteArray& body);

    // Re-split the body (splits apply to the body bytes, before any chunked framing).
    ScriptedResponse& splitEvery(int bytes);
    ScriptedResponse& splitAfterEvents(); // one write per SSE event, as servers flush
    ScriptedResponse& splitAfterLines();  // one write per line (NDJSON)
    ScriptedResponse& splitAt(const QList<int>& offsets);
    ScriptedResponse& delayEach(int ms);  // delay before every body write
    ScriptedResponse& delayHeaders(int ms);
    ScriptedResponse& truncateBodyAt(int bytes);
    ScriptedResponse& lineEndings(const QByteArray& eol); // rewrite the body's "\n" as "\r\n" or "\r"
    ScriptedResponse& endWith(Ending ending);
    ScriptedResponse& repeatForever(int fromWrite); // Ending::Repeat
    ScriptedResponse& setHeader(const QByteArray& name, const QByteArray& value);

    QByteArray body() const;
    bool isChunked() const;
    QByteArray head() const; // status line and headers, CRLF-terminated, with the blank line

    int status = 200; // 0: raw mode, no status line or headers are written (a server that is not HTTP)
    QByteArray reason = "OK";
    QList<QPair<QByteArray, QByteArray>> headers;
    QList<ScriptedWrite> writes;
    Ending ending = Ending::Close;
    int headerDelayMs = 0;
    int repeatFrom = 0;

private:
    void setBodyWrites(const QList<QByteArray>& pieces);
    int uniformDelay() const;
};

QString fixturePath(const QString& relativePath);

} // namespace juxta::test
