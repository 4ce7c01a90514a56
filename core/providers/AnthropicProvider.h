// SPDX-License-Identifier: GPL-3.0-or-later
// Anthropic Messages API: POST {base}/messages with x-api-key and anthropic-version, typed SSE events.
#pragma once

#include "providers/Provider.h"

namespace juxta {

class AnthropicProvider final : public Provider
{
public:
    static constexpr const char* kApiVersion = "2023-06-01";

    ApiDialect dialect() const override { return ApiDialect::Anthropic; }
    HttpCall buildChatCall(const ChatRequest& request, const ProviderProfile& profile, const ApiKey& key,
                           const AttemptOptions& options) const override;
    std::unique_ptr<StreamDecoder> createDecoder() const override;
    void decodeWholeBody(QByteArrayView body, QList<StreamEvent>& out) const override;
    HttpCall buildModelListCall(const ProviderProfile& profile, const ApiKey& key) const override;
    Result<QList<ModelInfo>> parseModelList(QByteArrayView body) const override;
    std::optional<QUrl> nextModelListPage(const QUrl& page, QByteArrayView body) const override;

    // max_tokens is mandatory in this API; without a user value, a default that fits the model.
    static int defaultMaxTokens(const QString& model);
};

} // namespace juxta
