// SPDX-License-Identifier: GPL-3.0-or-later
// Google Gemini API: POST {base}/models/{model}:streamGenerateContent?alt=sse, key in x-goog-api-key (never in the URL).
#pragma once

#include "providers/Provider.h"

namespace juxta {

class GeminiProvider final : public Provider
{
public:
    ApiDialect dialect() const override { return ApiDialect::Gemini; }
    HttpCall buildChatCall(const ChatRequest& request, const ProviderProfile& profile, const ApiKey& key,
                           const AttemptOptions& options) const override;
    std::unique_ptr<StreamDecoder> createDecoder() const override;
    void decodeWholeBody(QByteArrayView body, QList<StreamEvent>& out) const override;
    HttpCall buildModelListCall(const ProviderProfile& profile, const ApiKey& key) const override;
    Result<QList<ModelInfo>> parseModelList(QByteArrayView body) const override;
    std::optional<QUrl> nextModelListPage(const QUrl& page, QByteArrayView body) const override;

    // Thinking models (2.5 and later) only show their thoughts when asked to include them.
    static bool supportsThoughts(const QString& model);
};

} // namespace juxta
