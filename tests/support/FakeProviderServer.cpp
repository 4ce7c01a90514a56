// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeProviderServer.h"

#include <algorithm>

#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace juxta::test {

QByteArray RecordedRequest::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject RecordedRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

FakeProviderServer::FakeProviderServer(QObject* parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeProviderServer::onNewConnection);
}

FakeProviderServer::~FakeProviderServer()
{
    for (QTcpSocket* socket : m_connections.keys()) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
}

bool FakeProviderServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 FakeProviderServer::port() const
{
    return m_server->serverPort();
}

QUrl FakeProviderServer::baseUrl(const QString& path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    url.setPath(path);
    return url;
}

void FakeProviderServer::enqueue(const ScriptedResponse& response)
{
    m_queue.append(response);
}

int FakeProviderServer::inFlight() const
{
    return int(std::count_if(m_connections.cbegin(), m_connections.cend(),
                             [](const Connection& c) { return c.responding; }));
}

void FakeProviderServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        socket->setParent(nullptr); // owned by m_connections
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); // each write leaves at once, like a flush
        m_connections.insert(socket, Connection{});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeProviderServer::onReadyRead(QTcpSocket* socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->buffer += socket->readAll();
    while (!it->responding) {
        const qsizetype headerEnd = it->buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        RecordedRequest request;
        const QList<QByteArray> lines = it->buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.path = requestLine.value(1);
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                contentLength = value.toLongLong();
        }
        const qsizetype total = headerEnd + 4 + contentLength;
        if (it->buffer.size() < total)
            return;
        request.body = it->buffer.mid(headerEnd + 4, contentLength);
        it->buffer.remove(0, total);
        m_requests.append(request);
        it->responding = true;
        ScriptedResponse response = !m_queue.isEmpty() ? m_queue.takeFirst()
                                  : m_responder  ? m_responder(request)
                                                 : ScriptedResponse::json(599, R"({"error":{"message":"not scripted"}})");
        m_peakInFlight = std::max(m_peakInFlight, inFlight());
        emit requestReceived(int(m_requests.size() - 1));
        respond(socket, response);
        it = m_connections.find(socket);
        if (it == m_connections.end())
            return;
    }
}

void FakeProviderServer::respond(QTcpSocket* socket, const ScriptedResponse& response)
{
    const int generation = ++m_connections[socket].generation;
    QTimer::singleShot(response.headerDelayMs, socket, [this, socket, response, generation] {
        if (!m_connections.contains(socket) || m_connections[socket].generation != generation)
            return;
        socket->write(response.head());
        writeBody(socket, response, 0, generation);
    });
}

void FakeProviderServer::writeBody(QTcpSocket* socket, ScriptedResponse response, int index, int generation)
{
    // Writes with no delay go out back to back; a delay hands control back to the event loop.
    while (index < response.writes.size()) {
        const ScriptedWrite& w = response.writes.at(index); // at(): no detach, so no copy of every write
        if (w.delayMs > 0) {
            QTimer::singleShot(w.delayMs, socket, [this, socket, response, index, generation] {
                if (!m_connections.contains(socket) || m_connections[socket].generation != generation)
                    return;
                const ScriptedWrite& delayed = response.writes.at(index);
                socket->write(response.isChunked() ? QByteArray::number(delayed.bytes.size(), 16) + "\r\n"
                                                         + delayed.bytes + "\r\n"
                                                   : delayed.bytes);
                writeBody(socket, response, index + 1, generation);
            });
            return;
        }
        socket->write(response.isChunked() ? QByteArray::number(w.bytes.size(), 16) + "\r\n" + w.bytes + "\r\n"
                                           : w.bytes);
        ++index;
    }
    finishResponse(socket, response);
}

void FakeProviderServer::finishResponse(QTcpSocket* socket, const ScriptedResponse& response)
{
    switch (response.ending) {
    case ScriptedResponse::Ending::Close:
        if (response.isChunked())
            socket->write("0\r\n\r\n");
        socket->disconnectFromHost(); // flushes what is buffered, then FIN
        break;
    case ScriptedResponse::Ending::KeepAlive:
        if (response.isChunked())
            socket->write("0\r\n\r\n");
        m_connections[socket].responding = false;
        QTimer::singleShot(0, socket, [this, socket] { onReadyRead(socket); }); // a pipelined next request
        break;
    case ScriptedResponse::Ending::Abort:
        socket->flush();
        socket->disconnectFromHost(); // no terminator: the client sees the body cut short
        break;
    case ScriptedResponse::Ending::Stall:
        return; // keep the connection open and silent until the client gives up
    case ScriptedResponse::Ending::Repeat: {
        // Again from repeatFrom after a turn of the event loop, and only once the client has taken most of what
        // was written: the stream never ends, but the server's own buffer stays small.
        const int generation = m_connections.value(socket).generation;
        const int delay = socket->bytesToWrite() > 256 * 1024 ? 5 : 0;
        QTimer::singleShot(delay, socket, [this, socket, response, generation] {
            if (!m_connections.contains(socket) || m_connections[socket].generation != generation)
                return;
            if (socket->state() != QAbstractSocket::ConnectedState)
                return;
            if (socket->bytesToWrite() > 256 * 1024) {
                finishResponse(socket, response); // still full: wait another turn
                return;
            }
            writeBody(socket, response, response.repeatFrom, generation);
        });
        return;
    }
    }
    emit responseWritten();
}

} // namespace juxta::test
