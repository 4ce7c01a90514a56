// SPDX-License-Identifier: GPL-3.0-or-later
// How compare views write their figures: durations, an answer's figures in a column header, repeat statistics.
#pragma once

#include "compare/RepeatStats.h"
#include "storage/HistoryRecords.h"

#include <QString>

namespace juxta {

QString formatMilliseconds(double ms);  // "850 ms", "1.24 s", "12.5 s"
QString formatSeconds(qint64 ms);       // "3 s"
// Several lines: served model (and fallback), TTFT · tok/s · total, tokens in/out · cost · finish, or the error.
QString formatColumnFigures(const AnswerStats& stats);
// "3 runs (3 ok): TTFT median 210 ms, p95 260 ms · total median 1.80 s, p95 2.10 s"
QString formatRepeatStats(const RepeatStats& stats);

} // namespace juxta
