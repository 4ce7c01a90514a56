// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/ReportTables.h"

#include "common/Plurals.h"
#include "report/FigureFormat.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QString tr(const char* text, int n = -1)
{
    return translated("Report", text, n);
}

const QString kNone = u"—"_s;

// "1.20 s" for one sample; "1.20 s · p95 1.80 s" over repeats.
QString spread(const std::optional<Distribution>& d, bool repeats)
{
    if (!d)
        return kNone;
    if (!repeats || d->samples < 2)
        return formatDuration(d->median);
    return tr("%1\n· p95 %2").arg(formatDuration(d->median), formatDuration(d->p95)); // two lines in HTML
}

QString rateCell(const std::optional<Distribution>& d)
{
    return d ? formatRate(d->median) : kNone;
}

} // namespace

QString stateText(MessageState state)
{
    switch (state) {
    case MessageState::Complete: return tr("complete");
    case MessageState::Streaming: return tr("incomplete: still streaming when saved");
    case MessageState::Interrupted: return tr("incomplete: interrupted");
    case MessageState::Stopped: return tr("incomplete: stopped");
    case MessageState::Failed: return tr("incomplete: failed");
    }
    return {};
}

ReportTable modelFiguresTable(const Report& r)
{
    // Percentiles over repeats of one prompt (or a batch's rows), not across different prompts.
    bool repeats = false;
    for (const ReportModelFigures& m : r.models)
        repeats = repeats || (m.totalMs && m.totalMs->samples > 1 && (r.repeat > 1 || r.batch));
    ReportTable t;
    t.headers = {r.batch ? tr("Node · model") : tr("Model"), r.batch ? tr("Steps") : tr("Answers"),
                 repeats ? tr("TTFT (median · p95)") : tr("TTFT"),
                 repeats ? tr("Total (median · p95)") : tr("Total"), tr("Speed"), tr("Tokens in"), tr("Tokens out"),
                 tr("Cost")};
    t.numeric = {false, true, true, true, true, true, true, true};
    const bool votes = r.kind == ReportKind::Comparison && r.voteCount > 0;
    if (votes) {
        t.headers.append(tr("★ Best"));
        t.numeric.append(true);
    }
    for (const ReportModelFigures& m : r.models) {
        QStringList row{m.offline ? tr("%1 (offline)").arg(m.model) : m.model,
                        m.succeeded == m.answers ? QString::number(m.answers)
                                                 : tr("%1 (%2 ok)").arg(m.answers).arg(m.succeeded),
                        spread(m.ttftMs, repeats), spread(m.totalMs, repeats), rateCell(m.tokensPerSecond),
                        formatTokens(m.inputTokens), formatTokens(m.outputTokens),
                        formatCost(m.costUsd)}; // "(offline)" is said once, by the model's name
        if (votes)
            row.append(QString::number(m.bestVotes));
        t.rows.append(row);
    }
    if (r.models.size() > 1) {
        int answers = 0;
        for (const ReportModelFigures& m : r.models)
            answers += m.answers;
        t.totals = QStringList{tr("Total"), QString::number(answers), QString(), QString(), QString(),
                               formatTokens(r.totalInputTokens), formatTokens(r.totalOutputTokens),
                               formatCost(r.totalCostUsd)};
        if (votes)
            t.totals.append(QString::number(r.voteCount));
    }
    return t;
}

