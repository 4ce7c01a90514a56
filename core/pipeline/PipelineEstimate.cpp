// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineEstimate.h"

#include "answer/TargetResolver.h"
#include "catalog/ModelCatalog.h"
#include "catalog/ModelRef.h"
#include "pipeline/PipelineGraph.h"
#include "pipeline/PipelineValidator.h"
#include "pipeline/TemplateText.h"

#include <QFileInfo>

#include <cmath>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

// A size in tokens, or a count of items: at least `lo`, at most `hi` (nullopt: no bound known).
struct Range
{
    qint64 lo = 0;
    std::optional<qint64> hi = 0;

    static Range exactly(qint64 n) { return {n, n}; }
    static Range atLeast(qint64 n) { return {n, std::nullopt}; }
    // Saturating: a bound past kHuge is no bound (a wrapped sum could slip under a budget's limit).
    static constexpr qint64 kHuge = qint64(1) << 50;
    static qint64 capped(qint64 a, qint64 b, bool multiply)
    {
        qint64 r = 0;
        const bool overflow = multiply ? __builtin_mul_overflow(a, b, &r) : __builtin_add_overflow(a, b, &r);
        return overflow || r > kHuge ? kHuge : r;
    }
    static std::optional<qint64> bound(qint64 v) { return v >= kHuge ? std::nullopt : std::optional<qint64>(v); }
    Range operator+(const Range& o) const
    {
        return {capped(lo, o.lo, false), hi && o.hi ? bound(capped(*hi, *o.hi, false)) : std::nullopt};
    }
    Range operator*(const Range& o) const
    {
        return {capped(lo, o.lo, true), hi && o.hi ? bound(capped(*hi, *o.hi, true)) : std::nullopt};
    }
};

struct Size
{
    Range tokens;              // a text's (a list: each item's)
    std::optional<Range> items; // set for a list
    Range whole() const { return items ? tokens * *items : tokens; }
};

qint64 divideUp(qint64 a, qint64 b)
{
    return b > 0 ? (a + b - 1) / b : a;
}

Range templateSize(const QString& text, const QHash<QString, Size>& sizes, const QHash<QString, QString>& variables,
                   const std::optional<Size>& item)
{
    Range total = Range::exactly(estimateTokens(renderTemplate(text, [](const QString&) { return QString(); })));
    for (const QString& name : templateReferences(text)) {
        if (name == kItemName && item)
            total = total + item->tokens;
        else if (sizes.contains(name))
            total = total + sizes.value(name).whole();
        else if (variables.contains(name))
            total = total + Range::exactly(estimateTokens(variables.value(name)));
    }
    return total;
}

} // namespace

namespace {
QString usd(double amount)
{
    return formatMoney(amount, u"USD"_s);
}
} // namespace

QString estimateCallsText(const NodeEstimate& n)
{
    const QString calls = n.callsMax && *n.callsMax == n.callsMin ? QString::number(n.callsMin)
                          : n.callsMax ? u"%1–%2"_s.arg(n.callsMin).arg(*n.callsMax)
                                       : u"%1 or more"_s.arg(n.callsMin);
    return n.callsMin == 1 && n.callsMax == 1 ? u"1 call"_s : calls + u" calls"_s;
}

QString estimateCostText(const NodeEstimate& n)
{
    return !n.priceKnown ? u"price unknown"_s
           : n.max       ? u"%1 – %2"_s.arg(usd(n.min), usd(*n.max))
                         : u"from %1 (no upper bound: set max_tokens)"_s.arg(usd(n.min));
}

QString estimateTotalText(const PipelineEstimate& e)
{
    return !e.total        ? u"unknown (a price is missing)"_s
           : e.total->max ? u"%1 – %2"_s.arg(usd(e.total->min), usd(*e.total->max))
                          : u"from %1, no upper bound"_s.arg(usd(e.total->min));
}

