// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/ModelListCall.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr int kMaxPages = 50; // a list that never ends is a broken server, not 50,000 models

} // namespace

ModelListCall::ModelListCall(QNetworkAccessManager& network, const Provider& provider, const ProviderProfile& profile,
                             const ApiKey& key, CallOptions options, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_provider(provider)
    , m_call(provider.buildModelListCall(profile, key))
    , m_options(options)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        ProviderError e;
        e.errorClass = ErrorClass::Timeout;
        e.message = u"The model list did not arrive within %1 s"_s.arg(
            (m_options.connectTimeoutMs + m_options.idleTimeoutMs) / 1000.0);
        finishWith(e);
    });
}

ModelListCall::~ModelListCall()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ModelListCall::start()
{
    m_reply = m_network.sendCustomRequest(m_call.request, m_call.verb);
    connect(m_reply, &QNetworkReply::finished, this, &ModelListCall::onReplyFinished);
    m_timeout.start(m_options.connectTimeoutMs + m_options.idleTimeoutMs);
}

void ModelListCall::onReplyFinished()
{
    if (m_done || !m_reply)
        return;
    const QVariant statusAttr = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QByteArray body = m_reply->read(16 * 1024 * 1024);
    if (!statusAttr.isValid()) {
        ProviderError e;
        e.errorClass = m_reply->error() == QNetworkReply::TimeoutError ? ErrorClass::Timeout : ErrorClass::Network;
        e.message = m_reply->errorString();
        finishWith(e);
        return;
    }
    const int status = statusAttr.toInt();
    if (status < 200 || status >= 300) {
        finishWith(m_provider.classifyHttpError(status, m_reply->rawHeaderPairs(), body,
                                                QDateTime::currentDateTimeUtc()));
        return;
    }
    Result<QList<ModelInfo>> parsed = m_provider.parseModelList(body);
    if (!parsed) {
        finishWith(parsed.error());
        return;
    }
    m_models.append(parsed.value());
    const std::optional<QUrl> next = m_provider.nextModelListPage(m_call.request.url(), body);
    if (next && ++m_pages < kMaxPages && next->host() == m_call.request.url().host()) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->deleteLater();
        m_call.request.setUrl(*next);
        m_reply = m_network.sendCustomRequest(m_call.request, m_call.verb);
        connect(m_reply, &QNetworkReply::finished, this, &ModelListCall::onReplyFinished);
        return;
    }
    finishWith(std::nullopt);
}

void ModelListCall::finishWith(std::optional<ProviderError> error)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    m_error = std::move(error);
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        if (m_reply->isRunning())
            m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    emit finished();
}

} // namespace juxta
