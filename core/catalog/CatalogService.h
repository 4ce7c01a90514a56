// SPDX-License-Identifier: GPL-3.0-or-later
// Keeps the model catalog fresh for the GUI: loads the cached lists at start, and fetches a profile's list on
// request (key from the environment or the key store, never blocking the caller), caching what arrives.
#pragma once

#include "catalog/DiscoveryCache.h"
#include "catalog/ModelCatalog.h"
#include "keys/SecretStore.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace juxta {

class CatalogService final : public QObject
{
    Q_OBJECT

public:
    CatalogService(const AppConfig& config, SecretStore& secrets, QNetworkAccessManager& network,
                   DiscoveryCache cache = DiscoveryCache(), QObject* parent = nullptr);

    ModelCatalog& catalog() { return m_catalog; }
    const ModelCatalog& catalog() const { return m_catalog; }

    void loadCachedLists();
    // Fetches `profile`'s model list. With `key` given it is used as is (the Providers dialog's "Test" with a key
    // not yet saved); otherwise the key is resolved like for any request.
    void refresh(const ProviderProfile& profile, std::optional<ApiKey> key = std::nullopt);
    bool isRefreshing(const QString& profileId) const { return m_inFlight.contains(profileId); }

signals:
    // `error` empty on success; then `modelCount` models were listed and the catalog holds them.
    void refreshed(const QString& profileId, const QString& error, int modelCount);

private:
    void fetch(const ProviderProfile& profile, const ApiKey& key);

    const AppConfig& m_config;
    SecretStore& m_secrets;
    QNetworkAccessManager& m_network;
    DiscoveryCache m_cache;
    ModelCatalog m_catalog;
    QSet<QString> m_inFlight;
};

} // namespace juxta
