// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/GeminiProvider.h"

#include <algorithm>
#include <cctype>

#include "providers/ErrorBodies.h"
#include "providers/GeminiStreamDecoder.h"
#include "providers/ProviderJson.h"


#include <QHash>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

using requestjson::Json;
using requestjson::utf8;

QString bareModel(QString model)
{
    if (model.startsWith(u"models/"_s))
        model.remove(0, 7);
    return model;
}

void setAuth(QNetworkRequest& request, const ApiKey& key)
{
    for (const auto& [name, value] : key.secretHeaders())
        request.setRawHeader(name, value); // e.g. a gateway's own credential in front of the provider
    if (!key.isEmpty())
        request.setRawHeader("x-goog-api-key", key.headerValue()); // a key in the URL would end up in logs
}

Json textParts(const QString& text)
{
    return Json::array({{{"text", utf8(text)}}});
}

// OpenAI-style tools → [{"functionDeclarations": [{name, description, parameters}]}].
Json convertTools(const QByteArray& toolsJson)
{
    const Json tools = requestjson::parseTools(toolsJson);
    Json declarations = Json::array();
    if (tools.is_array()) {
        for (const Json& tool : tools) {
            const Json& f = tool.contains("function") ? tool["function"] : tool;
            if (!f.is_object() || !f.contains("name"))
                continue;
            Json d{{"name", f["name"]}};
            if (f.contains("description"))
                d["description"] = f["description"];
            if (f.contains("parameters"))
                d["parameters"] = f["parameters"];
            declarations.push_back(std::move(d));
        }
    }
    return declarations.empty() ? Json() : Json::array({{{"functionDeclarations", declarations}}});
}

// A JSON Schema as Gemini's responseSchema takes it (its OpenAPI subset): type names in capitals, ["x", "null"]
// as nullable, and only the keywords it knows (it refuses the request over additionalProperties or $schema).
Json geminiSchema(const Json& schema, int depth)
{
    if (!schema.is_object() || depth > 32)
        return Json::object();
    static const char* const kept[] = {"format", "description", "enum", "required", "minItems", "maxItems",
                                       "minimum", "maximum", "minLength", "maxLength", "pattern", "propertyOrdering"};
    Json out = Json::object();
    for (const char* key : kept) {
        if (schema.contains(key))
            out[key] = schema[key];
    }
    const auto typeName = [](const std::string& t) {
        std::string upper = t;
        std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return char(std::toupper(c)); });
        return upper;
    };
    if (const auto type = schema.find("type"); type != schema.end()) {
        if (type->is_string()) {
            out["type"] = typeName(type->get<std::string>());
        } else if (type->is_array()) {
            for (const Json& t : *type) {
                if (!t.is_string())
                    continue;
                if (t.get<std::string>() == "null")
                    out["nullable"] = true;
                else if (!out.contains("type"))
                    out["type"] = typeName(t.get<std::string>());
            }
        }
    }
    if (const auto properties = schema.find("properties"); properties != schema.end() && properties->is_object()) {
        Json converted = Json::object();
        for (auto it = properties->begin(); it != properties->end(); ++it)
            converted[it.key()] = geminiSchema(it.value(), depth + 1);
        out["properties"] = std::move(converted);
    }
    if (const auto items = schema.find("items"); items != schema.end() && items->is_object())
        out["items"] = geminiSchema(*items, depth + 1);
    if (const auto anyOf = schema.find("anyOf"); anyOf != schema.end() && anyOf->is_array()) {
        Json converted = Json::array();
        for (const Json& option : *anyOf)
            converted.push_back(geminiSchema(option, depth + 1));
        out["anyOf"] = std::move(converted);
    }
    return out;
}

} // namespace

bool GeminiProvider::supportsThoughts(const QString& model)
{
    const QString m = bareModel(model);
    return m.contains(u"thinking"_s) || m.startsWith(u"gemini-2.5"_s) || m.startsWith(u"gemini-3"_s);
}

