// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/OpenAiCompatibleProvider.h"

#include "common/JsonAccess.h"
#include "providers/OpenAiChunks.h"
#include "providers/OpenAiStreamDecoder.h"
#include "providers/ProviderJson.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

using OrderedJson = requestjson::Json;
using requestjson::utf8;

// OpenRouter's list carries a name, per-token USD prices as decimal strings ("0.000003"; "-1" for routers whose
// price depends on the model they pick), the best endpoint's output limit, modalities and parameters.
void readOpenRouterFields(const json::Json& entry, ModelInfo& info)
{
    info.displayName = json::stringOr(entry, "name");
    if (const json::Json* top = json::member(entry, "top_provider"))
        info.maxOutputTokens = json::integer(*top, "max_completion_tokens");
    if (const json::Json* arch = json::member(entry, "architecture")) {
        if (const json::Json* inputs = json::member(*arch, "input_modalities"); inputs && inputs->is_array())
            info.vision = std::find(inputs->begin(), inputs->end(), json::Json("image")) != inputs->end();
    }
    if (const json::Json* params = json::member(entry, "supported_parameters"); params && params->is_array())
        info.reasoning = std::find(params->begin(), params->end(), json::Json("reasoning")) != params->end();
    const json::Json* pricing = json::member(entry, "pricing");
    if (!pricing || !pricing->is_object())
        return;
    const auto perMillion = [&](const char* key) -> std::optional<double> {
        const json::Json* v = json::member(*pricing, key);
        double d = -1;
        if (v && v->is_string()) {
            bool ok = false;
            d = QString::fromStdString(v->get<std::string>()).toDouble(&ok);
            if (!ok)
                d = -1;
        } else if (v && v->is_number()) {
            d = v->get<double>();
        }
        if (!(d >= 0) || !std::isfinite(d))
            return std::nullopt;
        return d * 1e6;
    };
    const auto input = perMillion("prompt");
    const auto output = perMillion("completion");
    if (!input || !output)
        return; // "-1": the price depends on where the router sends the request
    ModelPrice price;
    price.base.input = *input;
    price.base.output = *output;
    price.base.cachedInput = perMillion("input_cache_read");
    price.base.cacheWrite = perMillion("input_cache_write");
    if (const auto reasoning = perMillion("internal_reasoning"); reasoning && *reasoning > 0 && *reasoning != *output)
        price.base.reasoningOutput = reasoning;
    info.price = price;
}

} // namespace

QUrl OpenAiCompatibleProvider::chatCompletionsUrl(const QUrl& base)
{
    if (base.path().endsWith(u"/chat/completions"_s))
        return base;
    return joinUrl(base, u"chat/completions");
}

HttpCall OpenAiCompatibleProvider::buildChatCall(const ChatRequest& request, const ProviderProfile& profile,
                                                 const ApiKey& key, const AttemptOptions& options) const
{
    OrderedJson body;
    body["model"] = utf8(request.model);
    OrderedJson messages = OrderedJson::array();
    // JSON mode is refused unless a message mentions JSON: the instruction says it, and helps servers whose
    // response_format support is loose.
    QString system = request.systemPrompt;
    if (const QString instruction = jsonInstruction(request); !instruction.isEmpty())
        system += (system.isEmpty() ? QString() : u"\n\n"_s) + instruction;
    if (!system.isEmpty())
        messages.push_back({{"role", "system"}, {"content", utf8(system)}});
    for (const ChatMessage& message : request.messages)
        messages.push_back({{"role", requestjson::roleName(message.role)}, {"content", utf8(message.content)}});
    body["messages"] = std::move(messages);
    body["stream"] = true;
    if (options.includeStreamUsage)
        body["stream_options"] = {{"include_usage", true}};
    if (request.temperature)
        body["temperature"] = *request.temperature;
    if (request.topP)
        body["top_p"] = *request.topP;
    if (request.maxTokens)
        body[options.useMaxCompletionTokens ? "max_completion_tokens" : "max_tokens"] = *request.maxTokens;
    if (request.seed)
        body["seed"] = *request.seed;
    if (!request.reasoningEffort.isEmpty())
        body["reasoning_effort"] = request.reasoningEffort.toStdString();
    if (!request.stop.isEmpty())
        body["stop"] = requestjson::stringArray(request.stop);
    if (!request.toolsJson.isEmpty()) {
        OrderedJson tools = OrderedJson::parse(request.toolsJson.begin(), request.toolsJson.end(), nullptr, false);
        if (!tools.is_discarded())
            body["tools"] = std::move(tools);
    }
    if (request.responseFormat == ChatRequest::ResponseFormat::JsonObject) {
        body["response_format"] = {{"type", "json_object"}};
    } else if (request.responseFormat == ChatRequest::ResponseFormat::JsonSchema) {
        OrderedJson schema = OrderedJson::parse(request.responseSchema.begin(), request.responseSchema.end(), nullptr,
                                                false);
        if (schema.is_object()) {
            OrderedJson format = {{"name", "answer"}, {"schema", schema}};
            // Strict mode only when the schema is written for it (closed objects); a looser schema would be refused.
            const auto closed = schema.find("additionalProperties");
            if (closed != schema.end() && closed->is_boolean() && !closed->get<bool>())
                format["strict"] = true;
            body["response_format"] = {{"type", "json_schema"}, {"json_schema", std::move(format)}};
        } else {
            body["response_format"] = {{"type", "json_object"}};
        }
    }

    HttpCall call = jsonPost(chatCompletionsUrl(profile.baseUrl), profile, "text/event-stream",
                             requestjson::dump(body));
    setKeyHeader(call.request, profile, key);
    return call;
}

