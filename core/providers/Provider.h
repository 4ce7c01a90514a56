// SPDX-License-Identifier: GPL-3.0-or-later
// The narrow, stateless interface each API dialect implements. Pure functions: testable without sockets.
#pragma once

#include "common/Result.h"
#include "providers/ApiKey.h"
#include "providers/ChatRequest.h"
#include "providers/HttpHeaders.h"
#include "providers/ModelInfo.h"
#include "providers/ProviderProfile.h"
#include "streaming/StreamEvent.h"

#include <QByteArray>
#include <QDateTime>
#include <QNetworkRequest>
#include <memory>

namespace juxta {

struct HttpCall
{
    QByteArray verb = "POST";
    QNetworkRequest request;
    QByteArray body;
};

// Turns a response body into normalized events as bytes arrive. One decoder per HTTP attempt.
class StreamDecoder
{
public:
    virtual ~StreamDecoder() = default;
    virtual void feed(QByteArrayView bytes, QList<StreamEvent>& out) = 0;
    // The body has ended normally. Emits the Finish or StreamFailure the stream still owes, if any
    // (a stream cut before its terminal event is a failure, never a silent success).
    virtual void finish(QList<StreamEvent>& out) = 0;
    // The model that actually answered, when the stream names it (routers may substitute another).
    virtual QString servedModel() const = 0;
    // True once the dialect's terminal marker arrived ([DONE], message_stop, done:true): the answer is whole
    // even if the server keeps the connection open.
    virtual bool isDone() const { return false; }
};

// Options that vary between attempts of one call.
struct AttemptOptions
{
    bool includeStreamUsage = true;      // OpenAI's stream_options.include_usage; dropped if a server rejects it
    bool useMaxCompletionTokens = false; // OpenAI reasoning models reject max_tokens and want this name
};

class Provider
{
public:
    virtual ~Provider() = default;

    virtual ApiDialect dialect() const = 0;
    virtual HttpCall buildChatCall(const ChatRequest& request, const ProviderProfile& profile, const ApiKey& key,
                                   const AttemptOptions& options) const = 0;
    virtual std::unique_ptr<StreamDecoder> createDecoder() const = 0;

    // A non-2xx response, its headers and (possibly truncated) body. The default reads every error JSON shape
    // the known providers send (see ErrorBodies.h).
    virtual ProviderError classifyHttpError(int status, const HttpHeaders& headers, QByteArrayView body,
                                            const QDateTime& now) const;
    // A 2xx response that is one JSON document instead of a stream (the server ignored "stream": true).
    virtual void decodeWholeBody(QByteArrayView body, QList<StreamEvent>& out) const = 0;
    // Decides from the first non-blank byte of a 2xx body whether it is one JSON document rather than the
    // dialect's stream, whatever Content-Type claims. SSE dialects: '{' or '[' means JSON.
    virtual bool isWholeJsonBody(char firstNonBlankByte) const { return firstNonBlankByte == '{' || firstNonBlankByte == '['; }
    // When the error says the server rejected an optional request field that has a known alternative,
    // adjusts `options` and returns true: the call is then re-sent once with them.
    virtual bool adaptToRejection(const ProviderError&, AttemptOptions&) const { return false; }

    virtual HttpCall buildModelListCall(const ProviderProfile& profile, const ApiKey& key) const = 0;
    virtual Result<QList<ModelInfo>> parseModelList(QByteArrayView body) const = 0;
    // The next page of a paginated model list (Anthropic's has_more/last_id, Gemini's nextPageToken), or
    // nullopt when `body` was the last page.
    virtual std::optional<QUrl> nextModelListPage(const QUrl& /*page*/, QByteArrayView /*body*/) const
    {
        return std::nullopt;
    }

protected:
    // User-Agent, the profile's extra headers, and same-origin-only redirects (a key never follows a redirect
    // to another host). The dialect adds its own auth header.
    static void prepareRequest(QNetworkRequest& request, const ProviderProfile& profile);
    // A prepared GET that accepts JSON (model lists); the dialect adds its auth header.
    static HttpCall jsonGet(const QUrl& url, const ProviderProfile& profile);
    // A prepared POST of a JSON body that accepts `accept` (the dialect's stream type); auth is added after.
    static HttpCall jsonPost(const QUrl& url, const ProviderProfile& profile, const QByteArray& accept, QByteArray body);
    // "Authorization: Bearer …" when there is a key (OpenAI-compatible servers, Ollama behind a proxy), or
    // the profile's own header (Azure's "api-key: …").
    static void setKeyHeader(QNetworkRequest& request, const ProviderProfile& profile, const ApiKey& key);
    // The error for a model list that is not the shape the dialect documents.
    static ProviderError malformedModelList(const QString& expectedShape);
};

// The provider implementation for a dialect. Providers are stateless, so one shared instance each.
// nullptr when this build has no implementation of the dialect yet.
const Provider* providerFor(ApiDialect dialect);
// The error for a profile whose dialect providerFor() does not know.
ProviderError unsupportedDialect(ApiDialect dialect);

} // namespace juxta
