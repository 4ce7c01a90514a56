// SPDX-License-Identifier: GPL-3.0-or-later
// Ollama's native API: POST {base}/api/chat streaming NDJSON, with server-side timings in the final record.
#pragma once

#include "providers/Provider.h"

namespace juxta {

class OllamaProvider final : public Provider
{
public:
    ApiDialect dialect() const override { return ApiDialect::Ollama; }
    HttpCall buildChatCall(const ChatRequest& request, const ProviderProfile& profile, const ApiKey& key,
                           const AttemptOptions& options) const override;
    std::unique_ptr<StreamDecoder> createDecoder() const override;
    void decodeWholeBody(QByteArrayView body, QList<StreamEvent>& out) const override;
    bool isWholeJsonBody(char) const override { return false; } // NDJSON starts with '{' too
    HttpCall buildModelListCall(const ProviderProfile& profile, const ApiKey& key) const override;
    Result<QList<ModelInfo>> parseModelList(QByteArrayView body) const override;

    // "http://host:11434", ".../v1" (the OpenAI-compatible URL) and ".../api" all mean the same server.
    static QUrl apiUrl(const QUrl& base, QStringView endpoint);
};

} // namespace juxta
