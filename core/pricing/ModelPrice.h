// SPDX-License-Identifier: GPL-3.0-or-later
// A model's price list as real price lists are written: per million tokens, with cache reads and writes,
// a separate output price in thinking mode, and long-context tiers that reprice the whole request.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace juxta {

// Prices per million tokens in one tier. A missing cache price means "billed as normal input".
struct TierPrice
{
    double input = 0;
    std::optional<double> cachedInput;
    std::optional<double> cacheWrite;
    double output = 0;
    std::optional<double> thinkingOutput; // all output at this price when the model thinks (Qwen's thinking mode)
    std::optional<double> reasoningOutput; // only the reasoning tokens at this price (OpenRouter's internal_reasoning)

    bool operator==(const TierPrice&) const = default;
};

struct PriceTier
{
    qint64 aboveInputTokens = 0; // this tier applies when the prompt has more input tokens than this
    TierPrice price;

    bool operator==(const PriceTier&) const = default;
};

struct ModelPrice
{
    QString currency = QStringLiteral("USD");
    TierPrice base;
    QList<PriceTier> tiers; // ascending by aboveInputTokens

    // The tier a prompt of `inputTokens` is billed at (Gemini, Anthropic and Qwen bill the whole request at
    // the tier its prompt size falls in).
    const TierPrice& tierFor(qint64 inputTokens) const;
    bool isFree() const;
    bool operator==(const ModelPrice&) const = default;

    // {"currency", "input", "cached_input", "cache_write", "output", "thinking_output", "tiers": [...]}.
    // Prices are USD (or `currency`) per 1M tokens; negative or non-numeric values are rejected.
    static std::optional<ModelPrice> fromJson(const QByteArray& json, QString* error = nullptr);
    QByteArray toJson() const;
};

// Where a figure came from, in increasing precedence.
enum class PriceSource { Unknown, Bundled, OpenRouter, LocalServer, UserOverride, Offline };
QString priceSourceName(PriceSource source);

} // namespace juxta
