// SPDX-License-Identifier: GPL-3.0-or-later
// The network access manager Juxta uses everywhere. Requests to juxta-offline://<provider>/… never touch a socket:
// the built-in offline provider of that name plans the reply (status, headers, timed body) and an OfflineReply plays
// it. Everything else goes out as usual.
#pragma once

#include "offline/OfflineReply.h"

#include <QNetworkAccessManager>
#include <functional>

namespace juxta {

inline constexpr auto kOfflineScheme = "juxta-offline";

class OfflineNetworkAccessManager final : public QNetworkAccessManager
{
    Q_OBJECT

public:
    // Plans the reply to a request of an offline provider; `body` is what was posted.
    using Responder = std::function<OfflinePlan(const QNetworkRequest& request, const QByteArray& body)>;

    explicit OfflineNetworkAccessManager(QObject* parent = nullptr);
    void setResponder(const QString& host, Responder responder); // the built-in ones are set already

protected:
    QNetworkReply* createRequest(Operation operation, const QNetworkRequest& request,
                                 QIODevice* outgoingData) override;

private:
    QHash<QString, Responder> m_responders;
};

// An OpenAI-style error reply: {"error": {"message", "type", "code"}} with the status.
OfflinePlan offlinePlanError(int status, const QByteArray& reason, const QString& message);

} // namespace juxta
