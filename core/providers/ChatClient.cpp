// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/ChatClient.h"

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

const Provider* lookup(const ProviderProfile& profile, QString* why)
{
    const Provider* provider = providerFor(profile.dialect);
    if (!provider && why)
        *why = unsupportedDialect(profile.dialect).message;
    return provider;
}

} // namespace

ChatClient::ChatClient(QNetworkAccessManager& network, const MonotonicClock& clock, QObject* parent)
    : QObject(parent), m_network(network), m_clock(clock)
{
}

ChatCall* ChatClient::startChat(const ChatRequest& request, const ProviderProfile& profile, const ApiKey& key,
                                const CallOptions& options, QObject* owner, QString* why)
{
    const Provider* provider = lookup(profile, why);
    if (!provider)
        return nullptr;
    auto* call = new ChatCall(m_network, m_clock, *provider, request, profile, key, options, owner ? owner : this);
    call->start();
    return call;
}

ModelListCall* ChatClient::listModels(const ProviderProfile& profile, const ApiKey& key, const CallOptions& options,
                                      QObject* owner, QString* why)
{
    const Provider* provider = lookup(profile, why);
    if (!provider)
        return nullptr;
    auto* call = new ModelListCall(m_network, *provider, profile, key, options, owner ? owner : this);
    call->start();
    return call;
}

} // namespace juxta
