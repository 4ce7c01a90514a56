// SPDX-License-Identifier: GPL-3.0-or-later
// The one normalized event model every provider's stream is decoded into.
#pragma once

#include "common/ProviderError.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>
#include <variant>

namespace juxta {

enum class FinishReason { Stop, Length, ToolCalls, ContentFilter, Error, Cancelled };

QString finishReasonName(FinishReason reason); // "stop", "length", "tool_calls", …

// Token counts as the provider reported them; std::nullopt means "not reported", never 0.
struct Usage
{
    std::optional<qint64> inputTokens;       // prompt tokens, including cached ones
    std::optional<qint64> cachedInputTokens; // the part of inputTokens served from the provider's cache
    std::optional<qint64> outputTokens;      // completion tokens, including reasoning tokens
    std::optional<qint64> reasoningTokens;   // the part of outputTokens spent thinking
    std::optional<qint64> cacheWriteTokens;  // the part of inputTokens written to the cache (Anthropic)
    std::optional<double> billedCostUsd;     // what the provider says it charged (OpenRouter's usage.cost)

    bool isEmpty() const
    {
        return !inputTokens && !cachedInputTokens && !outputTokens && !reasoningTokens && !cacheWriteTokens
            && !billedCostUsd;
    }
    // Later reports refine earlier ones field by field (Anthropic splits usage over two events).
    void mergeFrom(const Usage& newer);
};

struct TextDelta
{
    QString text;
};

struct ReasoningDelta
{
    QString text;
};

// One fragment of a tool call. Providers send the id and name once, then argument text in pieces.
struct ToolCallDelta
{
    int index = 0;
    QString id;
    QString name;
    QString argumentsFragment;
};

struct UsageReport
{
    Usage usage;
    std::optional<double> serverOutputTokensPerSecond = std::nullopt; // the server's own measurement (Ollama's eval_duration)
};

struct Finish
{
    FinishReason reason = FinishReason::Stop;
    QString providerReason; // the provider's own word ("end_turn", "MAX_TOKENS"), for display and logs
};

struct StreamFailure
{
    ProviderError error;
};

using StreamEvent = std::variant<TextDelta, ReasoningDelta, ToolCallDelta, UsageReport, Finish, StreamFailure>;

// Appends a text or reasoning delta; empty fragments (role-only chunks, keep-alive deltas) are not events.
inline void appendText(QList<StreamEvent>& out, const QString& text, bool reasoning)
{
    if (text.isEmpty())
        return;
    if (reasoning)
        out.append(ReasoningDelta{text});
    else
        out.append(TextDelta{text});
}

} // namespace juxta

Q_DECLARE_METATYPE(juxta::StreamEvent)
