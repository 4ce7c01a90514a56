// SPDX-License-Identifier: GPL-3.0-or-later
#include "answer/ChatRequestBuilder.h"

#include "catalog/ModelCatalog.h"
#include "catalog/ModelRef.h"
#include "answer/TargetResolver.h"
#include "config/AppConfig.h"

namespace juxta {

ChatRequest buildChatRequest(const QList<MessageRecord>& path, const ChatSettings& settings, const QString& modelId)
{
    ChatRequest request;
    request.model = modelId;
    request.systemPrompt = settings.systemPrompt;
    request.temperature = settings.temperature;
    request.topP = settings.topP;
    request.maxTokens = settings.maxTokens;
    request.seed = settings.seed;
    request.reasoningEffort = settings.reasoningEffort;
    for (const MessageRecord& m : path) {
        if (m.content.isEmpty())
            continue;
        const ChatMessage::Role role = m.role == MessageRole::Assistant ? ChatMessage::Role::Assistant
                                       : m.role == MessageRole::System  ? ChatMessage::Role::System
                                                                        : ChatMessage::Role::User;
        request.messages.append({role, m.content});
    }
    return request;
}

std::optional<SendEstimate> estimateSend(const AppConfig& config, const ModelCatalog& catalog,
                                         const ChatSettings& settings, const QList<QString>& messageTexts)
{
    const std::optional<ProfileModel> named = profileModelOf(config, settings.model);
    if (!named)
        return std::nullopt;
    QList<QString> texts = messageTexts;
    if (!settings.systemPrompt.isEmpty())
        texts.prepend(settings.systemPrompt);
    SendEstimate out;
    out.promptTokens = estimatePromptTokens(texts);
    const CatalogEntry entry = catalog.entry(named->profile, named->modelId);
    out.contextWindow = entry.contextWindow;
    if (entry.price) {
        const std::optional<qint64> maxOut = settings.maxTokens ? std::optional<qint64>(*settings.maxTokens)
                                                                : entry.maxOutputTokens;
        out.cost = estimateCost(*entry.price, out.promptTokens, maxOut);
    }
    return out;
}

} // namespace juxta
