// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/FigureFormat.h"

#include "common/Plurals.h"
#include "metrics/CallMetrics.h"
#include "pipeline/RunRecord.h"
#include "pricing/CostCalculator.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QString tr(const char* text, int n = -1)
{
    return translated("Figures", text, n);
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

namespace {

QString spokenDuration(double ms, const QLocale& locale)
{
    if (ms < 1000)
        return tr("%1 milliseconds").arg(locale.toString(ms, 'f', 0));
    return tr("%1 seconds").arg(locale.toString(ms / 1000.0, 'f', ms < 10'000 ? 2 : 1));
}

} // namespace

QString answerFiguresSpoken(const AnswerStats& s, const QLocale& locale)
{
    QStringList sentences;
    const QString served = !s.servedModel.isEmpty() ? s.servedModel : s.servedBy;
    if (!s.servedBy.isEmpty() && !s.requestedModel.isEmpty() && s.servedBy != s.requestedModel)
        sentences.append(tr("Served by %1, as a fallback from %2").arg(s.servedBy, s.requestedModel));
    else if (!served.isEmpty())
        sentences.append(tr("Served by %1").arg(served));
    if (s.offline)
        sentences.append(tr("Offline: answered inside Juxta, free by definition"));
    if (!s.fallbackNotes.isEmpty())
        sentences.append(tr("%n failed attempt(s) before", int(s.fallbackNotes.size())));
    if (s.ttftMs)
        sentences.append(tr("Time to first token %1").arg(spokenDuration(*s.ttftMs, locale)));
    if (const std::optional<double> rate = honestTokensPerSecond(s))
        sentences.append(tr("%1 tokens per second").arg(locale.toString(*rate, 'f', *rate < 100 ? 1 : 0)));
    if (s.totalMs)
        sentences.append(tr("Total time %1").arg(spokenDuration(*s.totalMs, locale)));
    if (s.inputTokens || s.outputTokens) {
        const QString in = s.inputTokens ? formatTokens(*s.inputTokens, locale) : tr("an unknown number of");
        const QString out = s.outputTokens ? formatTokens(*s.outputTokens, locale) : tr("an unknown number of");
        sentences.append(tr("%1 input tokens, %2 output tokens").arg(in, out));
    }
    if (s.costUsd && !s.offline)
        sentences.append(s.costIsEstimate ? tr("Estimated cost %1").arg(formatMoney(*s.costUsd, u"USD"_s))
                                          : tr("Cost %1").arg(formatMoney(*s.costUsd, u"USD"_s)));
    else if (!s.offline && s.outputTokens)
        sentences.append(tr("Price unknown"));
    if (!s.finishReason.isEmpty())
        sentences.append(tr("Finish reason: %1").arg(QString(s.finishReason).replace(u'_', u' ')));
    if (!s.errorClass.isEmpty())
        sentences.append(tr("Error, %1: %2").arg(QString(s.errorClass).replace(u'_', u' '), s.errorMessage));
    return sentences.isEmpty() ? QString() : sentences.join(u". "_s) + u'.';
}

QString repeatStatsSpoken(const RepeatStats& r, const QLocale& locale)
{
    QStringList sentences{tr("%1 runs, %2 succeeded").arg(r.runs).arg(r.succeeded)};
    if (r.ttftMs)
        sentences.append(tr("Time to first token: median %1, 95th percentile %2")
                             .arg(spokenDuration(r.ttftMs->median, locale), spokenDuration(r.ttftMs->p95, locale)));
    if (r.totalMs)
        sentences.append(tr("Total time: median %1, 95th percentile %2, from %3 to %4")
                             .arg(spokenDuration(r.totalMs->median, locale), spokenDuration(r.totalMs->p95, locale),
                                  spokenDuration(r.totalMs->min, locale), spokenDuration(r.totalMs->max, locale)));
    return sentences.join(u". "_s) + u'.';
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
