// SPDX-License-Identifier: GPL-3.0-or-later
#include "streaming/StreamEvent.h"

using namespace Qt::StringLiterals;

namespace juxta {

QString finishReasonName(FinishReason reason)
{
    switch (reason) {
    case FinishReason::Stop:
        return u"stop"_s;
    case FinishReason::Length:
        return u"length"_s;
    case FinishReason::ToolCalls:
        return u"tool_calls"_s;
    case FinishReason::ContentFilter:
        return u"content_filter"_s;
    case FinishReason::Error:
        return u"error"_s;
    case FinishReason::Cancelled:
        return u"cancelled"_s;
    }
    return u"error"_s;
}

void Usage::mergeFrom(const Usage& newer)
{
    if (newer.inputTokens)
        inputTokens = newer.inputTokens;
    if (newer.cachedInputTokens)
        cachedInputTokens = newer.cachedInputTokens;
    if (newer.outputTokens)
        outputTokens = newer.outputTokens;
    if (newer.reasoningTokens)
        reasoningTokens = newer.reasoningTokens;
    if (newer.cacheWriteTokens)
        cacheWriteTokens = newer.cacheWriteTokens;
    if (newer.billedCostUsd)
        billedCostUsd = newer.billedCostUsd;
}

} // namespace juxta
