// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CompareResults.h"

#include "cli/JsonOutput.h"
#include "compare/RepeatStats.h"
#include "report/FigureFormat.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace juxta::cli {
namespace {

QJsonValue distributionJson(const std::optional<Distribution>& d)
{
    if (!d)
        return QJsonValue::Null;
    return QJsonObject{{u"samples"_s, d->samples}, {u"min"_s, d->min},     {u"median"_s, d->median},
                       {u"p95"_s, d->p95},         {u"max"_s, d->max}};
}

QJsonObject repeatJson(const RepeatStats& s)
{
    return QJsonObject{{u"runs"_s, s.runs},
                       {u"succeeded"_s, s.succeeded},
                       {u"ttft_ms"_s, distributionJson(s.ttftMs)},
                       {u"total_ms"_s, distributionJson(s.totalMs)},
                       {u"output_tokens_per_s"_s, distributionJson(s.outputTokensPerSecond)}};
}

QString durationCell(const std::optional<double>& ms)
{
    return ms ? formatDuration(*ms) : u"–"_s;
}

QString padded(const QString& text, int width)
{
    return text.leftJustified(width, u' ', false) + u"  "_s;
}

} // namespace

CompareResults compareResults(const Comparison& comparison, const QString& prompt, const QStringList& labels,
                              const QList<CostReporter>& costs, const QList<bool>& offline, bool saved)
{
    CompareResults out;
    QJsonArray results;
    QString answers;
    QString table = padded(u"MODEL"_s, 36) + padded(u"RESULT"_s, 14) + padded(u"TTFT"_s, 9)
                    + padded(u"TOTAL"_s, 9) + padded(u"SPEED"_s, 12) + padded(u"IN"_s, 7) + padded(u"OUT"_s, 7)
                    + u"COST\n"_s;
    for (int lane = 0; lane < comparison.lanes().size(); ++lane) {
        const ComparisonLane& l = *comparison.lanes().at(lane);
        const QList<RoutedOutcome>& runs = l.turnOutcomes();
        const RepeatStats stats = repeatStatsOf(runs);
        out.allAnswered = out.allAnswered && stats.succeeded == stats.runs && stats.runs > 0;
        if (runs.isEmpty())
            continue;
        const RoutedOutcome& last = runs.constLast();
        const CostFields cost = costs.at(lane).report(last);
        QJsonObject entry = QJsonDocument::fromJson(outcomeToJson(last, cost, false)).object();
        entry.insert(u"compared_model"_s, labels.at(lane));
        entry.insert(u"offline"_s, offline.value(lane));
        if (saved) {
            entry.insert(u"conversation_id"_s, l.conversation().id);
            entry.insert(u"answer_id"_s, l.turnAnswers().constLast().id);
        }
        if (runs.size() > 1) {
            QJsonArray all;
            for (const RoutedOutcome& run : runs)
                all.append(QJsonDocument::fromJson(outcomeToJson(run, costs.at(lane).report(run), false)).object());
            entry.insert(u"runs"_s, all);
        }
        entry.insert(u"repeat"_s, repeatJson(stats));
        results.append(entry);

        const CallOutcome& o = last.outcome;
        const bool several = runs.size() > 1;
        const QString result = o.complete ? (several ? u"%1/%2 ok"_s.arg(stats.succeeded).arg(stats.runs) : u"ok"_s)
                                          : (o.error ? errorClassName(o.error->errorClass) : u"incomplete"_s);
        const std::optional<double> ttft = several && stats.ttftMs ? std::optional<double>(stats.ttftMs->median)
                                                                   : o.metrics.ttftMs;
        const std::optional<double> total = several && stats.totalMs ? std::optional<double>(stats.totalMs->median)
                                                                     : o.metrics.totalMs;
        const std::optional<double> speed = several && stats.outputTokensPerSecond
                                                ? std::optional<double>(stats.outputTokensPerSecond->median)
                                                : o.metrics.outputTokensPerSecond;
        const QString label = offline.value(lane) ? labels.at(lane) + u" (offline)"_s : labels.at(lane);
        table += padded(label, 36) + padded(result, 14) + padded(durationCell(ttft), 9) + padded(durationCell(total), 9)
                 + padded(speed ? formatRate(speed) : u"–"_s, 12)
                 + padded(o.usage.inputTokens ? QString::number(*o.usage.inputTokens) : u"–"_s, 7)
                 + padded(o.usage.outputTokens ? QString::number(*o.usage.outputTokens) : u"–"_s, 7)
                 + (cost.usd() ? formatCost(cost.usd()) : u"price unknown"_s) + u'\n';
        answers += u"── %1 ──\n%2\n\n"_s.arg(labels.at(lane), o.text);
    }
    const int repeat = comparison.setup().repeat;
    if (repeat > 1)
        table += u"(TTFT, TOTAL and SPEED are medians over the runs; --json has p95 and spread)\n"_s;
    out.text = answers + table;
    out.json = QJsonObject{{u"prompt"_s, prompt}, {u"repeat"_s, repeat}, {u"results"_s, results}};
    if (saved)
        out.json.insert(u"comparison_id"_s, comparison.record().id);
    return out;
}

} // namespace juxta::cli
