// SPDX-License-Identifier: GPL-3.0-or-later
// What Juxta knows about each model of each profile: context window, output limit, capabilities and price,
// merged from the bundled catalog (resources/catalog/models.json), the server's own list, OpenRouter's
// published figures and the user's overrides — later sources winning, field by field.
#pragma once

#include "catalog/DiscoveryCache.h"
#include "catalog/ModelRef.h"
#include "config/AppConfig.h"
#include "providers/ModelInfo.h"

#include <QDateTime>
#include <QHash>
#include <QList>

namespace juxta {

struct BundledModel
{
    QString preset; // catalog key: a preset id
    QString id;
    QString name;
    std::optional<qint64> contextWindow;
    std::optional<qint64> maxOutputTokens;
    bool reasoning = false;
    bool vision = false;
    std::optional<ModelPrice> price;
    QString asOf;
    QString source;
};

// The catalog compiled into the binary; parse errors there are a build defect caught by the tests.
const QList<BundledModel>& bundledCatalog();
QList<BundledModel> parseBundledCatalog(const QByteArray& json, QString* error);

struct CatalogEntry
{
    QString profileId;
    QString modelId;
    QString displayName;
    std::optional<qint64> contextWindow;
    std::optional<qint64> maxOutputTokens;
    bool reasoning = false;
    bool vision = false;
    std::optional<ModelPrice> price; // nullopt: "price unknown", never $0
    PriceSource priceSource = PriceSource::Unknown;
    QString priceAsOf;   // the date the figures were taken
    bool listed = false; // the server's own list includes it

    QString reference() const { return ModelRef{profileId, modelId}.toString(); }
};

class ModelCatalog
{
public:
    // `config` supplies price overrides and must outlive the catalog.
    explicit ModelCatalog(const AppConfig& config);

    // A server's list for `profile`. An OpenRouter profile's figures also fill in prices for the same models
    // reached directly (OpenRouter's "mistralai/mistral-large" prices "mistral/mistral-large").
    void setListed(const ProviderProfile& profile, const QList<ModelInfo>& models, const QDateTime& fetchedAt);
    bool hasList(const QString& profileId) const { return m_listed.contains(profileId); }
    // The cached lists of every configured profile, and OpenRouter's even when it is not configured (its
    // published prices help the direct profiles too).
    void loadCachedLists(const DiscoveryCache& cache);

    CatalogEntry entry(const ProviderProfile& profile, const QString& modelId) const;
    // The server's list when known, else the bundled models of the profile's preset.
    QList<CatalogEntry> entries(const ProviderProfile& profile) const;

private:
    const AppConfig& m_config;
    QHash<QString, QList<ModelInfo>> m_listed; // by profile id
    QHash<QString, QDateTime> m_fetchedAt;     // by profile id
    QHash<QString, ModelInfo> m_openRouter;    // by OpenRouter model id
    QDateTime m_openRouterFetchedAt;
};

} // namespace juxta
