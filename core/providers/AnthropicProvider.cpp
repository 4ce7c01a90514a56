// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/AnthropicProvider.h"

#include "providers/AnthropicStreamDecoder.h"
#include "providers/ErrorBodies.h"
#include "providers/ProviderJson.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

using requestjson::Json;
using requestjson::utf8;

void setAuth(QNetworkRequest& request, const ApiKey& key)
{
    for (const auto& [name, value] : key.secretHeaders())
        request.setRawHeader(name, value); // e.g. a gateway's own credential in front of the provider
    if (!key.isEmpty())
        request.setRawHeader("x-api-key", key.headerValue());
    request.setRawHeader("anthropic-version", AnthropicProvider::kApiVersion);
}

// OpenAI-style [{"type":"function","function":{name, description, parameters}}] → Anthropic's tool list.
Json convertTools(const QByteArray& toolsJson)
{
    const Json tools = requestjson::parseTools(toolsJson);
    Json out = Json::array();
    if (!tools.is_array())
        return out;
    for (const Json& tool : tools) {
        const Json& f = tool.contains("function") ? tool["function"] : tool;
        if (!f.is_object() || !f.contains("name"))
            continue;
        Json converted;
        converted["name"] = f["name"];
        if (f.contains("description"))
            converted["description"] = f["description"];
        converted["input_schema"] = f.contains("parameters") ? f["parameters"] : Json{{"type", "object"}};
        out.push_back(std::move(converted));
    }
    return out;
}

// Tokens of extended thinking per reasoning effort; none when the user did not ask for it.
int thinkingBudget(const QString& effort)
{
    if (effort == u"low"_s)
        return 2048;
    if (effort == u"medium"_s)
        return 8192;
    if (effort == u"high"_s)
        return 24576;
    return 0;
}

} // namespace

int AnthropicProvider::defaultMaxTokens(const QString& model)
{
    // Claude 3 (Haiku, Sonnet, Opus) cap output at 4,096 tokens; 3.5 and later models allow 8,192 or more.
    if (model.startsWith(u"claude-3-"_s) && !model.startsWith(u"claude-3-5"_s) && !model.startsWith(u"claude-3-7"_s))
        return 4096;
    return 8192;
}

HttpCall AnthropicProvider::buildChatCall(const ChatRequest& request, const ProviderProfile& profile,
                                          const ApiKey& key, const AttemptOptions&) const
{
    Json body;
    body["model"] = utf8(request.model);
    body["max_tokens"] = request.maxTokens.value_or(defaultMaxTokens(request.model));
    QString system = request.systemPrompt;
    Json messages = Json::array();
    for (const ChatMessage& m : request.messages) {
        if (m.role == ChatMessage::Role::System) { // this API has one system field, not system messages
            system += (system.isEmpty() ? QString() : u"\n\n"_s) + m.content;
            continue;
        }
        messages.push_back({{"role", m.role == ChatMessage::Role::Assistant ? "assistant" : "user"},
                            {"content", utf8(m.content)}});
    }
    // No JSON mode in this API: the instruction asks for it (and the caller checks the answer).
    if (const QString instruction = jsonInstruction(request); !instruction.isEmpty())
        system += (system.isEmpty() ? QString() : u"\n\n"_s) + instruction;
    if (!system.isEmpty())
        body["system"] = utf8(system);
    body["messages"] = std::move(messages);
    body["stream"] = true;
    if (request.temperature)
        body["temperature"] = *request.temperature;
    if (request.topP)
        body["top_p"] = *request.topP;
    if (!request.stop.isEmpty())
        body["stop_sequences"] = requestjson::stringArray(request.stop);
    if (Json tools = convertTools(request.toolsJson); !tools.empty())
        body["tools"] = std::move(tools);
    // seed has no equivalent in this API and is not sent.
    if (const int budget = thinkingBudget(request.reasoningEffort); budget > 0) {
        // Extended thinking: the budget counts against max_tokens and must stay below it; sampling changes
        // are not allowed with it.
        body["thinking"] = {{"type", "enabled"}, {"budget_tokens", budget}};
        body["max_tokens"] = std::max(body["max_tokens"].get<int>(), budget + 4096);
        body.erase("temperature");
        body.erase("top_p");
    }

    const QUrl base = profile.baseUrl;
    HttpCall call = jsonPost(base.path().endsWith(u"/messages"_s) ? base : joinUrl(base, u"messages"), profile,
                             "text/event-stream", requestjson::dump(body));
    setAuth(call.request, key);
    return call;
}

std::unique_ptr<StreamDecoder> AnthropicProvider::createDecoder() const
{
    return std::make_unique<AnthropicStreamDecoder>();
}

void AnthropicProvider::decodeWholeBody(QByteArrayView body, QList<StreamEvent>& out) const
{
    const json::Json parsed = json::parse(body);
    if (auto details = parsed.is_discarded() ? std::nullopt : errorDetails(parsed)) {
        out.append(StreamFailure{ErrorClassifier::classify(*details)});
        return;
    }
    if (!parsed.is_object() || json::stringOr(parsed, "type") != u"message"_s) {
        ProviderError e = ErrorClassifier::fromUnparsedBody(0, body, {});
        e.errorClass = ErrorClass::Malformed;
        e.message = u"Expected a Messages API answer, got something else: "_s + e.message;
        out.append(StreamFailure{e});
        return;
    }
    AnthropicStreamDecoder::decodeMessage(parsed, out);
}

HttpCall AnthropicProvider::buildModelListCall(const ProviderProfile& profile, const ApiKey& key) const
{
    QUrl url = joinUrl(profile.baseUrl, u"models");
    url.setQuery(u"limit=1000"_s);
    HttpCall call = jsonGet(url, profile);
    setAuth(call.request, key);
    return call;
}

Result<QList<ModelInfo>> AnthropicProvider::parseModelList(QByteArrayView body) const
{
    const json::Json parsed = json::parse(body);
    const json::Json* data = json::member(parsed, "data");
    if (!data || !data->is_array())
        return malformedModelList(u"{\"data\": [...]}"_s);
    QList<ModelInfo> models;
    for (const json::Json& entry : *data) {
        ModelInfo info;
        info.id = json::stringOr(entry, "id");
        info.displayName = json::stringOr(entry, "display_name");
        info.ownedBy = u"anthropic"_s;
        if (!info.id.isEmpty())
            models.append(info);
    }
    return models;
}

std::optional<QUrl> AnthropicProvider::nextModelListPage(const QUrl& page, QByteArrayView body) const
{
    const json::Json parsed = json::parse(body);
    const json::Json* more = json::member(parsed, "has_more");
    const QString lastId = json::stringOr(parsed, "last_id");
    if (!more || !more->is_boolean() || !more->get<bool>() || lastId.isEmpty())
        return std::nullopt;
    QUrl next = page;
    QUrlQuery query(page);
    query.removeAllQueryItems(u"after_id"_s);
    query.addQueryItem(u"after_id"_s, lastId);
    next.setQuery(query);
    return next;
}

} // namespace juxta
