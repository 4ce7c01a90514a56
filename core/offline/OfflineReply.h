// SPDX-License-Identifier: GPL-3.0-or-later
// A network reply played from a plan instead of a socket: a status line, headers, body pieces at set times, and how
// it ends (normally, with the connection cut, or stalled). Built-in offline providers answer through it, so their
// answers travel the same path as a real server's bytes: ChatCall, the stream decoders, retries and fallback.
#pragma once

#include <QByteArray>
#include <QFutureWatcher>
#include <QList>
#include <QNetworkReply>
#include <QElapsedTimer>
#include <QTimer>

namespace juxta {

struct OfflinePiece
{
    QByteArray bytes;
    int delayMs = 0; // wait before this piece
};

struct OfflinePlan
{
    enum class Ending { Finish, Cut, Stall };
    int status = 200;
    QByteArray reason = "OK";
    QList<QPair<QByteArray, QByteArray>> headers;
    int headDelayMs = 0;      // before the status line (a server thinking)
    QList<OfflinePiece> body;
    Ending ending = Ending::Finish;
};

class OfflineReply final : public QNetworkReply
{
    Q_OBJECT

public:
    // Plays `plan` once it is ready (a provider may plan on a worker thread); until then the request is "sent".
    OfflineReply(const QNetworkRequest& request, QNetworkAccessManager::Operation operation,
                 QFuture<OfflinePlan> plan, QObject* parent = nullptr);

    void abort() override;
    qint64 bytesAvailable() const override;
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char* data, qint64 maxSize) override;

private:
    void play(OfflinePlan plan);
    void sendHead();
    void scheduleNext();
    void sendNext();
    void end();

    QFutureWatcher<OfflinePlan> m_planning;
    OfflinePlan m_plan;
    QByteArray m_buffer;
    qsizetype m_next = 0;
    QTimer m_timer;
    QElapsedTimer m_sinceHead; // pieces are due at the sum of their delays since the head, so timer latency
    qint64 m_dueMs = 0;        // does not add up over thousands of pieces
    bool m_done = false;
};

} // namespace juxta
