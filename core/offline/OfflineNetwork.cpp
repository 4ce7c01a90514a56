// SPDX-License-Identifier: GPL-3.0-or-later
#include "offline/OfflineNetwork.h"

#include "offline/EchoResponder.h"
#include "offline/ScriptedAnswers.h"
#include "offline/ScriptedResponder.h"

#include "common/PoolFuture.h"

#include <QFile>
#include <QThreadPool>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace juxta {

namespace {

// Never deleted: requests may still be planned while the process winds down; an idle thread expires on its own.
QThreadPool& planner()
{
    static QThreadPool* pool = [] {
        auto* p = new QThreadPool;
        p->setMaxThreadCount(1);
        p->setExpiryTimeout(5000);
        return p;
    }();
    return *pool;
}

} // namespace

QFuture<OfflinePlan> planOffThread(std::function<OfflinePlan()> plan)
{
    return runInPool(planner(), std::move(plan));
}

bool isOfflineUrl(const QUrl& baseUrl)
{
    return baseUrl.scheme() == QLatin1StringView(kOfflineScheme);
}

QStringList builtInOfflineModels(const QUrl& baseUrl)
{
    if (!isOfflineUrl(baseUrl))
        return {};
    if (baseUrl.host() == u"echo"_s)
        return echoModels();
    if (baseUrl.host() == u"scripted"_s && QUrlQuery(baseUrl).queryItemValue(u"script"_s) == u"demo"_s
        && QUrlQuery(baseUrl).queryItemValue(u"file"_s).isEmpty()) {
        static const QStringList demoModels = [] { // compiled in: read from memory, not disk, and only once
            QFile demo(QString::fromLatin1(kDemoScriptResource));
            QString error;
            const auto script = demo.open(QIODevice::ReadOnly)
                                    ? parseScriptedAnswers(demo.readAll(), OfflinePace(), &error)
                                    : std::nullopt;
            return script ? script->models() : QStringList();
        }();
        return demoModels;
    }
    return {};
}

OfflineNetworkAccessManager::OfflineNetworkAccessManager(QObject* parent)
    : QNetworkAccessManager(parent)
{
    m_responders.insert(u"echo"_s, [](const QNetworkRequest& request, const QByteArray& body) {
        // Echo needs no order and no file: any worker, so a script stuck on a slow disk never holds it up.
        return runInPool<OfflinePlan>(*QThreadPool::globalInstance(), [request, body] { return echoPlan(request, body); });
    });
    m_responders.insert(u"scripted"_s, [](const QNetworkRequest& request, const QByteArray& body) {
        return planOffThread([url = request.url(), body] { return scriptedPlanNow(url, body); });
    });
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
    QFuture<OfflinePlan> plan =
        responder ? responder(request, body)
                  : QtFuture::makeReadyFuture(offlinePlanError(
                        404, "Not Found", u"No offline provider named %1"_s.arg(request.url().host())));
    return new OfflineReply(request, operation, std::move(plan), this);
}

} // namespace juxta
