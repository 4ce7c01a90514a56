// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/ModelCatalog.h"

#include "offline/OfflineNetwork.h"

#include "common/JsonAccess.h"
#include "pricing/ModelPriceJson.h"
#include "config/ProviderPresets.h"
#include "config/TransportPolicy.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

using json::Json;

QString catalogKeyOf(const ProviderProfile& profile)
{
    const ProviderPreset* preset = findPreset(profile.presetId);
    return preset ? preset->catalogKey : QString();
}

bool isSelfHosted(const ProviderProfile& profile)
{
    const ProviderPreset* preset = findPreset(profile.presetId);
    return preset && preset->selfHosted && isLocalOrPrivateHost(profile.baseUrl.host());
}

const BundledModel* findBundled(const QString& key, const QString& modelId)
{
    if (key.isEmpty())
        return nullptr;
    for (const BundledModel& m : bundledCatalog()) {
        if (m.preset == key && m.id == modelId)
            return &m;
    }
    return nullptr;
}

// OpenRouter's figures over the bundled ones, field by field: its current base prices win, while what its list
// cannot express (long-context tiers, a thinking-mode price, cache prices it leaves out) stays from the catalog.
void overlayPrice(CatalogEntry& e, const ModelPrice& newer, const QString& asOf)
{
    if (!e.price || e.price->currency != newer.currency) {
        e.price = newer;
    } else {
        TierPrice& base = e.price->base;
        base.input = newer.base.input;
        base.output = newer.base.output;
        if (newer.base.cachedInput)
            base.cachedInput = newer.base.cachedInput;
        if (newer.base.cacheWrite)
            base.cacheWrite = newer.base.cacheWrite;
        if (newer.base.thinkingOutput)
            base.thinkingOutput = newer.base.thinkingOutput;
        if (newer.base.reasoningOutput)
            base.reasoningOutput = newer.base.reasoningOutput;
        if (!newer.tiers.isEmpty())
            e.price->tiers = newer.tiers;
    }
    e.priceSource = PriceSource::OpenRouter;
    e.priceAsOf = asOf;
}

void overlay(CatalogEntry& e, const ModelInfo& info)
{
    if (!info.displayName.isEmpty())
        e.displayName = info.displayName;
    if (info.contextWindow)
        e.contextWindow = info.contextWindow;
    if (info.maxOutputTokens)
        e.maxOutputTokens = info.maxOutputTokens;
    if (info.reasoning)
        e.reasoning = *info.reasoning;
    if (info.vision)
        e.vision = *info.vision;
}

} // namespace

QList<BundledModel> parseBundledCatalog(const QByteArray& text, QString* error)
{
    QList<BundledModel> out;
    const Json parsed = json::parse(text);
    const Json* models = json::member(parsed, "models");
    if (!models || !models->is_array()) {
        if (error)
            *error = u"the catalog has no \"models\" array"_s;
        return out;
    }
    for (const Json& m : *models) {
        BundledModel b;
        b.preset = json::stringOr(m, "preset");
        b.id = json::stringOr(m, "id");
        b.name = json::stringOr(m, "name", b.id);
        b.contextWindow = json::integer(m, "context_window");
        b.maxOutputTokens = json::integer(m, "max_output_tokens");
        b.reasoning = json::member(m, "reasoning") && m["reasoning"].is_boolean() && m["reasoning"].get<bool>();
        b.vision = json::member(m, "vision") && m["vision"].is_boolean() && m["vision"].get<bool>();
        b.asOf = json::stringOr(m, "as_of");
        b.source = json::stringOr(m, "source");
        if (const Json* price = json::member(m, "price"); price && price->is_object()) {
            QString problem;
            b.price = priceFromJson(*price, &problem);
            if (!b.price && error)
                *error = u"%1/%2: %3"_s.arg(b.preset, b.id, problem);
        }
        if (b.preset.isEmpty() || b.id.isEmpty()) {
            if (error)
                *error = u"an entry lacks \"preset\" or \"id\""_s;
            continue;
        }
        out.append(b);
    }
    return out;
}

const QList<BundledModel>& bundledCatalog()
{
    static const QList<BundledModel> catalog = [] {
        QFile file(u":/juxta/catalog/models.json"_s);
        if (!file.open(QIODevice::ReadOnly))
            return QList<BundledModel>();
        return parseBundledCatalog(file.readAll(), nullptr);
    }();
    return catalog;
}