PipelineEstimate estimatePipeline(const Pipeline& p, const QHash<QString, QString>& variables,
                                  const AppConfig& config, const ModelCatalog& catalog, const QString& baseDir)
{
    PipelineEstimate out;
    QHash<QString, Size> sizes;
    QHash<QString, Range> conversations; // a model node's question and answer, for one that continues it
    bool allPriced = true;
    double min = 0;
    std::optional<double> max = 0.0;
    for (const QString& name : graphOrder(p).order) {
        const Node& n = *p.node(name);
        std::optional<Size> input;
        std::optional<Size> items;
        for (const Edge& e : p.edgesInto(name)) {
            if (e.port == kItemsPort)
                items = sizes.value(e.from);
            else if (!input)
                input = sizes.value(e.from);
        }
        Size size;
        switch (n.kind) {
        case NodeKind::Input:
            if (n.source == InputSource::File)
                size.tokens = Range::exactly(divideUp(QFileInfo(resolveInputPath(n.file, baseDir)).size(), 4));
            else
                size.tokens = Range::exactly(estimateTokens(
                    n.source == InputSource::Text ? n.text : variables.value(n.variable.isEmpty() ? name : n.variable)));
            break;
        case NodeKind::Template: size.tokens = templateSize(n.text, sizes, variables, std::nullopt); break;
        case NodeKind::Model: {
            std::optional<Size> item;
            if (items)
                item = Size{items->tokens, std::nullopt};
            Range prompt = templateSize(n.prompt, sizes, variables, item) + templateSize(n.system, sizes, variables, item)
                           + Range::exactly(8);
            if (!n.continues.isEmpty()) // the conversation it continues is sent again
                prompt = prompt + conversations.value(n.continues);
            const Range calls = items ? (items->items ? *items->items : Range::exactly(1)) : Range::exactly(1);
            NodeEstimate e;
            e.node = name;
            e.callsMin = calls.lo;
            e.callsMax = calls.hi;
            const std::optional<ProfileModel> named = profileModelOf(config, n.model);
            std::optional<qint64> maxOut = n.maxTokens ? std::optional<qint64>(*n.maxTokens) : std::nullopt;
            if (named) {
                const CatalogEntry entry = catalog.entry(named->profile, named->modelId);
                if (!maxOut)
                    maxOut = entry.maxOutputTokens;
                if (entry.price && entry.price->isFree()) { // offline or local: $0 however much is sent
                    e.priceKnown = true;
                    e.max = 0.0;
                } else if (entry.price && entry.price->currency == u"USD"_s) {
                    e.priceKnown = true;
                    const CostEstimate low = estimateCost(*entry.price, prompt.lo, maxOut);
                    e.min = low.min * double(calls.lo);
                    if (prompt.hi && calls.hi) {
                        const CostEstimate high = estimateCost(*entry.price, *prompt.hi, maxOut);
                        if (high.max)
                            e.max = *high.max * double(*calls.hi);
                    }
                }
            }
            allPriced = allPriced && e.priceKnown;
            min += e.min;
            max = max && e.max ? std::optional<double>(*max + *e.max) : std::nullopt;
            out.models.append(e);
            size.tokens = {1, maxOut};
            if (items)
                size.items = calls;
            else
                conversations.insert(name, prompt + size.tokens);
            break;
        }
        case NodeKind::Transform: {
            const Size in = input.value_or(Size{});
            switch (n.op) {
            case TransformOp::Split: {
                const Range whole = in.whole();
                if (n.by == SplitBy::Tokens) {
                    const qint64 step = std::max(1, n.size - n.overlap);
                    size.tokens = {1, n.size};
                    size.items = Range{divideUp(whole.lo, n.size),
                                       whole.hi ? std::optional<qint64>(divideUp(*whole.hi, step)) : std::nullopt};
                } else {
                    size.tokens = {1, whole.hi};
                    size.items = Range{whole.lo > 0 ? 1 : 0, whole.hi};
                }
                break;
            }
            case TransformOp::Join: size.tokens = in.whole(); break;
            case TransformOp::Regex:
                size.tokens = {0, in.whole().hi};
                if (n.mode == RegexMode::All)
                    size.items = Range{0, in.whole().hi};
                break;
            case TransformOp::JsonPointer:
            case TransformOp::JsonValidate: size.tokens = {0, in.whole().hi}; break;
            case TransformOp::Script: size.tokens = Range::atLeast(0); break;
            }
            break;
        }
        case NodeKind::Condition:
        case NodeKind::Output: size = input.value_or(Size{}); break;
        case NodeKind::Merge: {
            bool first = true;
            for (const Edge& e : p.edgesInto(name)) {
                const Size s = sizes.value(e.from);
                if (first) {
                    size = s;
                    first = false;
                    continue;
                }
                size.tokens.lo = std::min(size.tokens.lo, s.tokens.lo);
                size.tokens.hi = size.tokens.hi && s.tokens.hi ? std::max(size.tokens.hi, s.tokens.hi) : std::nullopt;
            }
            break;
        }
        }
        sizes.insert(name, size);
    }
    if (allPriced) {
        CostEstimate total;
        total.currency = u"USD"_s;
        total.min = min;
        total.max = max;
        out.total = total;
    }
    return out;
}

} // namespace juxta
