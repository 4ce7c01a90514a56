// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/CompareFormat.h"

#include "pricing/CostCalculator.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace juxta {
QString formatMilliseconds(double ms)
{
    if (ms < 1000)
        return QCoreApplication::translate("CompareFormat", "%1 ms").arg(QLocale().toString(ms, 'f', 0));
    return QCoreApplication::translate("CompareFormat", "%1 s").arg(QLocale().toString(ms / 1000.0, 'f', ms < 10'000 ? 2 : 1));
}

QString formatSeconds(qint64 ms)
{
    return QCoreApplication::translate("CompareFormat", "%1 s").arg(QLocale().toString(ms / 1000));
}

QString formatColumnFigures(const AnswerStats& s)
{
    QStringList lines;
    const QString served = !s.servedModel.isEmpty() ? s.servedModel : s.servedBy;
    if (!s.servedBy.isEmpty() && !s.requestedModel.isEmpty() && s.servedBy != s.requestedModel)
        lines.append(QCoreApplication::translate("CompareFormat", "served by %1 (fallback from %2)").arg(s.servedBy, s.requestedModel));
    else if (!served.isEmpty())
        lines.append(QCoreApplication::translate("CompareFormat", "served by %1").arg(served));
    if (s.offline)
        lines.append(QCoreApplication::translate("CompareFormat", "offline: answered inside Juxta, $0 by definition"));
    if (!s.fallbackNotes.isEmpty())
        lines.append(QCoreApplication::translate("CompareFormat", "%n failed attempt(s) before", nullptr, int(s.fallbackNotes.size())));

    QStringList speed;
    if (s.ttftMs)
        speed.append(QCoreApplication::translate("CompareFormat", "TTFT %1").arg(formatMilliseconds(*s.ttftMs)));
    if (s.tokensPerSecond)
        speed.append(QCoreApplication::translate("CompareFormat", "%1 tok/s").arg(QLocale().toString(*s.tokensPerSecond, 'f', 1)));
    if (s.totalMs)
        speed.append(QCoreApplication::translate("CompareFormat", "total %1").arg(formatMilliseconds(*s.totalMs)));
    if (!speed.isEmpty())
        lines.append(speed.join(u"  ·  "_s));

    QStringList usage;
    if (s.inputTokens || s.outputTokens) {
        const QString in = s.inputTokens ? QLocale().toString(*s.inputTokens) : u"?"_s;
        const QString out = s.outputTokens ? QLocale().toString(*s.outputTokens) : u"?"_s;
        usage.append(QCoreApplication::translate("CompareFormat", "%1 in / %2 out").arg(in, out));
    }
    if (s.costUsd)
        usage.append(formatMoney(*s.costUsd, u"USD"_s));
    else if (s.outputTokens)
        usage.append(QCoreApplication::translate("CompareFormat", "price unknown"));
    if (!s.finishReason.isEmpty())
        usage.append(QCoreApplication::translate("CompareFormat", "finish: %1").arg(s.finishReason));
    if (!usage.isEmpty())
        lines.append(usage.join(u"  ·  "_s));
    if (!s.errorClass.isEmpty())
        lines.append(QCoreApplication::translate("CompareFormat", "error: %1 — %2").arg(s.errorClass, s.errorMessage));
    return lines.join(u'\n');
}

QString formatRepeatStats(const RepeatStats& r)
{
    QString text = QCoreApplication::translate("CompareFormat", "%1 runs (%2 ok)").arg(r.runs).arg(r.succeeded);
    QStringList parts;
    if (r.ttftMs)
        parts.append(QCoreApplication::translate("CompareFormat", "TTFT median %1, p95 %2").arg(formatMilliseconds(r.ttftMs->median),
                                                       formatMilliseconds(r.ttftMs->p95)));
    if (r.totalMs)
        parts.append(QCoreApplication::translate("CompareFormat", "total median %1, p95 %2, spread %3–%4")
                         .arg(formatMilliseconds(r.totalMs->median), formatMilliseconds(r.totalMs->p95),
                              formatMilliseconds(r.totalMs->min), formatMilliseconds(r.totalMs->max)));
    if (!parts.isEmpty())
        text += u": "_s + parts.join(u"  ·  "_s);
    return text;
}

} // namespace juxta
