// SPDX-License-Identifier: GPL-3.0-or-later
// The network access manager Juxta uses everywhere. Requests to juxta-offline://<provider>/… never touch a socket:
// the built-in offline provider of that name plans the reply (status, headers, timed body) and an OfflineReply plays
// it. Everything else goes out as usual. A provider whose plan needs file I/O (the scripted one) plans on a worker
// thread and hands the reply a future, so the caller's thread never waits.
#pragma once

#include "offline/OfflineReply.h"

#include <QFuture>
#include <QNetworkAccessManager>
#include <functional>

namespace juxta {

inline constexpr auto kOfflineScheme = "juxta-offline";

// A built-in offline provider's address: answered inside Juxta, free by definition, labelled "offline" everywhere.
bool isOfflineUrl(const QUrl& baseUrl);
// The models an offline provider answers as without asking it (echo's, the demo script's); a user's script file
// is only read when its list is refreshed, off the caller's thread.
QStringList builtInOfflineModels(const QUrl& baseUrl);

class OfflineNetworkAccessManager final : public QNetworkAccessManager
{
    Q_OBJECT

public:
    // Plans the reply to a request of an offline provider; `body` is what was posted.
    using Responder = std::function<QFuture<OfflinePlan>(const QNetworkRequest& request, const QByteArray& body)>;

    explicit OfflineNetworkAccessManager(QObject* parent = nullptr);
    void setResponder(const QString& host, Responder responder); // the built-in ones are set already

protected:
    QNetworkReply* createRequest(Operation operation, const QNetworkRequest& request,
                                 QIODevice* outgoingData) override;

private:
    QHash<QString, Responder> m_responders;
};

} // namespace juxta
