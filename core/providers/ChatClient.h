// SPDX-License-Identifier: GPL-3.0-or-later
// Creates calls on an injected network manager and clock; the one entry point callers use for providers.
#pragma once

#include "providers/ChatCall.h"
#include "providers/ModelListCall.h"

#include <QObject>

class QNetworkAccessManager;

namespace juxta {

class MonotonicClock;

class ChatClient final : public QObject
{
    Q_OBJECT

public:
    ChatClient(QNetworkAccessManager& network, const MonotonicClock& clock, QObject* parent = nullptr);

    // A started call owned by `owner` (the client when null), or nullptr with `why` set when the profile's
    // dialect has no provider in this build.
    ChatCall* startChat(const ChatRequest& request, const ProviderProfile& profile, const ApiKey& key,
                        const CallOptions& options = {}, QObject* owner = nullptr, QString* why = nullptr);
    ModelListCall* listModels(const ProviderProfile& profile, const ApiKey& key, const CallOptions& options = {},
                              QObject* owner = nullptr, QString* why = nullptr);

private:
    QNetworkAccessManager& m_network;
    const MonotonicClock& m_clock;
};

} // namespace juxta
