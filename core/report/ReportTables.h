// SPDX-License-Identifier: GPL-3.0-or-later
// The tables a report shows, worked out once and drawn by the HTML and Markdown writers alike: figures per model
// (median and p95 only where there were repeats), a run's nodes, the attempts that failed before an answer, and the
// leaderboard of the comparison's votes.
#pragma once

#include "report/Report.h"

#include <QStringList>

namespace juxta {

struct ReportTable
{
    QStringList headers;
    QList<bool> numeric;     // per column: right-aligned
    QList<QStringList> rows;
    QStringList totals;      // empty: no totals row
};

ReportTable modelFiguresTable(const Report& report);
ReportTable nodeTable(const Report& report);
ReportTable attemptsTable(const Report& report);   // no rows: nothing failed
ReportTable leaderboardTable(const Report& report);
// A batch's rows, the first `limit` of them (a document of ten thousand rows is for the CSV and the JSON).
ReportTable batchRowsTable(const Report& report, int limit);
constexpr int kBatchRowsShown = 500;
// "openai/gpt-4o · prompt 2 · run 3" (the parts that tell answers apart).
QString answerHeading(const Report& report, const ReportAnswer& answer);
QString stateText(MessageState state);
// The two answers a report's word diff compares: the first run of the first prompt in the first two columns.
std::pair<const ReportAnswer*, const ReportAnswer*> diffPair(const Report& report);

} // namespace juxta