ModelCatalog::ModelCatalog(const AppConfig& config) : m_config(config) {}

void ModelCatalog::setListed(const ProviderProfile& profile, const QList<ModelInfo>& models,
                             const QDateTime& fetchedAt)
{
    m_listed.insert(profile.id, models);
    m_fetchedAt.insert(profile.id, fetchedAt);
    if (profile.presetId == u"openrouter"_s) {
        for (const ModelInfo& m : models)
            m_openRouter.insert(m.id, m);
        m_openRouterFetchedAt = fetchedAt;
    }
}

void ModelCatalog::loadCachedLists(const DiscoveryCache& cache)
{
    QList<ProviderProfile> known = m_config.profiles;
    if (!m_config.profile(u"openrouter"_s))
        known.append(profileFromPreset(*findPreset(u"openrouter"_s)));
    for (const ProviderProfile& p : std::as_const(known)) {
        if (const auto cached = cache.load(p))
            setListed(p, cached->models, cached->fetchedAt);
    }
}

CatalogEntry ModelCatalog::entry(const ProviderProfile& profile, const QString& modelId) const
{
    CatalogEntry e;
    e.profileId = profile.id;
    e.modelId = modelId;
    e.displayName = modelId;

    // 1. Bundled figures for the preset.
    if (const BundledModel* b = findBundled(catalogKeyOf(profile), modelId)) {
        e.displayName = b->name;
        e.contextWindow = b->contextWindow;
        e.maxOutputTokens = b->maxOutputTokens;
        e.reasoning = b->reasoning;
        e.vision = b->vision;
        if (b->price) {
            e.price = b->price;
            e.priceSource = PriceSource::Bundled;
            e.priceAsOf = b->asOf;
        }
    }
    // 2. OpenRouter's published figures for the same model reached directly.
    const ProviderPreset* preset = findPreset(profile.presetId);
    if (preset && !preset->openRouterVendor.isEmpty()) {
        if (auto it = m_openRouter.constFind(preset->openRouterVendor + u'/' + modelId); it != m_openRouter.cend()
            && it->price && it->price->currency == u"USD"_s) {
            overlayPrice(e, *it->price, m_openRouterFetchedAt.date().toString(Qt::ISODate));
        }
    }
    // 3. What the server itself lists (OpenRouter's list carries prices).
    if (auto it = m_listed.constFind(profile.id); it != m_listed.cend()) {
        for (const ModelInfo& info : *it) {
            if (info.id != modelId)
                continue;
            e.listed = true;
            overlay(e, info);
            if (info.price)
                overlayPrice(e, *info.price, m_fetchedAt.value(profile.id).date().toString(Qt::ISODate));
        }
    }
    // 4. Self-hosted servers on the user's own machine or network cost nothing per token.
    if (isSelfHosted(profile)) {
        e.price = ModelPrice{};
        e.priceSource = PriceSource::LocalServer;
        e.priceAsOf.clear();
    }
    // 5. The user's word wins over every source…
    if (auto it = m_config.priceOverrides.constFind(e.reference()); it != m_config.priceOverrides.cend()) {
        e.price = *it;
        e.priceSource = PriceSource::UserOverride;
        e.priceAsOf.clear();
    }
    // 6. …except for built-in offline providers, which cost nothing by definition.
    if (isOfflineUrl(profile.baseUrl)) {
        e.price = ModelPrice{};
        e.priceSource = PriceSource::Offline;
        e.priceAsOf.clear();
    }
    return e;
}

QList<CatalogEntry> ModelCatalog::entries(const ProviderProfile& profile) const
{
    QList<CatalogEntry> out;
    if (auto it = m_listed.constFind(profile.id); it != m_listed.cend()) {
        for (const ModelInfo& info : *it)
            out.append(entry(profile, info.id));
        return out;
    }
    for (const QString& id : builtInOfflineModels(profile.baseUrl))
        out.append(entry(profile, id));
    const QString key = catalogKeyOf(profile);
    for (const BundledModel& b : bundledCatalog()) {
        if (!key.isEmpty() && b.preset == key)
            out.append(entry(profile, b.id));
    }
    return out;
}

} // namespace juxta
