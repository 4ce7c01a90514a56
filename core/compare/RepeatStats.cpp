// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/RepeatStats.h"

#include <algorithm>
#include <cmath>

namespace juxta {

std::optional<Distribution> distributionOf(QList<double> values)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    Distribution d;
    d.samples = int(n);
    d.min = values.constFirst();
    d.max = values.constLast();
    d.median = n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
    const auto rank = [&values, n](double p) { // nearest rank
        return values.at(qBound(qsizetype(0), qsizetype(std::ceil(p * double(n))) - 1, n - 1));
    };
    d.p95 = rank(0.95);
    d.lowerQuartile = rank(0.25);
    d.upperQuartile = rank(0.75);
    return d;
}

RepeatStats repeatStatsOf(const QList<RoutedOutcome>& runs)
{
    RepeatStats stats;
    stats.runs = int(runs.size());
    QList<double> ttft, total, speed;
    for (const RoutedOutcome& run : runs) {
        const CallOutcome& o = run.outcome;
        if (!o.complete)
            continue;
        ++stats.succeeded;
        if (o.metrics.ttftMs)
            ttft.append(*o.metrics.ttftMs);
        if (o.metrics.totalMs)
            total.append(*o.metrics.totalMs);
        if (o.metrics.outputTokensPerSecond)
            speed.append(*o.metrics.outputTokensPerSecond);
    }
    stats.ttftMs = distributionOf(ttft);
    stats.totalMs = distributionOf(total);
    stats.outputTokensPerSecond = distributionOf(speed);
    return stats;
}

} // namespace juxta
