// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/Provider.h"

#include "providers/AnthropicProvider.h"
#include "providers/ErrorBodies.h"
#include "providers/GeminiProvider.h"
#include "providers/OllamaProvider.h"
#include "providers/OpenAiCompatibleProvider.h"

namespace juxta {

ProviderError Provider::classifyHttpError(int status, const HttpHeaders& headers, QByteArrayView body,
                                         const QDateTime& now) const
{
    return classifyErrorResponse(status, headers, body, now);
}

void Provider::prepareRequest(QNetworkRequest& request, const ProviderProfile& profile)
{
    request.setRawHeader("User-Agent", "Juxta/" JUXTA_VERSION);
    for (const auto& [name, value] : profile.extraHeaders)
        request.setRawHeader(name, value);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
}

HttpCall Provider::jsonGet(const QUrl& url, const ProviderProfile& profile)
{
    HttpCall call;
    call.verb = "GET";
    call.request.setUrl(url);
    call.request.setRawHeader("Accept", "application/json");
    prepareRequest(call.request, profile);
    return call;
}

HttpCall Provider::jsonPost(const QUrl& url, const ProviderProfile& profile, const QByteArray& accept,
                            QByteArray body)
{
    HttpCall call;
    call.request.setUrl(url);
    call.request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    call.request.setRawHeader("Accept", accept);
    prepareRequest(call.request, profile);
    call.body = std::move(body);
    return call;
}

void Provider::setKeyHeader(QNetworkRequest& request, const ProviderProfile& profile, const ApiKey& key)
{
    for (const auto& [name, value] : key.secretHeaders())
        request.setRawHeader(name, value); // a gateway's own credential, whatever the key's style
    if (key.isEmpty() || profile.auth == AuthStyle::None)
        return;
    if (profile.auth == AuthStyle::Header && !profile.authHeader.isEmpty())
        request.setRawHeader(profile.authHeader, key.headerValue()); // Azure's api-key, Portkey's x-portkey-api-key
    else
        request.setRawHeader("Authorization", key.headerValue("Bearer "));
}

ProviderError Provider::malformedModelList(const QString& expectedShape)
{
    ProviderError e;
    e.errorClass = ErrorClass::Malformed;
    e.message = QStringLiteral("The model list is not the expected %1 JSON").arg(expectedShape);
    return e;
}

ProviderError unsupportedDialect(ApiDialect dialect)
{
    ProviderError e;
    e.errorClass = ErrorClass::BadRequest;
    e.message = QStringLiteral("The %1 API is not supported by this build of Juxta").arg(apiDialectName(dialect));
    return e;
}

const Provider* providerFor(ApiDialect dialect)
{
    static const OpenAiCompatibleProvider openAi;
    static const AnthropicProvider anthropic;
    static const GeminiProvider gemini;
    static const OllamaProvider ollama;
    switch (dialect) {
    case ApiDialect::OpenAi:
        return &openAi;
    case ApiDialect::Anthropic:
        return &anthropic;
    case ApiDialect::Gemini:
        return &gemini;
    case ApiDialect::Ollama:
        return &ollama;
    }
    return nullptr;
}

} // namespace juxta
