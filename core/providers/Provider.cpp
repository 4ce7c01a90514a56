// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/Provider.h"

#include "providers/AnthropicProvider.h"
#include "providers/OpenAiCompatibleProvider.h"

namespace juxta {

void Provider::prepareRequest(QNetworkRequest& request, const ProviderProfile& profile)
{
    request.setRawHeader("User-Agent", "Juxta/" JUXTA_VERSION);
    for (const auto& [name, value] : profile.extraHeaders)
        request.setRawHeader(name, value);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
}

const Provider* providerFor(ApiDialect dialect)
{
    static const OpenAiCompatibleProvider openAi;
    static const AnthropicProvider anthropic;
    switch (dialect) {
    case ApiDialect::OpenAi:
        return &openAi;
    case ApiDialect::Anthropic:
        return &anthropic;
    case ApiDialect::Gemini:
    case ApiDialect::Ollama:
        break; // their native providers are not part of this build yet
    }
    return nullptr;
}

} // namespace juxta
