// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/AppConfig.h"

#include "common/JsonAccess.h"
#include "pricing/ModelPriceJson.h"
#include "config/ProviderPresets.h"
#include "config/TransportPolicy.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

using json::Json;

constexpr qsizetype kRecentLimit = 10;

QString authName(AuthStyle auth)
{
    switch (auth) {
    case AuthStyle::Bearer:
        return u"bearer"_s;
    case AuthStyle::Header:
        return u"header"_s;
    case AuthStyle::None:
        return u"none"_s;
    }
    return u"bearer"_s;
}

std::optional<AuthStyle> authFromName(const QString& name)
{
    for (AuthStyle a : {AuthStyle::Bearer, AuthStyle::Header, AuthStyle::None}) {
        if (authName(a) == name)
            return a;
    }
    return std::nullopt;
}

Json profileToJson(const ProviderProfile& p)
{
    Json headers = Json::object();
    for (const auto& [name, value] : p.extraHeaders)
        headers[name.toStdString()] = value.toStdString();
    Json out = {{"id", json::toStd(p.id)},
                {"name", json::toStd(p.displayName)},
                {"preset", json::toStd(p.presetId)},
                {"api", json::toStd(apiDialectName(p.dialect))},
                {"base_url", json::toStd(p.baseUrl.toString())},
                {"auth", json::toStd(authName(p.auth))},
                {"headers", headers}};
    if (!p.secretHeaders.isEmpty()) {
        Json names = Json::array();
        for (const QByteArray& name : p.secretHeaders)
            names.push_back(name.toStdString());
        out["secret_headers"] = names;
    }
    if (!p.authHeader.isEmpty())
        out["auth_header"] = p.authHeader.toStdString();
    if (!p.keyEnvVar.isEmpty())
        out["key_env"] = json::toStd(p.keyEnvVar);
    if (p.allowInsecureHttp)
        out["allow_insecure_http"] = true;
    if (p.limits.isSet()) {
        Json limits = Json::object();
        if (p.limits.maxConcurrent)
            limits["concurrent"] = *p.limits.maxConcurrent;
        if (p.limits.requestsPerMinute)
            limits["requests_per_minute"] = *p.limits.requestsPerMinute;
        if (p.limits.tokensPerMinute)
            limits["tokens_per_minute"] = *p.limits.tokensPerMinute;
        out["limits"] = limits;
    }
    if (p.answerLimits.isSet()) {
        Json limits = Json::object();
        if (p.answerLimits.maxBytes)
            limits["max_mib"] = double(*p.answerLimits.maxBytes) / (1024 * 1024);
        if (p.answerLimits.maxSeconds)
            limits["max_seconds"] = *p.answerLimits.maxSeconds;
        out["answer_limits"] = limits;
    }
    return out;
}

