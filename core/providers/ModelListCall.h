// SPDX-License-Identifier: GPL-3.0-or-later
// One model-list request in flight (GET {base}/models for OpenAI-compatible servers), following the
// dialect's pagination until the last page. Each page is read as it arrives and refused past kMaxPageBytes, so a
// server that sends without end costs no more memory than that.
#pragma once

#include "providers/Provider.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace juxta {

class ModelListCall final : public QObject
{
    Q_OBJECT

public:
    ModelListCall(QNetworkAccessManager& network, const Provider& provider, const ProviderProfile& profile,
                  const ApiKey& key, CallOptions options, QObject* parent = nullptr);
    ~ModelListCall() override;

    static constexpr qsizetype kMaxPageBytes = 16 * 1024 * 1024;

    void start();
    const QList<ModelInfo>& models() const { return m_models; }
    const std::optional<ProviderError>& error() const { return m_error; }

signals:
    void finished();

private:
    void send();
    void onReadyRead();
    bool take(); // moves what arrived into m_body; false (and finished) once it is too large
    void onReplyFinished();
    void finishWith(std::optional<ProviderError> error);

    QNetworkAccessManager& m_network;
    const Provider& m_provider;
    HttpCall m_call;
    ApiKey m_key; // only to keep it out of error text the server quotes back
    CallOptions m_options;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QByteArray m_body; // the page so far
    QList<ModelInfo> m_models;
    std::optional<ProviderError> m_error;
    int m_pages = 0;
    bool m_done = false;
};

} // namespace juxta
