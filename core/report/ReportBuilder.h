// SPDX-License-Identifier: GPL-3.0-or-later
// Reports from the history: a saved comparison (every column, prompt and repeat, ratings, votes, traces), a pipeline
// run (the graph as it ran, every node) or a conversation (the shown branch). Nothing runs again and no widget is
// asked: any past run can be reported at any time. The figures, the verdict and the charts are worked out here too.
#pragma once

#include "pipeline/Pipeline.h"
#include "report/Report.h"
#include "storage/BatchStore.h"
#include "storage/ComparisonStore.h"
#include "storage/RunStore.h"

namespace juxta {

class ConversationStore;

// The record `id` of `kind` from the history, or nullopt with `error` ("no comparison abc in the history").
std::optional<Report> buildReport(ConversationStore& store, ReportKind kind, const QString& id,
                                  const ReportOptions& options, QString& error);

// The same from records already loaded (tests and benchmarks build these directly).
Report comparisonReport(const SavedComparison& saved, const QList<VoteRow>& votes, const QHash<QString, int>& ratings,
                        const ReportOptions& options);
Report runReport(const PipelineRunRow& run, const QList<NodeRunRow>& nodes, const ReportOptions& options);
// A batch: every finished row with its run's nodes (read from `runs`), aggregates per node and model, and — where
// two model nodes answered the same prompt on every row — what routing them all to the cheaper one would have cost.
Report batchReport(const BatchRow& batch, const QHash<qint64, QByteArray>& rows, const RunStore& runs,
                   const ReportOptions& options);
Report conversationReport(const Conversation& conversation, const QHash<QString, QByteArray>& traces,
                          const ReportOptions& options);

// The same comparison report, its votes and ratings read through `comparisons` (for a caller that loaded it).
Report comparisonReport(const ComparisonStore& comparisons, const SavedComparison& saved, const ReportOptions& options);

// Building blocks the builders share: a report of `kind` stamped now with the app's version; the graph as a run had
// it, from the pipeline JSON the history kept (nothing when it no longer reads).
Report startedReport(ReportKind kind, const ReportOptions& options);
std::optional<Pipeline> addGraph(Report& report, const QByteArray& pipelineJson);

// A node's stored record as a report shows it (the home folder in an error written as ~).
NodeRun nodeRunForReport(const QByteArray& recordJson, const QString& name);

} // namespace juxta