HttpCall GeminiProvider::buildChatCall(const ChatRequest& request, const ProviderProfile& profile, const ApiKey& key,
                                       const AttemptOptions&) const
{
    Json body;
    QString system = request.systemPrompt;
    Json contents = Json::array();
    for (const ChatMessage& m : request.messages) {
        if (m.role == ChatMessage::Role::System) {
            system += (system.isEmpty() ? QString() : u"\n\n"_s) + m.content;
            continue;
        }
        contents.push_back({{"role", m.role == ChatMessage::Role::Assistant ? "model" : "user"},
                            {"parts", textParts(m.content)}});
    }
    body["contents"] = std::move(contents);
    if (!system.isEmpty())
        body["systemInstruction"] = {{"parts", textParts(system)}};
    Json config = Json::object();
    if (request.temperature)
        config["temperature"] = *request.temperature;
    if (request.topP)
        config["topP"] = *request.topP;
    if (request.maxTokens)
        config["maxOutputTokens"] = *request.maxTokens;
    if (request.seed)
        config["seed"] = *request.seed;
    if (!request.stop.isEmpty())
        config["stopSequences"] = requestjson::stringArray(request.stop);
    if (supportsThoughts(request.model)) {
        config["thinkingConfig"] = {{"includeThoughts", true}};
        static const QHash<QString, int> budgets{{u"low"_s, 1024}, {u"medium"_s, 8192}, {u"high"_s, 24576}};
        if (budgets.contains(request.reasoningEffort))
            config["thinkingConfig"]["thinkingBudget"] = budgets.value(request.reasoningEffort);
    }
    if (request.responseFormat != ChatRequest::ResponseFormat::Text) {
        config["responseMimeType"] = "application/json";
        if (request.responseFormat == ChatRequest::ResponseFormat::JsonSchema) {
            const Json schema = Json::parse(request.responseSchema.begin(), request.responseSchema.end(), nullptr,
                                            false);
            if (schema.is_object())
                config["responseSchema"] = geminiSchema(schema, 0);
        }
    }
    if (!config.empty())
        body["generationConfig"] = std::move(config);
    if (Json tools = convertTools(request.toolsJson); !tools.is_null())
        body["tools"] = std::move(tools);

    const QString endpoint = u"models/"_s + bareModel(request.model) + u":streamGenerateContent"_s;
    QUrl url = joinUrl(profile.baseUrl, endpoint);
    url.setQuery(u"alt=sse"_s);
    HttpCall call = jsonPost(url, profile, "text/event-stream", requestjson::dump(body));
    setAuth(call.request, key);
    return call;
}

std::unique_ptr<StreamDecoder> GeminiProvider::createDecoder() const
{
    return std::make_unique<GeminiStreamDecoder>();
}

void GeminiProvider::decodeWholeBody(QByteArrayView body, QList<StreamEvent>& out) const
{
    // Without alt=sse, streamGenerateContent answers with a JSON array of responses; generateContent with one.
    const json::Json parsed = json::parse(body);
    if (auto details = parsed.is_discarded() ? std::nullopt : errorDetails(parsed)) {
        out.append(StreamFailure{ErrorClassifier::classify(*details)});
        return;
    }
    GeminiStreamDecoder decoder;
    if (parsed.is_array()) {
        for (const json::Json& response : parsed)
            decoder.decodeResponse(response, out);
    } else if (parsed.is_object()) {
        decoder.decodeResponse(parsed, out);
    }
    if (!decoder.sawFinishReason()
        && std::none_of(out.cbegin(), out.cend(), [](const StreamEvent& e) { return std::holds_alternative<StreamFailure>(e); })) {
        ProviderError e = ErrorClassifier::fromUnparsedBody(0, body, {});
        e.errorClass = ErrorClass::Malformed;
        e.message = u"Expected a Gemini response with a finishReason, got: "_s + e.message;
        out.append(StreamFailure{e});
    }
}

HttpCall GeminiProvider::buildModelListCall(const ProviderProfile& profile, const ApiKey& key) const
{
    QUrl url = joinUrl(profile.baseUrl, u"models");
    url.setQuery(u"pageSize=1000"_s);
    HttpCall call = jsonGet(url, profile);
    setAuth(call.request, key);
    return call;
}

Result<QList<ModelInfo>> GeminiProvider::parseModelList(QByteArrayView body) const
{
    const json::Json parsed = json::parse(body);
    const json::Json* list = json::member(parsed, "models");
    if (!list || !list->is_array())
        return malformedModelList(u"{\"models\": [...]}"_s);
    QList<ModelInfo> models;
    for (const json::Json& entry : *list) {
        bool canChat = false;
        if (const json::Json* methods = json::member(entry, "supportedGenerationMethods"); methods && methods->is_array()) {
            for (const json::Json& m : *methods)
                canChat |= m.is_string() && m.get<std::string>() == "generateContent";
        }
        if (!canChat)
            continue; // embedding and other non-chat models
        ModelInfo info;
        info.id = bareModel(json::stringOr(entry, "name"));
        info.displayName = json::stringOr(entry, "displayName");
        info.ownedBy = u"google"_s;
        info.contextWindow = json::integer(entry, "inputTokenLimit");
        info.maxOutputTokens = json::integer(entry, "outputTokenLimit");
        if (const json::Json* thinking = json::member(entry, "thinking"); thinking && thinking->is_boolean())
            info.reasoning = thinking->get<bool>();
        if (!info.id.isEmpty())
            models.append(info);
    }
    return models;
}

std::optional<QUrl> GeminiProvider::nextModelListPage(const QUrl& page, QByteArrayView body) const
{
    const QString token = json::stringOr(json::parse(body), "nextPageToken");
    if (token.isEmpty())
        return std::nullopt;
    QUrl next = page;
    QUrlQuery query(page);
    query.removeAllQueryItems(u"pageToken"_s);
    query.addQueryItem(u"pageToken"_s, token);
    next.setQuery(query);
    return next;
}

} // namespace juxta
