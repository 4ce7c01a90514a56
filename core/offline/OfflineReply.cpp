// SPDX-License-Identifier: GPL-3.0-or-later
#include "offline/OfflineReply.h"

#include "offline/OfflineAnswerPlan.h"

#include <cstring>
#include <limits>

namespace juxta {
namespace {

// The error QNetworkAccessManager gives an HTTP status (QNetworkReplyHttpImpl's table).
QNetworkReply::NetworkError httpErrorCode(int status)
{
    switch (status) {
    case 400: return QNetworkReply::ProtocolInvalidOperationError;
    case 401: return QNetworkReply::AuthenticationRequiredError;
    case 403: return QNetworkReply::ContentAccessDenied;
    case 404: return QNetworkReply::ContentNotFoundError;
    case 405: return QNetworkReply::ContentOperationNotPermittedError;
    case 407: return QNetworkReply::ProxyAuthenticationRequiredError;
    case 409: return QNetworkReply::ContentConflictError;
    case 410: return QNetworkReply::ContentGoneError;
    case 418: return QNetworkReply::ProtocolInvalidOperationError;
    case 500: return QNetworkReply::InternalServerError;
    case 501: return QNetworkReply::OperationNotImplementedError;
    case 503: return QNetworkReply::ServiceUnavailableError;
    default: return status >= 500 ? QNetworkReply::UnknownServerError : QNetworkReply::UnknownContentError;
    }
}

} // namespace

OfflineReply::OfflineReply(const QNetworkRequest& request, QNetworkAccessManager::Operation operation,
                           QFuture<OfflinePlan> plan, QObject* parent)
    : QNetworkReply(parent)
{
    setRequest(request);
    setUrl(request.url());
    setOperation(operation);
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    // Nothing is emitted before the caller has connected to the reply.
    QTimer::singleShot(0, this, [this, plan = std::move(plan)] {
        if (m_done)
            return;
        emit requestSent();
        // The watcher reports on this thread, later, even for a plan that is ready now; a reply deleted first
        // takes its watcher along, so a late plan finds nobody.
        connect(&m_planning, &QFutureWatcherBase::finished, this, [this] {
            if (m_planning.future().resultCount() > 0)
                play(m_planning.result());
            else
                play(offlinePlanError(500, "Internal Server Error", tr("The offline provider gave no answer")));
        });
        m_planning.setFuture(plan);
    });
}

void OfflineReply::play(OfflinePlan plan)
{
    if (m_done)
        return;
    m_plan = std::move(plan);
    connect(&m_timer, &QTimer::timeout, this, &OfflineReply::sendHead, Qt::SingleShotConnection);
    m_timer.start(m_plan.headDelayMs);
}

void OfflineReply::sendHead()
{
    if (m_done)
        return;
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_plan.status);
    setAttribute(QNetworkRequest::HttpReasonPhraseAttribute, m_plan.reason);
    for (const auto& [name, value] : std::as_const(m_plan.headers))
        setRawHeader(name, value);
    emit metaDataChanged();
    connect(&m_timer, &QTimer::timeout, this, &OfflineReply::sendNext);
    m_sinceHead.start();
    m_dueMs = 0;
    scheduleNext();
}

void OfflineReply::scheduleNext()
{
    if (m_next >= m_plan.body.size()) {
        end();
        return;
    }
    const qint64 due = m_dueMs + m_plan.body.at(m_next).delayMs;
    m_timer.start(int(qBound(qint64(0), due - m_sinceHead.elapsed(), qint64(std::numeric_limits<int>::max()))));
}

void OfflineReply::sendNext()
{
    if (m_done)
        return;
    // Every piece that is due goes out together, as one socket read would carry them, up to a read's size: a
    // huge answer arrives in reads, with the event loop turning in between, not as one block.
    constexpr qsizetype kReadSize = 16 * 1024;
    const qint64 now = m_sinceHead.elapsed();
    qsizetype sent = 0;
    do {
        m_dueMs += m_plan.body.at(m_next).delayMs;
        m_buffer += m_plan.body.at(m_next).bytes;
        sent += m_plan.body.at(m_next).bytes.size();
        ++m_next;
    } while (m_next < m_plan.body.size() && m_dueMs + m_plan.body.at(m_next).delayMs <= now && sent < kReadSize);
    emit readyRead();
    if (!m_done)
        scheduleNext();
}

void OfflineReply::end()
{
    if (m_done)
        return;
    switch (m_plan.ending) {
    case OfflinePlan::Ending::Stall:
        return; // the caller's idle timeout decides
    case OfflinePlan::Ending::Cut:
        m_done = true;
        setError(QNetworkReply::RemoteHostClosedError, tr("Connection closed by the (offline) server"));
        emit errorOccurred(QNetworkReply::RemoteHostClosedError);
        break;
    case OfflinePlan::Ending::Finish:
        m_done = true;
        if (m_plan.status >= 400) { // as QNetworkAccessManager reports an HTTP error: the code, then finished
            const QNetworkReply::NetworkError code = httpErrorCode(m_plan.status);
            setError(code, QString::fromLatin1(m_plan.reason));
            emit errorOccurred(code);
        }
        break;
    }
    setFinished(true);
    emit finished();
}

void OfflineReply::abort()
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    setError(QNetworkReply::OperationCanceledError, tr("Operation canceled"));
    emit errorOccurred(QNetworkReply::OperationCanceledError);
    setFinished(true);
    emit finished();
}

qint64 OfflineReply::bytesAvailable() const
{
    return m_buffer.size() + QNetworkReply::bytesAvailable();
}

qint64 OfflineReply::readData(char* data, qint64 maxSize)
{
    const qint64 n = qMin<qint64>(maxSize, m_buffer.size());
    std::memcpy(data, m_buffer.constData(), size_t(n));
    m_buffer.remove(0, n);
    return n;
}

} // namespace juxta
