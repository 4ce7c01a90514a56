// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ModelsCommand.h"

#include "cli/CommandLine.h"
#include "cli/ConnectionOptions.h"
#include "cli/Workspace.h"
#include "pricing/CostCalculator.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace juxta::cli {
namespace {

using Json = nlohmann::ordered_json;

const QString kCommand = u"models"_s;


std::string utf8(const QString& s)
{
    return s.toStdString();
}

Json optionalInt(const std::optional<qint64>& v)
{
    return v ? Json(*v) : Json(nullptr);
}

Json priceJson(const CatalogEntry& e)
{
    if (!e.price)
        return nullptr;
    const TierPrice& t = e.price->base;
    const auto opt = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
    Json tiers = Json::array();
    for (const PriceTier& tier : e.price->tiers)
        tiers.push_back({{"above_input_tokens", tier.aboveInputTokens}, {"input", tier.price.input},
                         {"output", tier.price.output}});
    return {{"currency", utf8(e.price->currency)}, {"input", t.input}, {"cached_input", opt(t.cachedInput)},
            {"cache_write", opt(t.cacheWrite)}, {"output", t.output}, {"thinking_output", opt(t.thinkingOutput)},
            {"tiers", tiers}, {"source", utf8(priceSourceName(e.priceSource))},
            {"as_of", e.priceAsOf.isEmpty() ? Json(nullptr) : Json(utf8(e.priceAsOf))}};
}

Json entryJson(const CatalogEntry& e)
{
    return {{"ref", utf8(e.reference())}, {"profile", utf8(e.profileId)}, {"id", utf8(e.modelId)},
            {"name", utf8(e.displayName)}, {"context_window", optionalInt(e.contextWindow)},
            {"max_output_tokens", optionalInt(e.maxOutputTokens)}, {"reasoning", e.reasoning},
            {"vision", e.vision}, {"listed_by_server", e.listed}, {"price_per_million", priceJson(e)}};
}

QString contextText(const std::optional<qint64>& tokens)
{
    if (!tokens)
        return u"?"_s;
    if (*tokens >= 1'000'000 && *tokens % 1'000'000 == 0)
        return u"%1M"_s.arg(*tokens / 1'000'000);
    if (*tokens >= 1000)
        return u"%1k"_s.arg(*tokens / 1000);
    return QString::number(*tokens);
}

QByteArray tableLine(const CatalogEntry& e)
{
    const QString price = e.price ? formatPricePerMillion(*e.price) : u"price unknown"_s;
    return u"%1  %2  %3\n"_s.arg(e.reference(), -48).arg(contextText(e.contextWindow), 6).arg(price).toUtf8();
}

} // namespace

int ModelsCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"List models with their context window and price. Without --profile: every configured profile, from the "
        "cached model lists or the bundled catalog. With --profile: that profile's server list (fetched when not "
        "cached, or with --refresh). With --base-url: ask that server directly."_s);
    parser.addHelpOption();
    ConnectionOptions connection;
    connection.addTo(parser);
    const QCommandLineOption profileOption(u"profile"_s, u"Only this profile (a configured one or a preset id)."_s,
                                           u"ID"_s);
    const QCommandLineOption refresh(u"refresh"_s, u"Fetch the model list again instead of using the cache."_s);
    const QCommandLineOption json(u"json"_s, u"Print a JSON array."_s);
    parser.addOptions({profileOption, refresh, json});
    if (!parser.parse(arguments)) {
        printError(kCommand, parser.errorText());
        return BadUsage;
    }
    if (parser.isSet(u"help"_s)) {
        printOut(helpTextFor(parser.helpText(), u"juxta models [--profile ID] [--refresh] [--json]"_s).toUtf8());
        return Success;
    }
    QString error;
    if (!connection.read(parser, error)) {
        printError(kCommand, error);
        return BadUsage;
    }

    Workspace workspace(kCommand, connection.configPath());
    QList<ProviderProfile> profiles;
    bool fetchNow = parser.isSet(refresh);
    if (connection.hasBaseUrl()) {
        profiles.append(connection.profile());
        fetchNow = true;
    } else if (!connection.keyVariable().isEmpty() && !parser.isSet(profileOption)) {
        // One key for every profile would send it to servers it was never meant for.
        printError(kCommand, u"--api-key-env needs --profile (or --base-url): it names one provider's key"_s);
        return BadUsage;
    } else if (parser.isSet(profileOption)) {
        const auto p = workspace.profile(parser.value(profileOption), error);
        if (!p) {
            printError(kCommand, error);
            return BadUsage;
        }
        profiles.append(*p);
        fetchNow = fetchNow || !workspace.catalog().hasList(p->id);
    } else {
        profiles = workspace.config().profiles;
        if (profiles.isEmpty())
            printError(kCommand, u"no profiles configured; add one with `juxta profiles --add PRESET`, or list a "
                                 "preset's models with --profile (e.g. --profile openai)"_s);
    }

    int exitCode = Success;
    QList<ModelInfo> lastFetched;
    Json list = Json::array();
    for (const ProviderProfile& profile : std::as_const(profiles)) {
        if (fetchNow) {
            const ApiKey key = connection.hasBaseUrl() ? connection.key()
                                                       : workspace.keyFor(profile, connection.keyVariable()).key;
            QList<ModelInfo>& models = lastFetched;
            models.clear();
            if (const auto failure = workspace.fetchModels(profile, key, connection.callOptions(),
                                                           !connection.hasBaseUrl(), models)) {
                printError(kCommand, u"%1: %2"_s.arg(profile.id, failure->summary()));
                exitCode = ProviderFailure;
                continue;
            }
        }
        if (connection.hasBaseUrl() && fetchNow && exitCode == Success)
            workspace.catalog().setListed(profile, lastFetched, QDateTime::currentDateTimeUtc());
        for (const CatalogEntry& e : workspace.catalog().entries(profile)) {
            if (parser.isSet(json))
                list.push_back(entryJson(e));
            else
                printOut(connection.hasBaseUrl() ? e.modelId.toUtf8() + '\n' : tableLine(e));
        }
    }
    if (parser.isSet(json)) {
        const std::string text = list.dump(2, ' ', false, Json::error_handler_t::replace);
        printOut(QByteArray(text.data(), qsizetype(text.size())) + '\n');
    }
    return exitCode;
}

} // namespace juxta::cli
