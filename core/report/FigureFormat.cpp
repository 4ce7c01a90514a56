// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/FigureFormat.h"

#include "metrics/CallMetrics.h"
#include "pipeline/RunRecord.h"
#include "pricing/CostCalculator.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QString tr(const char* text, int n = -1)
{
    return QCoreApplication::translate("Figures", text, nullptr, n);
}

} // namespace

QString formatDuration(double ms, const QLocale& locale)
{
    if (ms < 1000)
        return tr("%1 ms").arg(locale.toString(ms, 'f', 0));
    return tr("%1 s").arg(locale.toString(ms / 1000.0, 'f', ms < 10'000 ? 2 : 1));
}

QString formatSeconds(qint64 ms, const QLocale& locale)
{
    return tr("%1 s").arg(locale.toString(ms / 1000));
}

QString formatTokens(qint64 tokens, const QLocale& locale)
{
    return locale.toString(tokens);
}

QString formatRate(std::optional<double> tokensPerSecond, const QLocale& locale)
{
    if (!tokensPerSecond)
        return u"—"_s;
    return tr("%1 tok/s").arg(locale.toString(*tokensPerSecond, 'f', *tokensPerSecond < 100 ? 1 : 0));
}

QString formatCost(std::optional<double> usd, bool offline, bool estimate)
{
    if (offline)
        return tr("%1 (offline)").arg(formatMoney(0, u"USD"_s));
    if (!usd)
        return tr("unknown");
    return estimate ? tr("%1 (estimate)").arg(formatMoney(*usd, u"USD"_s)) : formatMoney(*usd, u"USD"_s);
}

QString nodeRunFiguresLine(const NodeRun& run, const QLocale& locale)
{
    if (!isFinal(run.state) || run.state == NodeState::Skipped)
        return {};
    QStringList parts;
    if (run.ttftMs)
        parts.append(tr("TTFT %1").arg(formatDuration(*run.ttftMs, locale)));
    parts.append(formatDuration(run.totalMs(), locale));
    if (run.kind == u"model"_s && run.state != NodeState::Cached)
        parts.append(formatCost(run.costUsd));
    if (run.inputTokens || run.outputTokens)
        parts.append(tr("%1 → %2 tok").arg(formatTokens(run.inputTokens.value_or(0), locale),
                                            formatTokens(run.outputTokens.value_or(0), locale)));
    return parts.join(u" · "_s);
}

std::optional<double> honestTokensPerSecond(const AnswerStats& s)
{
    if (!s.tokensPerSecond || !s.totalMs)
        return std::nullopt;
    const double generationMs = *s.totalMs - s.ttftMs.value_or(0);
    if (generationMs < kMinRateWindowMs)
        return std::nullopt;
    return s.tokensPerSecond;
}

QStringList answerFigureLines(const AnswerStats& s, const QLocale& locale)
{
    QStringList lines;
    const QString served = !s.servedModel.isEmpty() ? s.servedModel : s.servedBy;
    if (!s.servedBy.isEmpty() && !s.requestedModel.isEmpty() && s.servedBy != s.requestedModel)
        lines.append(tr("served by %1 (fallback from %2)").arg(s.servedBy, s.requestedModel));
    else if (!served.isEmpty())
        lines.append(tr("served by %1").arg(served));
    if (s.offline)
        lines.append(tr("offline: answered inside Juxta, $0 by definition"));
    if (!s.fallbackNotes.isEmpty())
        lines.append(tr("%n failed attempt(s) before", int(s.fallbackNotes.size())));

    QStringList speed;
    if (s.ttftMs)
        speed.append(tr("TTFT %1").arg(formatDuration(*s.ttftMs, locale)));
    if (const std::optional<double> rate = honestTokensPerSecond(s))
        speed.append(formatRate(rate, locale));
    if (s.totalMs)
        speed.append(tr("total %1").arg(formatDuration(*s.totalMs, locale)));
    if (!speed.isEmpty())
        lines.append(speed.join(u"  ·  "_s));

    QStringList usage;
    if (s.inputTokens || s.outputTokens) {
        const QString in = s.inputTokens ? formatTokens(*s.inputTokens, locale) : u"?"_s;
        const QString out = s.outputTokens ? formatTokens(*s.outputTokens, locale) : u"?"_s;
        usage.append(tr("%1 in / %2 out").arg(in, out));
    }
    if (s.costUsd && !s.offline)
        usage.append(formatCost(s.costUsd, false, s.costIsEstimate));
    else if (!s.offline && s.outputTokens)
        usage.append(tr("price unknown"));
    if (!s.finishReason.isEmpty())
        usage.append(tr("finish: %1").arg(s.finishReason));
    if (!usage.isEmpty())
        lines.append(usage.join(u"  ·  "_s));
    if (!s.errorClass.isEmpty())
        lines.append(tr("error: %1 — %2").arg(s.errorClass, s.errorMessage));
    return lines;
}

QString answerFiguresLine(const AnswerStats& stats, const QLocale& locale)
{
    return answerFigureLines(stats, locale).join(u"  ·  "_s);
}

QString formatRepeatStats(const RepeatStats& r, const QLocale& locale)
{
    QString text = tr("%1 runs (%2 ok)").arg(r.runs).arg(r.succeeded);
    QStringList parts;
    if (r.ttftMs)
        parts.append(tr("TTFT median %1, p95 %2").arg(formatDuration(r.ttftMs->median, locale),
                                                      formatDuration(r.ttftMs->p95, locale)));
    if (r.totalMs)
        parts.append(tr("total median %1, p95 %2, spread %3–%4")
                         .arg(formatDuration(r.totalMs->median, locale), formatDuration(r.totalMs->p95, locale),
                              formatDuration(r.totalMs->min, locale), formatDuration(r.totalMs->max, locale)));
    if (!parts.isEmpty())
        text += u": "_s + parts.join(u"  ·  "_s);
    return text;
}

} // namespace juxta
