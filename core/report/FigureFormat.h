// SPDX-License-Identifier: GPL-3.0-or-later
// The one way figures are written for people — in the chat, the compare columns, the CLI and every report:
// durations, token counts, output speed, money with its currency, and "unknown" where a price is missing. Machine
// formats (CSV, JSON) write raw numbers in the C locale instead and never go through here.
#pragma once

#include "compare/RepeatStats.h"
#include "storage/HistoryRecords.h"

#include <QLocale>
#include <QString>
#include <QStringList>
#include <optional>

namespace juxta {

struct NodeRun;

// "850 ms", "1.24 s", "12.5 s".
QString formatDuration(double ms, const QLocale& locale = QLocale());
// "3 s": a count of whole seconds, for timers that tick.
QString formatSeconds(qint64 ms, const QLocale& locale = QLocale());
// "12,345" in the locale.
QString formatTokens(qint64 tokens, const QLocale& locale = QLocale());
// "42.1 tok/s", or "—" without an honest rate.
QString formatRate(std::optional<double> tokensPerSecond, const QLocale& locale = QLocale());
// "$0.0012", "$0 (offline)", "unknown" when no price was known, "… (estimate)" for estimated usage.
QString formatCost(std::optional<double> usd, bool offline = false, bool estimate = false);

// The output speed an answer's figures may claim: nullopt when its generation (first token to end) lasted under
// kMinRateWindowMs — records written before the rule existed still hold such rates.
std::optional<double> honestTokensPerSecond(const AnswerStats& stats);

// An answer's figures as lines: who served it (and the fallback), TTFT · speed · total, tokens · cost · finish, the
// error. Compare columns show them one per line, the chat and Markdown on one line joined with " · ".
QStringList answerFigureLines(const AnswerStats& stats, const QLocale& locale = QLocale());
QString answerFiguresLine(const AnswerStats& stats, const QLocale& locale = QLocale());
// A pipeline step's figures on one line: "TTFT 210 ms · 1.80 s · $0.0012 · 1,200 → 340 tok" (a model step), or its
// time alone. Empty while it has not finished.
QString nodeRunFiguresLine(const NodeRun& run, const QLocale& locale = QLocale());
// "3 runs (3 ok): TTFT median 210 ms, p95 260 ms · total median 1.80 s, p95 2.10 s, spread …"
QString formatRepeatStats(const RepeatStats& stats, const QLocale& locale = QLocale());

// The same figures as a screen reader should speak them: sentences with the units and abbreviations in words and
// no symbols ("Time to first token 320 milliseconds. 42.0 tokens per second. …"), for accessible names and
// descriptions. The figures are those of answerFigureLines and formatRepeatStats, never others.
QString answerFiguresSpoken(const AnswerStats& stats, const QLocale& locale = QLocale());
QString repeatStatsSpoken(const RepeatStats& stats, const QLocale& locale = QLocale());

} // namespace juxta
