// SPDX-License-Identifier: GPL-3.0-or-later
// A scripted HTTP/1.1 server on 127.0.0.1 that replays provider responses byte for byte and records requests.
#pragma once

#include "ScriptedResponse.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace juxta::test {

struct RecordedRequest
{
    QByteArray method;
    QByteArray path; // with the query string
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const; // case-insensitive; null when absent
    QJsonObject json() const;                     // the body parsed as a JSON object (empty if it is not one)
};

class FakeProviderServer final : public QObject
{
    Q_OBJECT

public:
    explicit FakeProviderServer(QObject* parent = nullptr);
    ~FakeProviderServer() override;

    bool listen(); // 127.0.0.1, a random free port
    quint16 port() const;
    QUrl baseUrl(const QString& path = QStringLiteral("/v1")) const;

    // Responses are served in order, one per request. With none left the server answers 599 "not scripted".
    void enqueue(const ScriptedResponse& response);
    // Alternatively a function picks the response for each request (e.g. by the model named in the body);
    // it is asked only when the queue is empty.
    using Responder = std::function<ScriptedResponse(const RecordedRequest&)>;
    void setResponder(Responder responder) { m_responder = std::move(responder); }
    const QList<RecordedRequest>& requests() const { return m_requests; }
    int openConnections() const { return int(m_connections.size()); }
    // Requests whose response has not ended yet, and the most there were at once since the last resetPeak().
    int inFlight() const;
    int peakInFlight() const { return m_peakInFlight; }
    void resetPeak() { m_peakInFlight = 0; }

signals:
    void requestReceived(int index);
    void responseWritten(); // the last byte of a response is written (a stalled one never is)

private:
    struct Connection
    {
        QByteArray buffer;
        bool responding = false;
        int generation = 0; // bumps per response so stale timers of a previous response do nothing
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void respond(QTcpSocket* socket, const ScriptedResponse& response);
    void writeBody(QTcpSocket* socket, ScriptedResponse response, int index, int generation);
    void finishResponse(QTcpSocket* socket, const ScriptedResponse& response);

    QTcpServer* m_server = nullptr;
    QList<ScriptedResponse> m_queue;
    Responder m_responder;
    QList<RecordedRequest> m_requests;
    QHash<QTcpSocket*, Connection> m_connections;
    int m_peakInFlight = 0;
};

} // namespace juxta::test
