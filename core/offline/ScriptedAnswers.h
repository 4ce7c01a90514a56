// SPDX-License-Identifier: GPL-3.0-or-later
// The canned answers of the built-in "scripted" provider, read from a user-editable file: a JSON array of
// answers, an object {"defaults": {…}, "answers": […]}, or JSONL (one answer per line; blank lines and lines
// starting with # or // skipped). An answer replies when its
// "match" (text, case-insensitive) or "regex" finds the last user message; answers with neither reply in turn.
// Each may name its "model", its speed (ttft_ms, tokens_per_second, jitter), "reasoning", "finish_reason", and a
// "fault" (rate_limit with retry_after, server_error with status, cut or stall after_tokens, context_length, quota).
// Pure: no files, no clocks; the responder reads the file on a worker thread and keeps the turn counters.
#pragma once

#include "offline/OfflineAnswerPlan.h"

#include <QRegularExpression>
#include <optional>

namespace juxta {

struct ScriptedFault
{
    enum class Kind { None, RateLimit, Quota, ServerError, Cut, Stall, ContextLength };
    Kind kind = Kind::None;
    int retryAfterS = -1;  // rate_limit: the Retry-After header (seconds); < 0: none
    int status = 500;      // server_error: 500, 502, 503, 504, 529…
    int afterTokens = 0;   // cut, stall: tokens streamed before the fault
};

struct ScriptedAnswer
{
    QString match;                   // case-insensitive substring of the last user message
    QRegularExpression regex;        // used when its pattern is not empty
    QString model;                   // empty: any model
    QString reply;                   // {{prompt}} and {{model}} are filled in
    QString reasoning;
    QString finishReason = QStringLiteral("stop");
    OfflinePace pace;                // the file's defaults, then this answer's own
    ScriptedFault fault;

    bool isInTurn() const { return match.isEmpty() && regex.pattern().isEmpty(); }
    bool appliesTo(const QString& requestModel) const;
    bool matches(const QString& prompt) const; // only for answers with match or regex
};

struct ScriptedAnswers
{
    QList<ScriptedAnswer> answers; // in file order

    // The models the answers name, for GET /models ("scripted" when none names one).
    QStringList models() const;
    // The first matching answer (file order), else an in-turn answer, `turn` picking one cyclically among those
    // that name the model or, when none does, among those for any model. The index is into `answers`; nullopt
    // when nothing applies. `inTurnCount` says how many took turns.
    std::optional<qsizetype> pick(const QString& model, const QString& prompt, quint64 turn,
                                  qsizetype* inTurnCount = nullptr) const;
};

// nullopt with `error` naming the line (JSONL) or the answer that is wrong.
std::optional<ScriptedAnswers> parseScriptedAnswers(const QByteArray& text, const OfflinePace& basePace,
                                                    QString* error);

// What the provider streams for `answer` to `request`, faults included.
OfflinePlan scriptedAnswerPlan(const ScriptedAnswer& answer, const OfflineRequest& request);

} // namespace juxta