std::unique_ptr<StreamDecoder> OpenAiCompatibleProvider::createDecoder() const
{
    return std::make_unique<OpenAiStreamDecoder>();
}

void OpenAiCompatibleProvider::decodeWholeBody(QByteArrayView body, QList<StreamEvent>& out) const
{
    const json::Json parsed = json::parse(body);
    if (parsed.is_discarded() || !parsed.is_object()) {
        ProviderError e = ErrorClassifier::fromUnparsedBody(0, body, {});
        e.errorClass = ErrorClass::Malformed;
        e.message = u"Expected a chat completion, got something else: "_s + e.message;
        out.append(StreamFailure{e});
        return;
    }
    if (auto details = errorDetails(parsed)) {
        out.append(StreamFailure{ErrorClassifier::classify(*details)});
        return;
    }
    openai::ChunkState state;
    if (const auto failure = openai::decodeChunk(parsed, true, state, out)) {
        out.append(StreamFailure{*failure});
        return;
    }
    if (!state.finished)
        out.append(Finish{FinishReason::Stop, {}});
}

bool OpenAiCompatibleProvider::adaptToRejection(const ProviderError& error, AttemptOptions& options) const
{
    if (error.errorClass != ErrorClass::BadRequest)
        return false;
    // e.g. "Unrecognized request argument supplied: stream_options" (older Azure, vLLM, proxies).
    if (options.includeStreamUsage && error.message.contains(u"stream_options"_s, Qt::CaseInsensitive)) {
        options.includeStreamUsage = false;
        return true;
    }
    // "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens'…"
    if (!options.useMaxCompletionTokens && error.message.contains(u"max_completion_tokens"_s)) {
        options.useMaxCompletionTokens = true;
        return true;
    }
    return false;
}

HttpCall OpenAiCompatibleProvider::buildModelListCall(const ProviderProfile& profile, const ApiKey& key) const
{
    QUrl base = profile.baseUrl;
    if (base.path().endsWith(u"/chat/completions"_s))
        base.setPath(base.path().chopped(int(qstrlen("/chat/completions"))));
    HttpCall call = jsonGet(joinUrl(base, u"models"), profile);
    setKeyHeader(call.request, profile, key);
    return call;
}

Result<QList<ModelInfo>> OpenAiCompatibleProvider::parseModelList(QByteArrayView body) const
{
    const json::Json parsed = json::parse(body);
    const json::Json* list = &parsed;
    if (parsed.is_object()) {
        if (auto details = errorDetails(parsed); details && !json::member(parsed, "data"))
            return ErrorClassifier::classify(*details);
        list = json::member(parsed, "data");
    }
    if (!list || !list->is_array())
        return malformedModelList(u"{\"data\": [...]}"_s);
    QList<ModelInfo> models;
    for (const json::Json& entry : *list) {
        ModelInfo info;
        info.id = json::stringOr(entry, "id");
        if (info.id.isEmpty())
            continue;
        info.ownedBy = json::stringOr(entry, "owned_by");
        info.contextWindow = json::integer(entry, "context_length"); // OpenRouter, LM Studio
        if (!info.contextWindow)
            info.contextWindow = json::integer(entry, "max_model_len"); // vLLM
        readOpenRouterFields(entry, info);
        models.append(info);
    }
    return models;
}

} // namespace juxta
