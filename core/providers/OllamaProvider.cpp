// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/OllamaProvider.h"

#include "providers/ErrorBodies.h"
#include "providers/OllamaStreamDecoder.h"
#include "providers/ProviderJson.h"

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

using requestjson::Json;
using requestjson::utf8;

} // namespace

QUrl OllamaProvider::apiUrl(const QUrl& base, QStringView endpoint)
{
    QUrl root = base;
    QString path = root.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    for (QStringView suffix : {QStringView(u"/v1"), QStringView(u"/api")}) {
        if (path.endsWith(suffix)) {
            path.chop(suffix.size());
            break;
        }
    }
    root.setPath(path);
    const QString endpointPath = u"api/"_s + endpoint;
    return joinUrl(root, endpointPath);
}

HttpCall OllamaProvider::buildChatCall(const ChatRequest& request, const ProviderProfile& profile, const ApiKey& key,
                                       const AttemptOptions&) const
{
    Json body;
    body["model"] = utf8(request.model);
    Json messages = Json::array();
    if (!request.systemPrompt.isEmpty())
        messages.push_back({{"role", "system"}, {"content", utf8(request.systemPrompt)}});
    for (const ChatMessage& m : request.messages)
        messages.push_back({{"role", requestjson::roleName(m.role)}, {"content", utf8(m.content)}});
    body["messages"] = std::move(messages);
    body["stream"] = true;
    Json options = Json::object();
    if (request.temperature)
        options["temperature"] = *request.temperature;
    if (request.topP)
        options["top_p"] = *request.topP;
    if (request.maxTokens)
        options["num_predict"] = *request.maxTokens;
    if (request.seed)
        options["seed"] = *request.seed;
    if (!request.stop.isEmpty())
        options["stop"] = requestjson::stringArray(request.stop);
    if (!options.empty())
        body["options"] = std::move(options);
    if (request.responseFormat == ChatRequest::ResponseFormat::JsonObject) {
        body["format"] = "json";
    } else if (request.responseFormat == ChatRequest::ResponseFormat::JsonSchema) {
        Json schema = Json::parse(request.responseSchema.begin(), request.responseSchema.end(), nullptr, false);
        body["format"] = schema.is_object() ? std::move(schema) : Json("json"); // Ollama takes the schema itself
    }
    if (Json tools = requestjson::parseTools(request.toolsJson); tools.is_array())
        body["tools"] = std::move(tools); // Ollama takes OpenAI-style tool definitions as they are

    HttpCall call = jsonPost(apiUrl(profile.baseUrl, u"chat"), profile, "application/x-ndjson",
                             requestjson::dump(body));
    setKeyHeader(call.request, profile, key); // a local server needs none; a hosted or proxied one may
    return call;
}

std::unique_ptr<StreamDecoder> OllamaProvider::createDecoder() const
{
    return std::make_unique<OllamaStreamDecoder>();
}

void OllamaProvider::decodeWholeBody(QByteArrayView body, QList<StreamEvent>& out) const
{
    // isWholeJsonBody() is false, so a 2xx body always goes through the NDJSON decoder; a single JSON object
    // is one NDJSON record there. Kept for the interface: decode it the same way.
    OllamaStreamDecoder decoder;
    decoder.feed(body, out);
    decoder.finish(out);
}

HttpCall OllamaProvider::buildModelListCall(const ProviderProfile& profile, const ApiKey& key) const
{
    HttpCall call = jsonGet(apiUrl(profile.baseUrl, u"tags"), profile);
    setKeyHeader(call.request, profile, key);
    return call;
}

Result<QList<ModelInfo>> OllamaProvider::parseModelList(QByteArrayView body) const
{
    const json::Json parsed = json::parse(body);
    const json::Json* list = json::member(parsed, "models");
    if (!list || !list->is_array())
        return malformedModelList(u"/api/tags {\"models\": [...]}"_s);
    QList<ModelInfo> models;
    for (const json::Json& entry : *list) {
        ModelInfo info;
        info.id = json::stringOr(entry, "name", json::stringOr(entry, "model"));
        info.ownedBy = u"ollama"_s;
        if (!info.id.isEmpty())
            models.append(info);
    }
    return models;
}

} // namespace juxta
