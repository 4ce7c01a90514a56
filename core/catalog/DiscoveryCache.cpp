// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/DiscoveryCache.h"

#include "common/JsonAccess.h"
#include "pricing/ModelPriceJson.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

using json::Json;

Json optionalInt(const std::optional<qint64>& v)
{
    return v ? Json(*v) : Json(nullptr);
}

Json optionalBool(const std::optional<bool>& v)
{
    return v ? Json(*v) : Json(nullptr);
}

std::optional<bool> readBool(const Json& object, const char* key)
{
    const Json* v = json::member(object, key);
    return v && v->is_boolean() ? std::optional<bool>(v->get<bool>()) : std::nullopt;
}

} // namespace

DiscoveryCache::DiscoveryCache(QString directory) : m_directory(std::move(directory)) {}

QString DiscoveryCache::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + u"/juxta/models"_s;
}

QString DiscoveryCache::fileFor(const ProviderProfile& profile) const
{
    return m_directory + u'/' + profile.id + u".json"_s; // profile ids are [a-z0-9._-], safe as file names
}

std::optional<DiscoveryCache::Entry> DiscoveryCache::load(const ProviderProfile& profile) const
{
    QFile file(fileFor(profile));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const Json parsed = json::parse(file.read(32 * 1024 * 1024));
    const Json* models = json::member(parsed, "models");
    if (!models || !models->is_array() || json::stringOr(parsed, "base_url") != profile.baseUrl.toString())
        return std::nullopt;
    Entry entry;
    entry.fetchedAt = QDateTime::fromString(json::stringOr(parsed, "fetched_at"), Qt::ISODate);
    for (const Json& m : *models) {
        ModelInfo info;
        info.id = json::stringOr(m, "id");
        if (info.id.isEmpty())
            continue;
        info.displayName = json::stringOr(m, "name");
        info.ownedBy = json::stringOr(m, "owned_by");
        info.contextWindow = json::integer(m, "context_window");
        info.maxOutputTokens = json::integer(m, "max_output_tokens");
        info.reasoning = readBool(m, "reasoning");
        info.vision = readBool(m, "vision");
        if (const Json* price = json::member(m, "price"); price && price->is_object()) {
            info.price = priceFromJson(*price);
        }
        entry.models.append(info);
    }
    return entry;
}

bool DiscoveryCache::store(const ProviderProfile& profile, const QList<ModelInfo>& models,
                           const QDateTime& fetchedAt) const
{
    Json list = Json::array();
    for (const ModelInfo& m : models) {
        Json item = {{"id", json::toStd(m.id)},
                     {"name", json::toStd(m.displayName)},
                     {"owned_by", json::toStd(m.ownedBy)},
                     {"context_window", optionalInt(m.contextWindow)},
                     {"max_output_tokens", optionalInt(m.maxOutputTokens)},
                     {"reasoning", optionalBool(m.reasoning)},
                     {"vision", optionalBool(m.vision)}};
        if (m.price)
            item["price"] = priceToJson(*m.price);
        list.push_back(std::move(item));
    }
    const Json out = {{"fetched_at", json::toStd(fetchedAt.toUTC().toString(Qt::ISODate))},
                      {"base_url", json::toStd(profile.baseUrl.toString())},
                      {"models", std::move(list)}};
    QDir().mkpath(m_directory);
    QSaveFile file(fileFor(profile));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const std::string text = out.dump(1, ' ', false, Json::error_handler_t::replace);
    file.write(text.data(), qint64(text.size()));
    return file.commit();
}

} // namespace juxta
