// SPDX-License-Identifier: GPL-3.0-or-later
// What the chat sends: the request for the next answer from the branch shown and the conversation's settings,
// and the estimate of what sending it would cost.
#pragma once

#include "answer/ChatSettings.h"
#include "pricing/CostCalculator.h"
#include "providers/ChatRequest.h"
#include "storage/HistoryRecords.h"

namespace juxta {

struct AppConfig;
class ModelCatalog;

// `path` runs from the first message to the one being answered; empty messages (an answer that failed before any
// text) are left out. `modelId` is the primary target's model id.
ChatRequest buildChatRequest(const QList<MessageRecord>& path, const ChatSettings& settings, const QString& modelId);

struct SendEstimate
{
    qint64 promptTokens = 0;
    std::optional<qint64> contextWindow;
    std::optional<CostEstimate> cost; // nullopt: the model's price is unknown
};
// nullopt when settings.model does not name a usable profile.
std::optional<SendEstimate> estimateSend(const AppConfig& config, const ModelCatalog& catalog,
                                         const ChatSettings& settings, const QList<QString>& messageTexts);

} // namespace juxta
