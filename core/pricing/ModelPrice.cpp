// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/ModelPrice.h"

#include "pricing/ModelPriceJson.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

using json::Json;

bool readPrice(const Json& object, const char* key, std::optional<double>& out, bool required, QString& error)
{
    const Json* value = json::member(object, key);
    if (!value || value->is_null()) {
        if (required)
            error = u"\"%1\" is missing"_s.arg(QLatin1StringView(key));
        return !required;
    }
    if (!value->is_number() || !std::isfinite(value->get<double>()) || value->get<double>() < 0) {
        error = u"\"%1\" must be a number ≥ 0 (price per million tokens)"_s.arg(QLatin1StringView(key));
        return false;
    }
    out = value->get<double>();
    return true;
}

bool readTier(const Json& object, TierPrice& tier, QString& error)
{
    std::optional<double> input;
    std::optional<double> output;
    if (!readPrice(object, "input", input, true, error) || !readPrice(object, "output", output, true, error)
        || !readPrice(object, "cached_input", tier.cachedInput, false, error)
        || !readPrice(object, "cache_write", tier.cacheWrite, false, error)
        || !readPrice(object, "thinking_output", tier.thinkingOutput, false, error)
        || !readPrice(object, "reasoning_output", tier.reasoningOutput, false, error))
        return false;
    tier.input = *input;
    tier.output = *output;
    return true;
}

void writeTier(json::Json& out, const TierPrice& tier)
{
    out["input"] = tier.input;
    if (tier.cachedInput)
        out["cached_input"] = *tier.cachedInput;
    if (tier.cacheWrite)
        out["cache_write"] = *tier.cacheWrite;
    out["output"] = tier.output;
    if (tier.thinkingOutput)
        out["thinking_output"] = *tier.thinkingOutput;
    if (tier.reasoningOutput)
        out["reasoning_output"] = *tier.reasoningOutput;
}

} // namespace

const TierPrice& ModelPrice::tierFor(qint64 inputTokens) const
{
    const TierPrice* chosen = &base;
    for (const PriceTier& tier : tiers) {
        if (inputTokens > tier.aboveInputTokens)
            chosen = &tier.price;
    }
    return *chosen;
}

bool ModelPrice::isFree() const
{
    const auto free = [](const TierPrice& t) {
        return t.input == 0 && t.output == 0 && t.cachedInput.value_or(0) == 0 && t.cacheWrite.value_or(0) == 0
            && t.thinkingOutput.value_or(0) == 0 && t.reasoningOutput.value_or(0) == 0;
    };
    return free(base) && std::all_of(tiers.begin(), tiers.end(), [&](const PriceTier& t) { return free(t.price); });
}

std::optional<ModelPrice> priceFromJson(const Json& parsed, QString* error)
{
    QString problem;
    ModelPrice price;
    if (!parsed.is_object()) {
        problem = u"a price must be a JSON object"_s;
    } else if (readTier(parsed, price.base, problem)) {
        price.currency = json::stringOr(parsed, "currency", u"USD"_s).trimmed().toUpper();
        if (price.currency.size() != 3)
            problem = u"\"currency\" must be a three-letter code such as USD"_s;
        if (const Json* tiers = json::member(parsed, "tiers"); problem.isEmpty() && tiers && !tiers->is_null()) {
            if (!tiers->is_array())
                problem = u"\"tiers\" must be an array"_s;
            for (const Json& t : tiers->is_array() ? *tiers : Json::array()) {
                PriceTier tier;
                const auto above = json::integer(t, "above_input_tokens");
                if (!above || *above < 0) {
                    problem = u"every tier needs \"above_input_tokens\" ≥ 0"_s;
                    break;
                }
                tier.aboveInputTokens = *above;
                if (!readTier(t, tier.price, problem))
                    break;
                price.tiers.append(tier);
            }
            std::sort(price.tiers.begin(), price.tiers.end(),
                      [](const PriceTier& a, const PriceTier& b) { return a.aboveInputTokens < b.aboveInputTokens; });
        }
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return price;
}

std::optional<ModelPrice> ModelPrice::fromJson(const QByteArray& text, QString* error)
{
    return priceFromJson(json::parse(text), error);
}

Json priceToJson(const ModelPrice& price)
{
    const QString& currency = price.currency;
    const TierPrice& base = price.base;
    const QList<PriceTier>& tiers = price.tiers;
    Json out = Json::object();
    out["currency"] = json::toStd(currency);
    writeTier(out, base);
    if (!tiers.isEmpty()) {
        Json list = Json::array();
        for (const PriceTier& tier : tiers) {
            Json t = Json::object();
            t["above_input_tokens"] = tier.aboveInputTokens;
            writeTier(t, tier.price);
            list.push_back(std::move(t));
        }
        out["tiers"] = std::move(list);
    }
    return out;
}

QByteArray ModelPrice::toJson() const
{
    const std::string dumped = priceToJson(*this).dump();
    return QByteArray(dumped.data(), qsizetype(dumped.size()));
}

QString priceSourceName(PriceSource source)
{
    switch (source) {
    case PriceSource::Unknown:
        return u"unknown"_s;
    case PriceSource::Bundled:
        return u"bundled"_s;
    case PriceSource::OpenRouter:
        return u"openrouter"_s;
    case PriceSource::LocalServer:
        return u"local"_s;
    case PriceSource::UserOverride:
        return u"override"_s;
    case PriceSource::Offline:
        return u"offline"_s;
    }
    return u"unknown"_s;
}

} // namespace juxta
