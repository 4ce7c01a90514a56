// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/CompareFigures.h"

#include <QMap>

namespace juxta {

std::optional<double> ColumnFigures::generationMs() const
{
    if (!ttftMs || !totalMs)
        return std::nullopt;
    return std::max(0.0, *totalMs - *ttftMs);
}

namespace {

// The index of the best value among succeeded columns, or -1 with fewer than two candidates or when the best is
// shared (three offline answers at $0 are not "cheapest" one over the others).
template <typename Value, typename Better>
int bestOf(const QList<ColumnFigures>& columns, Value value, Better better)
{
    int best = -1;
    int candidates = 0;
    bool shared = false;
    for (int i = 0; i < columns.size(); ++i) {
        const auto v = value(columns.at(i));
        if (!columns.at(i).succeeded || !v)
            continue;
        ++candidates;
        if (best < 0 || better(*v, *value(columns.at(best)))) {
            best = i;
            shared = false;
        } else if (!better(*value(columns.at(best)), *v)) {
            shared = true;
        }
    }
    return candidates >= 2 && !shared ? best : -1;
}

} // namespace

CompareMarks marksOf(const QList<ColumnFigures>& columns)
{
    CompareMarks marks;
    marks.fastest = bestOf(columns, [](const ColumnFigures& c) { return c.totalMs; }, std::less<>());
    marks.cheapest = bestOf(columns, [](const ColumnFigures& c) { return c.costUsd; }, std::less<>());
    marks.longest = bestOf(columns, [](const ColumnFigures& c) { return c.outputTokens; }, std::greater<>());
    return marks;
}

RepeatStats repeatStatsOfAnswers(const QList<AnswerStats>& runs, const QList<bool>& succeeded)
{
    RepeatStats stats;
    stats.runs = int(runs.size());
    QList<double> ttft, total, speed;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        if (!succeeded.value(i))
            continue;
        ++stats.succeeded;
        const AnswerStats& s = runs.at(i);
        if (s.ttftMs)
            ttft.append(*s.ttftMs);
        if (s.totalMs)
            total.append(*s.totalMs);
        if (s.tokensPerSecond)
            speed.append(*s.tokensPerSecond);
    }
    stats.ttftMs = distributionOf(ttft);
    stats.totalMs = distributionOf(total);
    stats.outputTokensPerSecond = distributionOf(speed);
    return stats;
}

QList<ModelUsage> usageByModel(const QList<UsagePoint>& points)
{
    struct Sums
    {
        ModelUsage usage;
        QList<double> ttft;
        double cost = 0;
        qint64 tokens = 0;
        double allCost = 0;
        int costed = 0;
    };
    QMap<QString, Sums> byTarget;
    for (const UsagePoint& p : points) {
        Sums& s = byTarget[p.target];
        s.usage.target = p.target;
        ++s.usage.requests;
        if (p.totalMs)
            s.usage.totalMs.append(*p.totalMs);
        if (p.ttftMs)
            s.ttft.append(*p.ttftMs);
        if (p.costUsd) {
            s.allCost += *p.costUsd;
            ++s.costed;
            if (p.outputTokens && *p.outputTokens > 0) {
                s.cost += *p.costUsd;
                s.tokens += *p.outputTokens;
            }
        }
        if (p.rating)
            (*p.rating > 0 ? s.usage.ratedUp : s.usage.ratedDown) += 1;
    }
    QList<ModelUsage> list;
    for (Sums& s : byTarget) {
        s.usage.total = distributionOf(s.usage.totalMs);
        s.usage.ttft = distributionOf(s.ttft);
        if (s.tokens > 0)
            s.usage.costPer1kOutput = s.cost / double(s.tokens) * 1000.0;
        if (s.costed > 0)
            s.usage.meanCostUsd = s.allCost / s.costed;
        list.append(std::move(s.usage));
    }
    return list;
}

} // namespace juxta
