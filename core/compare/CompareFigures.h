// SPDX-License-Identifier: GPL-3.0-or-later
// The numbers comparisons are judged by, as plain values for views, charts and reports: one column's figures,
// which column was fastest / cheapest / longest, tokens received over time while streaming, and per-model
// latency and price across the history's request log.
#pragma once

#include "answer/ThroughputTrace.h"
#include "compare/RepeatStats.h"
#include "storage/ComparisonStore.h"

#include <QList>
#include <QPointF>
#include <QString>
#include <optional>

namespace juxta {

struct ColumnFigures
{
    QString label;
    bool succeeded = false;
    std::optional<double> ttftMs;
    std::optional<double> totalMs;
    std::optional<double> costUsd;
    std::optional<qint64> outputTokens;
    // Generation time: from the first token to the end (the part of the total after the wait).
    std::optional<double> generationMs() const;
};

struct CompareMarks
{
    int fastest = -1;  // least total time
    int cheapest = -1; // least cost (known prices only)
    int longest = -1;  // most output tokens
};
// Only succeeded columns count, and a mark needs at least two columns with that figure (one is not a contest).
CompareMarks marksOf(const QList<ColumnFigures>& columns);

struct ModelUsage
{
    QString target;
    int requests = 0;
    QList<double> totalMs;                   // every served request's total time, for box plots
    std::optional<Distribution> total;
    std::optional<Distribution> ttft;
    std::optional<double> costPer1kOutput;   // summed cost / summed output tokens × 1000 (known prices only)
    std::optional<double> meanCostUsd;
    int ratedUp = 0;
    int ratedDown = 0;
};
// Repeat statistics from saved answers (the GUI's runs are answers in the history); `succeeded` in step with `runs`.
RepeatStats repeatStatsOfAnswers(const QList<AnswerStats>& runs, const QList<bool>& succeeded);

// One entry per target, sorted by name.
QList<ModelUsage> usageByModel(const QList<UsagePoint>& points);

} // namespace juxta