ReportTable nodeTable(const Report& r)
{
    ReportTable t;
    t.headers = {tr("Node"), tr("Kind"), tr("State"), tr("Served by"), tr("Start"), tr("TTFT"), tr("Total"),
                 tr("Tokens in"), tr("Tokens out"), tr("Cost"), tr("Attempts")};
    t.numeric = {false, false, false, false, true, true, true, true, true, true, true};
    for (const NodeRun& n : r.nodes) {
        const bool model = n.kind == u"model"_s;
        t.rows.append({n.node, n.kind, nodeStateName(n.state) + (n.branch.isEmpty() ? QString() : u" → "_s + n.branch),
                       n.servedBy.isEmpty() ? kNone : n.servedBy.join(u", "_s), formatDuration(n.startedMs),
                       n.ttftMs ? formatDuration(*n.ttftMs) : kNone, formatDuration(n.totalMs()),
                       n.inputTokens ? formatTokens(*n.inputTokens) : kNone,
                       n.outputTokens ? formatTokens(*n.outputTokens) : kNone,
                       !model ? kNone : n.state == NodeState::Cached ? tr("cached, $0") : formatCost(n.costUsd),
                       model ? QString::number(n.attempts) : kNone});
    }
    t.totals = QStringList{tr("Run"), QString(), r.runState, QString(), QString(), QString(), formatDuration(r.wallMs),
                           formatTokens(r.totalInputTokens), formatTokens(r.totalOutputTokens),
                           formatCost(r.totalCostUsd), QString()};
    return t;
}

ReportTable attemptsTable(const Report& r)
{
    ReportTable t;
    t.headers = {tr("Answer"), tr("Served by"), tr("What happened before")};
    t.numeric = {false, false, false};
    for (const ReportAnswer& a : r.answers) {
        if (a.stats.fallbackNotes.isEmpty())
            continue;
        t.rows.append({answerHeading(r, a), a.stats.servedBy.isEmpty() ? kNone : a.stats.servedBy,
                       a.stats.fallbackNotes.join(u"; "_s)});
    }
    for (const NodeRun& n : r.nodes) {
        if (n.attempts > std::max(1, n.items))
            t.rows.append({n.node, n.servedBy.join(u", "_s),
                tr("%n attempt(s)", n.attempts) + u' ' + tr("for %n answer(s)", std::max(1, n.items))});
    }
    return t;
}

ReportTable leaderboardTable(const Report& r)
{
    ReportTable t;
    t.headers = {tr("Model"), tr("Rating (Elo)"), tr("Votes"), tr("Wins"), tr("Ties"), tr("Losses")};
    t.numeric = {false, true, true, true, true, true};
    for (const LeaderboardRow& row : r.leaderboard)
        t.rows.append({row.model, QString::number(qRound(row.rating)), QString::number(row.votes),
                       QString::number(row.wins), QString::number(row.ties), QString::number(row.losses)});
    return t;
}

ReportTable batchRowsTable(const Report& r, int limit)
{
    ReportTable t;
    t.headers = {tr("Row"), tr("State"), tr("Time"), tr("Tokens in"), tr("Tokens out"), tr("Cost"), tr("Error")};
    t.numeric = {true, false, true, true, true, true, false};
    if (r.options.answers) {
        t.headers.insert(6, tr("Output"));
        t.numeric.insert(6, false);
    }
    for (const ReportBatchRow& row : r.batchRows) {
        if (t.rows.size() >= limit)
            break;
        QStringList outputs;
        for (auto it = row.outputs.constBegin(); it != row.outputs.constEnd(); ++it)
            outputs.append(it.value().isString() ? it.value().toString() : QString());
        QString output = outputs.join(u" · "_s).simplified();
        if (output.size() > 160)
            output = output.left(159) + u'…';
        QStringList cells{QString::number(row.row + 1), row.state, formatDuration(row.timeMs), formatTokens(row.inputTokens),
                          formatTokens(row.outputTokens), formatCost(row.costUsd), row.error};
        if (r.options.answers)
            cells.insert(6, output);
        t.rows.append(cells);
    }
    return t;
}

std::pair<const ReportAnswer*, const ReportAnswer*> diffPair(const Report& r)
{
    const ReportAnswer* first = nullptr;
    for (const ReportAnswer& a : r.answers) {
        if (a.prompt != 1 || a.repeat != 1)
            continue;
        if (!first)
            first = &a;
        else
            return {first, &a};
    }
    return {nullptr, nullptr};
}

QString answerHeading(const Report& r, const ReportAnswer& a)
{
    QString heading = a.model;
    if (r.prompts.size() > 1)
        heading += tr(" · prompt %1").arg(a.prompt);
    if (r.repeat > 1 || a.repeat > 1)
        heading += tr(" · run %1").arg(a.repeat);
    return heading;
}

} // namespace juxta
