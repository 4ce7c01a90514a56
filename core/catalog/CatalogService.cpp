// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/CatalogService.h"

#include "config/ProviderPresets.h"
#include "keys/KeyResolver.h"
#include "providers/ModelListCall.h"

using namespace Qt::StringLiterals;

namespace juxta {

CatalogService::CatalogService(const AppConfig& config, SecretStore& secrets, QNetworkAccessManager& network,
                               DiscoveryCache cache, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_secrets(secrets)
    , m_network(network)
    , m_cache(std::move(cache))
    , m_catalog(config)
{
}

void CatalogService::loadCachedLists()
{
    m_catalog.loadCachedLists(m_cache);
}

void CatalogService::refresh(const ProviderProfile& profile, std::optional<ApiKey> key)
{
    if (m_inFlight.contains(profile.id))
        return;
    m_inFlight.insert(profile.id);
    if (key) {
        fetch(profile, *key);
        return;
    }
    QPointer<CatalogService> self(this);
    resolveKey(m_secrets, profile, {}, [self, profile](const ResolvedKey& resolved) {
        if (self)
            self->fetch(profile, resolved.key); // a store failure just means "no key": the server will say
    });
}

void CatalogService::fetch(const ProviderProfile& profile, const ApiKey& key)
{
    const Provider* provider = providerFor(profile.dialect);
    if (!provider) {
        m_inFlight.remove(profile.id);
        emit refreshed(profile.id, unsupportedDialect(profile.dialect).summary(), 0);
        return;
    }
    CallOptions options;
    options.connectTimeoutMs = 15'000;
    options.idleTimeoutMs = 20'000;
    auto* call = new ModelListCall(m_network, *provider, profile, key, options, this);
    connect(call, &ModelListCall::finished, this, [this, call, profile] {
        call->deleteLater();
        m_inFlight.remove(profile.id);
        if (call->error()) {
            emit refreshed(profile.id, call->error()->summary(), 0);
            return;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_cache.store(profile, call->models(), now);
        m_catalog.setListed(profile, call->models(), now);
        emit refreshed(profile.id, QString(), int(call->models().size()));
    });
    call->start();
}

} // namespace juxta
