// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/CostCalculator.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr double kPerMillion = 1e-6;

double outputPrice(const TierPrice& tier, bool thinking)
{
    return thinking && tier.thinkingOutput ? *tier.thinkingOutput : tier.output;
}

bool isWideScript(char32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0x20000 && c <= 0x3FFFF);
}

} // namespace

std::optional<CostBreakdown> computeCost(const ModelPrice& price, const Usage& usage)
{
    if (!usage.inputTokens || !usage.outputTokens) {
        if (!price.isFree())
            return std::nullopt;
        CostBreakdown nothing; // free whatever the counts (a local or offline model that failed before its usage)
        nothing.currency = price.currency;
        return nothing;
    }
    const qint64 input = std::max<qint64>(*usage.inputTokens, 0);
    const qint64 cached = std::clamp<qint64>(usage.cachedInputTokens.value_or(0), 0, input);
    const qint64 written = std::clamp<qint64>(usage.cacheWriteTokens.value_or(0), 0, input - cached);
    const qint64 output = std::max<qint64>(*usage.outputTokens, 0);
    const bool thought = usage.reasoningTokens.value_or(0) > 0;

    const TierPrice& tier = price.tierFor(input);
    CostBreakdown cost;
    cost.currency = price.currency;
    for (const PriceTier& t : price.tiers) {
        if (&t.price == &tier)
            cost.tierAbove = t.aboveInputTokens;
    }
    cost.uncachedInput = double(input - cached - written) * tier.input * kPerMillion;
    cost.cachedInput = double(cached) * tier.cachedInput.value_or(tier.input) * kPerMillion;
    cost.cacheWrite = double(written) * tier.cacheWrite.value_or(tier.input) * kPerMillion;
    cost.thinkingPrice = thought && tier.thinkingOutput.has_value();
    const qint64 reasoning = std::clamp<qint64>(usage.reasoningTokens.value_or(0), 0, output);
    const double answerPrice = outputPrice(tier, thought);
    cost.output = (double(output - reasoning) * answerPrice
                   + double(reasoning) * tier.reasoningOutput.value_or(answerPrice)) * kPerMillion;
    cost.total = cost.uncachedInput + cost.cachedInput + cost.cacheWrite + cost.output;
    return cost;
}

std::optional<BilledCostCheck> checkBilledCost(const Usage& usage, const std::optional<CostBreakdown>& computed)
{
    if (!usage.billedCostUsd)
        return std::nullopt;
    BilledCostCheck check;
    check.billedUsd = *usage.billedCostUsd;
    if (computed && computed->currency == u"USD"_s) {
        check.computedUsd = computed->total;
        const double diff = std::abs(computed->total - check.billedUsd);
        check.agrees = diff <= 0.0001 || diff <= 0.01 * std::max(check.billedUsd, computed->total);
    }
    return check;
}

namespace {

int narrowBytesOf(char32_t c)
{
    return c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
}

} // namespace

qint64 estimateTokens(QStringView text)
{
    // Walked in place (no UCS-4 copy): this runs on every streamed piece of every answer.
    qint64 narrowBytes = 0;
    qint64 wide = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            c = QChar::surrogateToUcs4(char16_t(c), text.at(++i).unicode());
        if (isWideScript(c))
            ++wide;
        else
            narrowBytes += narrowBytesOf(c);
    }
    return (narrowBytes + 3) / 4 + wide;
}

double tokenWeight(char32_t c)
{
    return isWideScript(c) ? 1.0 : narrowBytesOf(c) / 4.0;
}

qint64 estimatePromptTokens(const QList<QString>& messageTexts)
{
    qint64 total = 3; // the reply's priming tokens
    for (const QString& text : messageTexts)
        total += 4 + estimateTokens(text);
    return total;
}

CostEstimate estimateCost(const ModelPrice& price, qint64 promptTokens, std::optional<qint64> maxOutputTokens)
{
    CostEstimate e;
    e.currency = price.currency;
    e.inputTokensLow = std::max<qint64>(1, qint64(std::floor(double(promptTokens) * 0.8)));
    e.inputTokensHigh = std::max<qint64>(1, qint64(std::ceil(double(promptTokens) * 1.25)));
    e.maxOutputTokens = maxOutputTokens;

    const TierPrice& low = price.tierFor(e.inputTokensLow);
    e.min = (double(e.inputTokensLow) * low.input + low.output) * kPerMillion;
    if (maxOutputTokens) {
        const TierPrice& high = price.tierFor(e.inputTokensHigh);
        const double out = std::max({high.output, high.thinkingOutput.value_or(0), high.reasoningOutput.value_or(0)});
        e.max = (double(e.inputTokensHigh) * high.input + double(*maxOutputTokens) * out) * kPerMillion;
    }
    return e;
}

QString formatMoney(double amount, const QString& currency)
{
    const QString prefix = currency == u"USD"_s ? u"$"_s : currency + u' ';
    if (amount == 0)
        return prefix + u"0.00"_s;
    if (amount > 0 && amount < 0.0001)
        return u"<"_s + prefix + u"0.0001"_s;
    const int decimals = amount >= 1 ? 2 : 4;
    return prefix + QString::number(amount, 'f', decimals);
}

QString formatPricePerMillion(const ModelPrice& price)
{
    const QString prefix = price.currency == u"USD"_s ? u"$"_s : price.currency + u' ';
    const auto per = [&](double v) -> QString {
        QString digits = QString::number(v, 'f', 4); // list prices go down to $0.0375
        while (digits.endsWith(u'0') && digits.indexOf(u'.') < digits.size() - 3)
            digits.chop(1);
        return prefix + digits;
    };
    if (price.isFree())
        return u"free"_s;
    return u"%1 / %2 per 1M"_s.arg(per(price.base.input), per(price.base.output));
}

} // namespace juxta
