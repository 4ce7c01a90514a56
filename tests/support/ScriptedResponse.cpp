// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScriptedResponse.h"

#include <QFile>

#include <algorithm>

namespace juxta::test {

QString fixturePath(const QString& relativePath)
{
    return QStringLiteral(JUXTA_FIXTURES_DIR "/") + relativePath;
}

ScriptedResponse ScriptedResponse::fromHttpText(const QByteArray& text)
{
    ScriptedResponse r;
    qsizetype pos = 0;
    auto nextLine = [&]() {
        qsizetype nl = text.indexOf('\n', pos);
        if (nl < 0)
            nl = text.size();
        QByteArray line = text.mid(pos, nl - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = nl + 1;
        return line;
    };
    const QByteArray statusLine = nextLine(); // "HTTP/1.1 200 OK"
    const QList<QByteArray> parts = statusLine.split(' ');
    r.status = parts.value(1).toInt();
    r.reason = statusLine.mid(parts.value(0).size() + parts.value(1).size() + 2);
    bool autoLength = false;
    while (pos < text.size()) {
        const QByteArray line = nextLine();
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0 && value == "auto") {
            autoLength = true;
            continue;
        }
        r.headers.append({name, value});
    }
    const QByteArray body = pos < text.size() ? text.mid(pos) : QByteArray();
    r.writes = {{body, 0}};
    if (autoLength)
        r.headers.append({"Content-Length", QByteArray::number(body.size())});
    return r;
}

ScriptedResponse ScriptedResponse::fromFixture(const QString& relativePath)
{
    QFile file(fixturePath(relativePath));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(file.fileName()));
    return fromHttpText(file.readAll());
}

ScriptedResponse ScriptedResponse::json(int status, const QByteArray& body)
{
    ScriptedResponse r;
    r.status = status;
    r.reason = status == 200 ? "OK" : "Error";
    r.headers = {{"Content-Type", "application/json"}, {"Content-Length", QByteArray::number(body.size())}};
    r.writes = {{body, 0}};
    return r;
}

QByteArray ScriptedResponse::body() const
{
    QByteArray all;
    for (const ScriptedWrite& w : writes)
        all += w.bytes;
    return all;
}

bool ScriptedResponse::isChunked() const
{
    return std::any_of(headers.begin(), headers.end(), [](const auto& h) {
        return h.first.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0 && h.second.contains("chunked");
    });
}

int ScriptedResponse::uniformDelay() const
{
    return writes.isEmpty() ? 0 : writes.constLast().delayMs;
}

void ScriptedResponse::setBodyWrites(const QList<QByteArray>& pieces)
{
    const int delay = uniformDelay();
    writes.clear();
    for (const QByteArray& piece : pieces) {
        if (!piece.isEmpty())
            writes.append({piece, delay});
    }
}

ScriptedResponse& ScriptedResponse::splitEvery(int bytes)
{
    const QByteArray all = body();
    QList<QByteArray> pieces;
    for (qsizetype i = 0; i < all.size(); i += bytes)
        pieces.append(all.mid(i, bytes));
    setBodyWrites(pieces);
    return *this;
}

ScriptedResponse& ScriptedResponse::splitAfterEvents()
{
    const QByteArray all = body();
    QList<QByteArray> pieces;
    qsizetype start = 0;
    while (start < all.size()) {
        qsizetype end = all.indexOf("\n\n", start);
        const qsizetype crlf = all.indexOf("\r\n\r\n", start);
        qsizetype len = 2;
        if (crlf >= 0 && (end < 0 || crlf < end))
            end = crlf, len = 4;
        if (end < 0) {
            pieces.append(all.mid(start));
            break;
        }
        pieces.append(all.mid(start, end + len - start));
        start = end + len;
    }
    setBodyWrites(pieces);
    return *this;
}

ScriptedResponse& ScriptedResponse::splitAfterLines()
{
    QList<QByteArray> pieces;
    for (const QByteArray& line : body().split('\n'))
        pieces.append(line + '\n');
    if (!pieces.isEmpty())
        pieces.last().chop(1); // split() adds an empty piece after the final "\n"
    setBodyWrites(pieces);
    return *this;
}

ScriptedResponse& ScriptedResponse::splitAt(const QList<int>& offsets)
{
    const QByteArray all = body();
    QList<QByteArray> pieces;
    qsizetype start = 0;
    for (int offset : offsets) {
        pieces.append(all.mid(start, offset - start));
        start = offset;
    }
    pieces.append(all.mid(start));
    setBodyWrites(pieces);
    return *this;
}

ScriptedResponse& ScriptedResponse::delayEach(int ms)
{
    for (ScriptedWrite& w : writes)
        w.delayMs = ms;
    return *this;
}

ScriptedResponse& ScriptedResponse::delayHeaders(int ms)
{
    headerDelayMs = ms;
    return *this;
}

ScriptedResponse& ScriptedResponse::truncateBodyAt(int bytes)
{
    QList<ScriptedWrite> kept;
    int remaining = bytes;
    for (const ScriptedWrite& w : std::as_const(writes)) {
        if (remaining <= 0)
            break;
        kept.append({w.bytes.left(remaining), w.delayMs});
        remaining -= int(w.bytes.size());
    }
    writes = kept;
    return *this;
}

ScriptedResponse& ScriptedResponse::lineEndings(const QByteArray& eol)
{
    for (ScriptedWrite& w : writes)
        w.bytes.replace("\n", eol);
    for (auto& [name, value] : headers) {
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            value = QByteArray::number(body().size());
    }
    return *this;
}

ScriptedResponse& ScriptedResponse::repeatForever(int fromWrite)
{
    ending = Ending::Repeat;
    repeatFrom = qBound(0, fromWrite, int(writes.size()) - 1);
    return *this;
}

ScriptedResponse& ScriptedResponse::endWith(Ending e)
{
    ending = e;
    return *this;
}

ScriptedResponse& ScriptedResponse::setHeader(const QByteArray& name, const QByteArray& value)
{
    for (auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return *this;
        }
    }
    headers.append({name, value});
    return *this;
}

QByteArray ScriptedResponse::head() const
{
    if (status == 0)
        return {}; // raw mode: the writes are the whole response, not even a status line
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    bool hasConnection = false;
    for (const auto& [name, value] : headers) {
        out += name + ": " + value + "\r\n";
        hasConnection |= name.compare("Connection", Qt::CaseInsensitive) == 0;
    }
    if (!hasConnection && ending != Ending::KeepAlive)
        out += "Connection: close\r\n";
    out += "\r\n";
    return out;
}

} // namespace juxta::test
