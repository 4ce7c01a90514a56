// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/ModelListCall.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <utility>

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
    , m_key(key)
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
    send();
    m_timeout.start(m_options.connectTimeoutMs + m_options.idleTimeoutMs);
}

void ModelListCall::send()
{
    m_body.clear();
    m_reply = m_network.sendCustomRequest(m_call.request, m_call.verb);
    connect(m_reply, &QNetworkReply::readyRead, this, &ModelListCall::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ModelListCall::onReplyFinished);
}

void ModelListCall::onReadyRead()
{
    if (!m_done && m_reply)
        take();
}

bool ModelListCall::take()
{
    const qint64 available = m_reply->bytesAvailable();
    if (m_body.size() + available > kMaxPageBytes) {
        ProviderError e;
        e.errorClass = ErrorClass::Malformed;
        e.message = u"The model list is larger than %1 MiB: this does not look like a model list"_s.arg(
            kMaxPageBytes / (1024 * 1024));
        finishWith(e);
        return false;
    }
    m_body += m_reply->readAll();
    return true;
}

void ModelListCall::onReplyFinished()
{
    if (m_done || !m_reply)
        return;
    if (!take())
        return;
    const QVariant statusAttr = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QByteArray body = std::exchange(m_body, {});
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
        send();
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
    if (m_error) // shown in the Providers dialog and `juxta models`: no key quoted back by the server
        m_error->message = m_key.redact(m_error->message);
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
