// SPDX-License-Identifier: GPL-3.0-or-later
// The figures per model and the verdict a report opens with, by rules written down here and in the README:
// - fastest: the lowest median total time (answers that succeeded);
// - cheapest: the lowest total cost among models whose every answer had a known price (the others are named);
// - best rated: the most "★ Best" votes, only with at least kMinVotesForQuality votes in the comparison — otherwise
//   the report makes no quality claim;
// - every claim says how many answers or votes it rests on; with one run per model there are no percentiles.
#pragma once

#include "report/Report.h"

namespace juxta {

constexpr int kMinVotesForQuality = 5;

// Fills each ReportModelFigures from the report's answers (count, distributions, tokens, cost).
void computeModelFigures(Report& report);
QList<ReportClaim> comparisonVerdict(const Report& report);
QList<ReportClaim> runVerdict(const Report& report);

} // namespace juxta
