// SPDX-License-Identifier: GPL-3.0-or-later
// OpenAI chat-completions dialect, spoken by OpenAI, DeepSeek, Mistral, Groq, OpenRouter, vLLM, Ollama, LM Studio…
#pragma once

#include "providers/Provider.h"

namespace juxta {

class OpenAiCompatibleProvider final : public Provider
{
public:
    ApiDialect dialect() const override { return ApiDialect::OpenAi; }
    HttpCall buildChatCall(const ChatRequest& request, const ProviderProfile& profile, const ApiKey& key,
                           const AttemptOptions& options) const override;
    std::unique_ptr<StreamDecoder> createDecoder() const override;
    void decodeWholeBody(QByteArrayView body, QList<StreamEvent>& out) const override;
    bool adaptToRejection(const ProviderError& error, AttemptOptions& options) const override;
    HttpCall buildModelListCall(const ProviderProfile& profile, const ApiKey& key) const override;
    Result<QList<ModelInfo>> parseModelList(QByteArrayView body) const override;

    // The endpoint for a base URL; a base that already ends in /chat/completions is used as it is.
    static QUrl chatCompletionsUrl(const QUrl& base);
};

} // namespace juxta
