// SPDX-License-Identifier: GPL-3.0-or-later
// The network access manager Juxta uses everywhere. Requests to juxta-offline://<provider>/… never touch a socket:
// the built-in offline provider of that name plans the reply (status, headers, timed body) and an OfflineReply plays
// it. Everything else goes out as usual. Plans are made on one worker thread (a long prompt makes a long plan, and
// the scripted provider reads a file), in the order requests were made; the reply plays the plan when it is ready,
// so the caller's thread never waits.
#pragma once

#include "offline/OfflineReply.h"

#include <QFuture>
#include <QNetworkAccessManager>
#include <functional>

namespace juxta {

inline constexpr auto kOfflineScheme = "juxta-offline";

// A built-in offline provider's address: answered inside Juxta, free by definition, labelled "offline" everywhere.
bool isOfflineUrl(const QUrl& baseUrl);
// Runs `plan` on the scripted provider's worker thread (one thread: plans are made in the order asked for, so
// answers "in turn" follow the order of the requests).
QFuture<OfflinePlan> planOffThread(std::function<OfflinePlan()> plan);

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