// `warnings` non-null: importing foreign input, so secrets are dropped with a warning instead of refused.
std::optional<ProviderProfile> profileFromJson(const Json& in, QString& error, QStringList* warnings,
                                               QList<AppConfig::SecretHeader>* secretsToMove = nullptr)
{
    if (!in.is_object()) {
        error = u"a profile must be a JSON object"_s;
        return std::nullopt;
    }
    ProviderProfile p;
    p.id = json::stringOr(in, "id").trimmed();
    p.displayName = json::stringOr(in, "name", p.id);
    p.presetId = json::stringOr(in, "preset", u"custom"_s);
    const auto dialect = apiDialectFromName(json::stringOr(in, "api", u"openai"_s).trimmed().toLower());
    const auto auth = authFromName(json::stringOr(in, "auth", u"bearer"_s).trimmed().toLower());
    if (!dialect || !auth) {
        error = u"profile \"%1\": unknown \"api\" or \"auth\" value"_s.arg(p.id);
        return std::nullopt;
    }
    p.dialect = *dialect;
    p.auth = *auth;
    p.authHeader = json::stringOr(in, "auth_header").toLatin1();
    p.baseUrl = QUrl(json::stringOr(in, "base_url"), QUrl::StrictMode);
    p.keyEnvVar = json::stringOr(in, "key_env");
    if (const Json* insecure = json::member(in, "allow_insecure_http"); insecure && insecure->is_boolean())
        p.allowInsecureHttp = insecure->get<bool>();
    if (const Json* limits = json::member(in, "limits"); limits && limits->is_object()) {
        // Positive whole numbers only; anything else is no limit.
        const auto positive = [limits](const char* key) -> std::optional<qint64> {
            const std::optional<qint64> v = json::integer(*limits, key);
            return v && *v > 0 ? v : std::nullopt;
        };
        if (const auto v = positive("concurrent"))
            p.limits.maxConcurrent = int(std::min<qint64>(*v, 10'000));
        if (const auto v = positive("requests_per_minute"))
            p.limits.requestsPerMinute = int(std::min<qint64>(*v, 10'000'000));
        p.limits.tokensPerMinute = positive("tokens_per_minute");
    }
    if (const Json* limits = json::member(in, "answer_limits"); limits && limits->is_object()) {
        // Out of range (not positive, over 4 GiB or a week) is no override: the defaults stay.
        if (const Json* mib = json::member(*limits, "max_mib");
            mib && mib->is_number() && mib->get<double>() > 0 && mib->get<double>() <= 4096)
            p.answerLimits.maxBytes = qint64(mib->get<double>() * 1024 * 1024);
        if (const std::optional<qint64> s = json::integer(*limits, "max_seconds"); s && *s > 0 && *s <= 7 * 86400)
            p.answerLimits.maxSeconds = *s;
    }
    if (warnings) {
        // Foreign files choose neither which of my environment variables to send nor to skip the http check.
        // A file never decides which of my environment variables are sent where. Its key variable is dropped,
        // and a profile pointing away from its preset's own server becomes a custom one, so no preset's
        // well-known variable (OPENAI_API_KEY, AZURE_OPENAI_API_KEY, LITELLM_API_KEY, …) follows it there.
        const ProviderPreset* preset = findPreset(p.presetId);
        if (!p.keyEnvVar.isEmpty() && (!preset || preset->keyEnvVars.value(0) != p.keyEnvVar))
            warnings->append(u"profile \"%1\": ignored \"key_env\" %2: set it yourself if you trust it"_s.arg(
                p.id, p.keyEnvVar));
        p.keyEnvVar.clear();
        if (preset && QUrl(preset->baseUrl).host() != p.baseUrl.host())
            p.presetId = u"custom"_s;
        if (p.allowInsecureHttp)
            warnings->append(u"profile \"%1\": plain http:// to a public host must be confirmed again"_s.arg(p.id));
        p.allowInsecureHttp = false;
    }
    for (const char* secretField : {"api_key", "apiKey", "key", "secret", "token", "password"}) {
        if (json::member(in, secretField) && warnings)
            warnings->append(u"profile \"%1\": ignored its \"%2\" field: keys are only kept in the keychain"_s.arg(
                p.id, QLatin1StringView(secretField)));
    }
    if (const Json* headers = json::member(in, "headers"); headers && headers->is_object()) {
        for (auto it = headers->begin(); it != headers->end(); ++it) {
            const QByteArray name = QByteArray::fromStdString(it.key());
            if (!it.value().is_string())
                continue;
            if (isSecretHeader(name)) {
                if (secretsToMove) { // our own config: the value goes to the keychain, only the name stays
                    if (!p.secretHeaders.contains(name))
                        p.secretHeaders.append(name);
                    secretsToMove->append({p.id, name,
                                           QByteArray::fromStdString(it.value().get<std::string>())});
                } else if (warnings) {
                    warnings->append(u"profile \"%1\": dropped its %2 header: keys are only kept in the keychain"_s.arg(
                        p.id, QString::fromLatin1(name)));
                }
                continue;
            }
            p.extraHeaders.append({name, QByteArray::fromStdString(it.value().get<std::string>())});
        }
    }
    // Only what makes the file unusable fails here; a bad URL is reported when the profile is used, so one
    // unfinished profile (Azure's placeholder URL) never costs the user the rest of their configuration.
    if (!isValidProfileId(p.id)) {
        error = validateProfile(p);
        return std::nullopt;
    }
    if (const Json* names = json::member(in, "secret_headers"); names && names->is_array()) {
        for (const Json& name : *names) {
            if (name.is_string() && isSecretHeader(QByteArray::fromStdString(name.get<std::string>()))
                && !p.secretHeaders.contains(QByteArray::fromStdString(name.get<std::string>())))
                p.secretHeaders.append(QByteArray::fromStdString(name.get<std::string>()));
        }
    }
    return p;
}

std::optional<double> optionalUsd(const Json& object, const char* key)
{
    const auto v = json::number(object, key);
    return v && *v >= 0 ? v : std::nullopt;
}

QStringList stringList(const Json& object, const char* key)
{
    QStringList out;
    if (const Json* list = json::member(object, key); list && list->is_array()) {
        for (const Json& item : *list) {
            if (item.is_string())
                out.append(QString::fromStdString(item.get<std::string>()));
        }
    }
    return out;
}

std::optional<QList<ProviderProfile>> profilesFrom(const Json& list, QString& error, QStringList* warnings)
{
    QList<ProviderProfile> profiles;
    if (!list.is_array()) {
        error = u"\"profiles\" must be an array"_s;
        return std::nullopt;
    }
    for (const Json& entry : list) {
        auto p = profileFromJson(entry, error, warnings);
        if (!p)
            return std::nullopt;
        for (const ProviderProfile& existing : profiles) {
            if (existing.id == p->id) {
                error = u"two profiles share the id \"%1\""_s.arg(p->id);
                return std::nullopt;
            }
        }
        profiles.append(*p);
    }
    return profiles;
}

QByteArray dumpPretty(const Json& j)
{
    const std::string text = j.dump(2, ' ', false, Json::error_handler_t::replace) + '\n';
    return QByteArray(text.data(), qsizetype(text.size()));
}

} // namespace

const ProviderProfile* AppConfig::profile(const QString& id) const
{
    for (const ProviderProfile& p : profiles) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

ProviderProfile* AppConfig::profile(const QString& id)
{
    return const_cast<ProviderProfile*>(std::as_const(*this).profile(id));
}

void AppConfig::noteRecentModel(const QString& reference)
{
    recentModels.removeAll(reference);
    recentModels.prepend(reference);
    while (recentModels.size() > kRecentLimit)
        recentModels.removeLast();
}

QString unusedProfileId(const QList<ProviderProfile>& profiles, const QString& wanted)
{
    const auto taken = [&profiles](const QString& id) {
        return std::any_of(profiles.cbegin(), profiles.cend(), [&id](const ProviderProfile& p) { return p.id == id; });
    };
    if (!taken(wanted))
        return wanted;
    static const QRegularExpression numbered(u"-\\d+$"_s);
    const QString stem = QString(wanted).remove(numbered);
    QString id = stem;
    for (int n = 2; taken(id); ++n)
        id = u"%1-%2"_s.arg(stem).arg(n);
    return id;
}

bool isValidProfileId(const QString& id)
{
    static const QRegularExpression pattern(u"^[a-z0-9][a-z0-9._-]{0,63}$"_s);
    return pattern.match(id).hasMatch();
}

bool isSecretHeader(QByteArrayView name)
{
    // By what the name says rather than a list of known names: gateways invent their own (x-litellm-api-key,
    // cf-aig-authorization, x-portkey-virtual-key), and a harmless header kept in the keychain costs nothing.
    const QByteArray lower = name.toByteArray().toLower();
    for (const char* part : {"key", "token", "secret", "auth", "cookie", "password"}) {
        if (lower.contains(part))
            return true;
    }
    return false;
}

QString validateProfile(const ProviderProfile& p)
{
    if (!isValidProfileId(p.id))
        return u"profile id \"%1\" must be lower-case letters, digits, '.', '_' or '-' (it starts model references "
               "such as openai/gpt-4o)"_s.arg(p.id);
    const UrlCheck url = checkBaseUrl(p.baseUrl, p.allowInsecureHttp);
    if (url.verdict != UrlVerdict::Ok)
        return u"profile \"%1\": %2"_s.arg(p.id, url.message);
    if (p.auth == AuthStyle::Header && p.authHeader.isEmpty())
        return u"profile \"%1\": \"auth\": \"header\" needs \"auth_header\""_s.arg(p.id);
    for (const auto& [name, value] : p.extraHeaders) {
        if (isSecretHeader(name))
            return u"profile \"%1\": the %2 header carries a credential; keys belong in the keychain"_s.arg(
                p.id, QString::fromLatin1(name));
        static const QRegularExpression token(u"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"_s);
        if (!token.match(QString::fromLatin1(name)).hasMatch() || value.contains('\n') || value.contains('\r'))
            return u"profile \"%1\": invalid header \"%2\""_s.arg(p.id, QString::fromLatin1(name));
    }
    return {};
}

QByteArray configToJson(const AppConfig& config)
{
    Json profiles = Json::array();
    for (const ProviderProfile& p : config.profiles) {
        Json profile = profileToJson(p);
        for (const AppConfig::SecretHeader& s : config.secretHeadersToMove) {
            if (s.profileId == p.id) // not in the keychain yet: kept where it was
                profile["headers"][s.name.toStdString()] = s.value.toStdString();
        }
        profiles.push_back(std::move(profile));
    }
    Json overrides = Json::object();
    for (auto it = config.priceOverrides.cbegin(); it != config.priceOverrides.cend(); ++it)
        overrides[json::toStd(it.key())] = priceToJson(it.value());
    Json budget = Json::object();
    budget["per_request_usd"] = config.budget.perRequestUsd ? Json(*config.budget.perRequestUsd) : Json(nullptr);
    budget["per_day_usd"] = config.budget.perDayUsd ? Json(*config.budget.perDayUsd) : Json(nullptr);
    budget["action"] = config.budget.action == BudgetLimits::Action::Block ? "block" : "warn";
    Json favourites = Json::array();
    for (const QString& m : config.favouriteModels)
        favourites.push_back(json::toStd(m));
    Json recent = Json::array();
    for (const QString& m : config.recentModels)
        recent.push_back(json::toStd(m));
    Json out = Json::object();
    out["version"] = kConfigVersion;
    out["profiles"] = std::move(profiles);
    out["price_overrides"] = std::move(overrides);
    out["budget"] = std::move(budget);
    out["favourite_models"] = std::move(favourites);
    out["recent_models"] = std::move(recent);
    out["insecure_key_storage"] = config.insecureKeyStorage;
    return dumpPretty(out);
}

std::optional<int> configVersionOf(const QByteArray& text)
{
    const Json parsed = json::parse(text);
    const auto v = json::integer(parsed, "version");
    return v ? std::optional<int>(int(*v)) : std::nullopt;
}

std::optional<AppConfig> configFromJson(const QByteArray& text, QString* error, QStringList* warnings)
{
    QString problem;
    const Json parsed = json::parse(text);
    AppConfig config;
    const auto fail = [&](const QString& message) -> std::optional<AppConfig> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const auto warn = [&](const QString& message) {
        if (warnings)
            warnings->append(message);
    };
    if (!parsed.is_object())
        return fail(u"the file is not a JSON object"_s);
    const auto version = json::integer(parsed, "version");
    if (!version || *version < 1)
        return fail(u"\"version\" is missing or invalid"_s);
    if (*version > kConfigVersion)
        return fail(u"the file is version %1, written by a newer Juxta (this one reads up to %2)"_s.arg(*version).arg(
            kConfigVersion));
    if (const Json* list = json::member(parsed, "profiles")) {
        if (!list->is_array())
            return fail(u"\"profiles\" must be an array"_s);
        for (const Json& entry : *list) {
            QList<AppConfig::SecretHeader> secrets;
            auto p = profileFromJson(entry, problem, nullptr, &secrets);
            if (!p) {
                warn(u"skipped a profile: "_s + problem);
                continue;
            }
            if (config.profile(p->id)) {
                warn(u"skipped a second profile with the id \"%1\""_s.arg(p->id));
                continue;
            }
            config.profiles.append(*p);
            config.secretHeadersToMove.append(secrets);
        }
    }
    if (const Json* overrides = json::member(parsed, "price_overrides"); overrides && overrides->is_object()) {
        for (auto it = overrides->begin(); it != overrides->end(); ++it) {
            auto price = priceFromJson(it.value(), &problem);
            if (!price)
                warn(u"skipped the price override \"%1\": %2"_s.arg(QString::fromStdString(it.key()), problem));
            else
                config.priceOverrides.insert(QString::fromStdString(it.key()), *price);
        }
    }
    if (const Json* budget = json::member(parsed, "budget"); budget && budget->is_object()) {
        config.budget.perRequestUsd = optionalUsd(*budget, "per_request_usd");
        config.budget.perDayUsd = optionalUsd(*budget, "per_day_usd");
        config.budget.action = json::stringOr(*budget, "action") == u"block"_s ? BudgetLimits::Action::Block
                                                                               : BudgetLimits::Action::Warn;
    }
    config.favouriteModels = stringList(parsed, "favourite_models");
    config.recentModels = stringList(parsed, "recent_models").mid(0, kRecentLimit);
    if (const Json* insecure = json::member(parsed, "insecure_key_storage"); insecure && insecure->is_boolean())
        config.insecureKeyStorage = insecure->get<bool>();
    return config;
}

QByteArray exportProfiles(const QList<ProviderProfile>& profiles)
{
    Json list = Json::array();
    for (const ProviderProfile& p : profiles)
        list.push_back(profileToJson(p));
    return dumpPretty(Json{{"juxta_profiles", kConfigVersion}, {"profiles", list}});
}

std::optional<QList<ProviderProfile>> importProfiles(const QByteArray& text, QString* error, QStringList* warnings)
{
    const Json parsed = json::parse(text);
    QString problem;
    QStringList dropped;
    const Json* list = json::member(parsed, "profiles");
    std::optional<QList<ProviderProfile>> profiles;
    if (!list)
        problem = u"no \"profiles\" array in the file"_s;
    else
        profiles = profilesFrom(*list, problem, &dropped);
    if (warnings)
        *warnings = dropped;
    if (!profiles && error)
        *error = problem;
    return profiles;
}

} // namespace juxta
