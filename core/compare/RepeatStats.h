// SPDX-License-Identifier: GPL-3.0-or-later
// Latency and speed figures over repeated runs of one model: median, 95th percentile, spread.
#pragma once

#include "routing/RoutedOutcome.h"

#include <QList>
#include <optional>

namespace juxta {

struct Distribution
{
    int samples = 0;
    double min = 0;
    double median = 0;
    double p95 = 0; // nearest-rank
    double lowerQuartile = 0; // nearest-rank, for box plots
    double upperQuartile = 0;
    double max = 0;
};
// nullopt without samples.
std::optional<Distribution> distributionOf(QList<double> values);

struct RepeatStats
{
    int runs = 0;
    int succeeded = 0;
    std::optional<Distribution> ttftMs;
    std::optional<Distribution> totalMs;
    std::optional<Distribution> outputTokensPerSecond;
};
// Figures of the runs that succeeded (a failed run says nothing about how fast the model is).
RepeatStats repeatStatsOf(const QList<RoutedOutcome>& runs);

} // namespace juxta
