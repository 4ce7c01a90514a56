// SPDX-License-Identifier: GPL-3.0-or-later
// The charts a report shows, as data (ChartSpec), from the report's own figures: latency (time to first token and
// generation, stacked), cost, tokens received over time (the stored traces), the spread over repeats, and a pipeline
// run's timeline.
#pragma once

#include "report/Report.h"

namespace juxta {

QList<ChartSpec> comparisonCharts(const Report& report);
QList<ChartSpec> runCharts(const Report& report);
QList<ChartSpec> conversationCharts(const Report& report);
QList<ChartSpec> batchCharts(const Report& report); // latency and cost per node and model

} // namespace juxta
