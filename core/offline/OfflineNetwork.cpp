// SPDX-License-Identifier: GPL-3.0-or-later
#include "offline/OfflineNetwork.h"

#include "offline/EchoResponder.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace juxta {

OfflinePlan offlinePlanError(int status, const QByteArray& reason, const QString& message)
{
    OfflinePlan plan;
    plan.status = status;
    plan.reason = reason;
    plan.headers = {{"Content-Type", "application/json"}};
    const QJsonObject error{{u"error"_s, QJsonObject{{u"message"_s, message},
                                                   {u"type"_s, u"invalid_request_error"_s}}}};
    plan.body = {{QJsonDocument(error).toJson(QJsonDocument::Compact), 0}};
    return plan;
}

OfflineNetworkAccessManager::OfflineNetworkAccessManager(QObject* parent)
    : QNetworkAccessManager(parent)
{
    m_responders.insert(u"echo"_s, &echoPlan);
}

void OfflineNetworkAccessManager::setResponder(const QString& host, Responder responder)
{
    m_responders.insert(host.toLower(), std::move(responder));
}

QNetworkReply* OfflineNetworkAccessManager::createRequest(Operation operation, const QNetworkRequest& request,
                                                          QIODevice* outgoingData)
{
    if (request.url().scheme() != QLatin1StringView(kOfflineScheme))
        return QNetworkAccessManager::createRequest(operation, request, outgoingData);
    // The posted body is in memory (a QBuffer around the request's bytes): reading it does no I/O.
    const QByteArray body = outgoingData ? outgoingData->readAll() : QByteArray();
    const Responder responder = m_responders.value(request.url().host().toLower());
    OfflinePlan plan = responder ? responder(request, body)
                                 : offlinePlanError(404, "Not Found",
                                                    u"No offline provider named %1"_s.arg(request.url().host()));
    return new OfflineReply(request, operation, std::move(plan), this);
}

} // namespace juxta
