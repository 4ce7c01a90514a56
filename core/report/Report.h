// SPDX-License-Identifier: GPL-3.0-or-later
// A report as data: what a saved comparison, a pipeline run or a conversation in the history holds, with the figures,
// the verdict and the charts worked out once. Built from the history (ReportBuilder), never from widgets, so any
// past run can be reported again; written as HTML, Markdown, CSV or JSON by the writers in ReportWriters.h.
#pragma once

#include "compare/Leaderboard.h"
#include "compare/RepeatStats.h"
#include "pipeline/RunRecord.h"
#include "report/ReportChart.h"
#include "storage/HistoryRecords.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <optional>

namespace juxta {

enum class ReportKind { Comparison, PipelineRun, Conversation };
QString reportKindName(ReportKind kind);  // "comparison", "pipeline_run", "conversation"
QString reportKindTitle(ReportKind kind); // "Comparison report", … (translated)

// What the user chose to put in.
struct ReportOptions
{
    bool answers = true;    // the answers' text (figures are always in)
    bool reasoning = false; // the models' reasoning, where they sent any
    bool charts = true;
    bool parameters = true; // system prompt, sampling parameters, a run's variables
    bool diff = false;      // a word diff of the first two answers of the first prompt

    bool operator==(const ReportOptions&) const = default;
};

// One answer: a comparison's column × prompt × repeat, a conversation's assistant message, a pipeline model step.
struct ReportAnswer
{
    QString id;          // the message's id in the history
    QString model;       // the column's label (the model asked, with its overrides)
    int prompt = 1;      // 1-based: which prompt of the comparison
    int repeat = 1;      // 1-based: which run of that prompt
    QString content;
    QString reasoning;
    MessageState state = MessageState::Complete;
    AnswerStats stats;
    std::optional<int> rating; // -1 or +1
    QList<QPointF> trace;      // (seconds since the request, tokens so far)
};

// One model over all its answers in the report.
struct ReportModelFigures
{
    QString model;
    int answers = 0;
    int succeeded = 0;
    std::optional<Distribution> ttftMs;   // of the answers that succeeded
    std::optional<Distribution> totalMs;
    std::optional<Distribution> tokensPerSecond; // only honest rates (FigureFormat)
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    std::optional<double> costUsd; // nullopt when an answer's price was unknown
    int unpricedAnswers = 0;
    int bestVotes = 0;
    bool offline = false;
};

struct ReportClaim
{
    QString kind;    // "fastest", "cheapest", "best_rated", "no_quality_claim", "savings"
    QString subject; // the model the claim is about (empty for none)
    QString text;    // the sentence, with its sample size
    int sampleSize = 0;
};

struct ReportPrompt
{
    int number = 1;
    QString text;
};

struct ReportMessage // a conversation's message on the shown branch
{
    MessageRole role = MessageRole::User;
    QString content;
    QString reasoning;
    MessageState state = MessageState::Complete;
    AnswerStats stats;
    QDateTime createdAt;
};

struct ReportGraphNode // a pipeline node as the run had it, with its place on the canvas
{
    QString name;
    QString kind;
    QString model;
    QPointF position;
};

struct ReportGraphEdge
{
    QString from;
    QString to;
    QString label; // "then", "else", "items"
};

struct ReportBatchRow // one input row of a pipeline batch
{
    qint64 row = 0;          // 0-based, as the input file's rows
    QString state;           // "done", "failed"
    QJsonObject variables;
    QJsonObject outputs;     // the Output nodes' values
    double timeMs = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    std::optional<double> costUsd;
    QString error;
    QString runId;
    QList<NodeRun> nodes;    // its run's nodes
};

struct Report
{
    ReportKind kind = ReportKind::Comparison;
    QString id;
    QString title;
    QString description;   // a pipeline's
    QDateTime createdAt;   // when the comparison, run or conversation began
    QDateTime generatedAt; // when this report was made
    QString appVersion;
    ReportOptions options;

    QString systemPrompt;
    QJsonObject parameters; // temperature, max tokens, … (a run: its variables)
    int repeat = 1;
    bool blind = false;     // a blind comparison not voted on yet: models stay anonymous
    QList<ReportPrompt> prompts;
    QList<ReportAnswer> answers;            // comparisons and runs' model steps
    QList<ReportModelFigures> models;       // in column order
    QList<ReportMessage> messages;          // conversations
    QList<NodeRun> nodes;                   // pipeline runs, in the order they can run
    QList<ReportGraphNode> graphNodes;
    QList<ReportGraphEdge> graphEdges;
    QString runState;                       // "done", "failed", "cancelled", "interrupted"
    bool batch = false;                     // a pipeline over the rows of a file: `models` are per node and model
    qint64 batchTotalRows = 0;
    QList<ReportBatchRow> batchRows;        // the finished rows, in input order
    double wallMs = 0;
    QStringList criticalPath;

    int voteCount = 0;                      // ★ Best and tie votes cast in this comparison
    QList<LeaderboardRow> leaderboard;      // from this comparison's votes
    QList<ReportClaim> verdict;
    QList<ChartSpec> charts;

    // Totals over every answer (or node).
    std::optional<double> totalCostUsd;     // nullopt when a price was unknown
    QStringList unpricedModels;             // named where a total is unknown
    qint64 totalInputTokens = 0;
    qint64 totalOutputTokens = 0;
};

} // namespace juxta
