// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/JsonOutput.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace juxta::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string utf8(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    return std::string(bytes.constData(), size_t(bytes.size()));
}

Json optionalNumber(const std::optional<qint64>& value)
{
    return value ? Json(*value) : Json(nullptr);
}

// Milliseconds and rates to 0.1 precision: enough for people, stable for diffs.
Json rounded(const std::optional<double>& value)
{
    if (!value || !std::isfinite(*value))
        return nullptr;
    return std::round(*value * 10.0) / 10.0;
}

} // namespace

QByteArray outcomeToJson(const RoutedOutcome& routed, const CostFields& cost, bool pretty)
{
    const CallOutcome& o = routed.outcome;
    Json root;
    // "model" is who answered (a router may substitute, a provider may pin a dated snapshot); the name asked
    // for is kept beside it.
    root["model"] = utf8(o.servedModel.isEmpty() ? o.requestedModel : o.servedModel);
    root["requested_model"] = utf8(o.requestedModel);
    root["text"] = utf8(o.text);
    root["reasoning"] = utf8(o.reasoning);
    Json tools = Json::array();
    for (const ToolCall& call : o.toolCalls)
        tools.push_back({{"id", utf8(call.id)}, {"name", utf8(call.name)}, {"arguments", utf8(call.arguments)}});
    root["tool_calls"] = std::move(tools);
    root["finish_reason"] = utf8(finishReasonName(o.finishReason));
    root["complete"] = o.complete;
    root["usage"] = {{"input_tokens", optionalNumber(o.usage.inputTokens)},
                     {"cached_tokens", optionalNumber(o.usage.cachedInputTokens)},
                     {"output_tokens", optionalNumber(o.usage.outputTokens)},
                     {"reasoning_tokens", optionalNumber(o.usage.reasoningTokens)},
                     {"cache_write_tokens", optionalNumber(o.usage.cacheWriteTokens)}};
    root["metrics"] = {{"ttft_ms", rounded(o.metrics.ttftMs)},
                       {"total_ms", rounded(o.metrics.totalMs)},
                       {"output_tokens_per_s", rounded(o.metrics.outputTokensPerSecond)},
                       {"server_output_tokens_per_s", rounded(o.metrics.serverOutputTokensPerSecond)}};
    if (o.error) {
        root["error"] = {{"class", utf8(errorClassName(o.error->errorClass))},
                         {"http_status", o.error->httpStatus > 0 ? Json(o.error->httpStatus) : Json(nullptr)},
                         {"retry_after_s", o.error->retryAfterSeconds ? Json(*o.error->retryAfterSeconds)
                                                                      : Json(nullptr)},
                         {"message", utf8(o.error->message)}};
    } else {
        root["error"] = nullptr;
    }
    const auto money = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
    root["cost_usd"] = money(cost.usd());
    root["cost"] = {
        {"currency", cost.computed ? Json(utf8(cost.computed->currency)) : cost.billed ? Json("USD") : Json(nullptr)},
        {"computed", cost.computed ? Json(cost.computed->total) : Json(nullptr)},
        {"billed_usd", cost.billed ? Json(cost.billed->billedUsd) : Json(nullptr)},
        {"agrees_with_bill", cost.billed && cost.billed->computedUsd ? Json(cost.billed->agrees) : Json(nullptr)},
        {"price_source", utf8(priceSourceName(cost.source))},
        {"price_as_of", cost.priceAsOf.isEmpty() ? Json(nullptr) : Json(utf8(cost.priceAsOf))},
        {"estimate_min", cost.estimate ? Json(cost.estimate->min) : Json(nullptr)},
        {"estimate_max", cost.estimate ? money(cost.estimate->max) : Json(nullptr)}};
    root["served_by"] = routed.servedBy >= 0 ? Json(utf8(routed.servedByLabel)) : Json(nullptr);
    Json attempts = Json::array();
    for (const AttemptRecord& a : routed.attempts) {
        Json entry{{"target", utf8(a.target)},
                   {"error_class", a.errorClass ? Json(utf8(errorClassName(*a.errorClass))) : Json(nullptr)},
                   {"http_status", a.httpStatus > 0 ? Json(a.httpStatus) : Json(nullptr)},
                   {"elapsed_ms", rounded(a.elapsedMs)},
                   {"retry", a.retry}};
        if (!a.partialText.isEmpty())
            entry["partial_text"] = utf8(a.partialText);
        attempts.push_back(std::move(entry));
    }
    root["attempts"] = std::move(attempts);
    const std::string text = root.dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
    return QByteArray(text.data(), qsizetype(text.size())) + '\n';
}

} // namespace juxta::cli
