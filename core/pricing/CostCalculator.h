// SPDX-License-Identifier: GPL-3.0-or-later
// What a call cost, from normalized usage and a price list, and what the next one may cost.
//
// Usage is normalized by the decoders (streaming/StreamEvent.h): input includes cached reads and cache writes,
// output includes reasoning. So one rule fits every provider: cached reads and cache writes are billed at
// their own prices and the rest of the input at the input price; all output, thinking included, at the output
// price (the thinking-mode price when the model thought and the list has one); the tier is chosen by the
// prompt's total input tokens.
#pragma once

#include "pricing/ModelPrice.h"
#include "streaming/StreamEvent.h"

#include <QString>
#include <optional>

namespace juxta {

struct CostBreakdown
{
    QString currency;
    double uncachedInput = 0;
    double cachedInput = 0;
    double cacheWrite = 0;
    double output = 0; // including reasoning
    double total = 0;
    qint64 tierAbove = 0;       // the long-context tier that applied (0: base prices)
    bool thinkingPrice = false; // output billed at the thinking-mode price
};

// Null when usage lacks input or output counts: a cost is never guessed from half the numbers (unless the price is
// free: then it is 0 whatever the counts).
std::optional<CostBreakdown> computeCost(const ModelPrice& price, const Usage& usage);

// Our figure next to the provider's own bill (OpenRouter's usage.cost, USD).
struct BilledCostCheck
{
    double billedUsd = 0;
    std::optional<double> computedUsd;
    bool agrees = true; // within 1 % or a hundredth of a cent; false means our price list is out of date
};
std::optional<BilledCostCheck> checkBilledCost(const Usage& usage, const std::optional<CostBreakdown>& computed);

// Rough prompt size in tokens without the model's tokenizer: about 4 bytes per token for Latin text, one token
// per CJK character, plus a few tokens of framing per message. Good to ±25 % for typical prose and code.
qint64 estimateTokens(QStringView text);
// One character's share of that estimate (a quarter of a token per byte; a CJK character is one): for cutting text
// into pieces of a given size in tokens.
double tokenWeight(char32_t c);
qint64 estimatePromptTokens(const QList<QString>& messageTexts);

// A min–max estimate before sending. min: the low token estimate and a one-token answer; max: the high
// estimate and an answer of `maxOutputTokens` (the request's max_tokens, else the model's maximum), thinking
// price included. No max when the answer's length has no known bound.
struct CostEstimate
{
    QString currency;
    qint64 inputTokensLow = 0;
    qint64 inputTokensHigh = 0;
    std::optional<qint64> maxOutputTokens;
    double min = 0;
    std::optional<double> max;
};
CostEstimate estimateCost(const ModelPrice& price, qint64 promptTokens, std::optional<qint64> maxOutputTokens);

// "$0.0123", "$12.40", "<$0.0001", "CNY 0.52": enough digits to tell cheap models apart.
QString formatMoney(double amount, const QString& currency);
// "$2.50 / $10.00 per 1M" (input / output).
QString formatPricePerMillion(const ModelPrice& price);

} // namespace juxta
