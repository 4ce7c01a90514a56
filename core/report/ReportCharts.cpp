// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/ReportCharts.h"

#include "common/Plurals.h"
#include <QCoreApplication>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QString tr(const char* text, int n = -1)
{
    return translated("Report", text, n);
}

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

ChartSpec latencyChart(const QList<ReportModelFigures>& models, const QString& title)
{
    ChartSpec c{ChartSpec::Kind::StackedBars, u"latency"_s, title, u"ms"_s, {}, {}, {}, {}, {}, {}};
    ChartSeries ttft{tr("Time to first token"), {}, {}};
    ChartSeries generation{tr("Generation"), {}, {}};
    for (const ReportModelFigures& m : models) {
        c.categories.append(m.model);
        const double first = m.ttftMs ? m.ttftMs->median : kNoValue;
        const double total = m.totalMs ? m.totalMs->median : kNoValue;
        ttft.values.append(first);
        generation.values.append(std::isnan(total) ? kNoValue : std::max(0.0, total - (std::isnan(first) ? 0 : first)));
    }
    c.series = {ttft, generation};
    return c;
}

ChartSpec costChart(const QList<ReportModelFigures>& models)
{
    ChartSpec c{ChartSpec::Kind::Bars, u"cost"_s, tr("Cost"), u"USD"_s, {}, {}, {}, {}, {}, {}};
    ChartSeries cost{tr("Cost"), {}, {}};
    bool anyCost = false;
    QStringList unknown;
    for (const ReportModelFigures& m : models) {
        c.categories.append(m.model);
        cost.values.append(m.costUsd ? *m.costUsd : kNoValue);
        anyCost = anyCost || (m.costUsd && *m.costUsd > 0);
        if (!m.costUsd)
            unknown.append(m.model);
    }
    if (!anyCost) {
        // An empty plot would say nothing: say why there is none.
        c.categories.clear();
        c.note = unknown.isEmpty() ? tr("Every answer was free: offline models or a price of $0.")
                                   : tr("No known price: %1.").arg(unknown.join(u", "_s));
        return c;
    }
    c.series = {cost};
    if (!unknown.isEmpty())
        c.note = tr("Price unknown (no bar): %1.").arg(unknown.join(u", "_s));
    return c;
}

ChartSpec tracesChart(const Report& report)
{
    ChartSpec c{ChartSpec::Kind::Lines, u"tokens"_s, tr("Tokens received over time"), u"tokens"_s, u"s"_s,
                {}, {}, {}, {}, {}};
    for (const ReportModelFigures& m : report.models) {
        // The first answer of the model with a trace: one line per model keeps the chart readable.
        for (const ReportAnswer& a : report.answers) {
            if (a.model == m.model && a.trace.size() >= 2) {
                c.series.append({m.model, {}, a.trace});
                break;
            }
        }
    }
    return c;
}

ChartSpec repeatsChart(const QList<ReportModelFigures>& models)
{
    ChartSpec c{ChartSpec::Kind::Boxes, u"repeats"_s, tr("Total time over repeats"), u"ms"_s, {}, {}, {}, {}, {}, {}};
    for (const ReportModelFigures& m : models) {
        if (!m.totalMs)
            continue;
        const Distribution& d = *m.totalMs;
        c.categories.append(m.model);
        c.boxes.append({d.min, d.lowerQuartile, d.median, d.upperQuartile, d.max, d.samples});
    }
    return c;
}

} // namespace

QList<ChartSpec> comparisonCharts(const Report& report)
{
    QList<ChartSpec> charts{latencyChart(report.models, tr("Latency (median)")), costChart(report.models)};
    const ChartSpec traces = tracesChart(report);
    if (!traces.empty())
        charts.append(traces);
    const bool repeated = report.repeat > 1 && std::any_of(report.models.cbegin(), report.models.cend(), [](const ReportModelFigures& m) {
        return m.totalMs && m.totalMs->samples > 1;
    });
    if (repeated)
        charts.append(repeatsChart(report.models));
    return charts;
}

QList<ChartSpec> runCharts(const Report& report)
{
    ChartSpec timeline{ChartSpec::Kind::Timeline, u"timeline"_s, tr("Timeline: where the time went"), u"ms"_s, {},
                       {}, {}, {}, {}, {}};
    for (const NodeRun& n : report.nodes) {
        if (n.state == NodeState::Waiting)
            continue;
        timeline.bars.append({n.node, n.startedMs, std::max(n.finishedMs, n.startedMs), nodeStateName(n.state)});
    }
    QList<ChartSpec> charts{timeline};
    if (!report.models.isEmpty()) {
        charts.append(latencyChart(report.models, tr("Model steps: latency")));
        charts.append(costChart(report.models));
    }
    return charts;
}

QList<ChartSpec> batchCharts(const Report& report)
{
    QList<ChartSpec> charts{latencyChart(report.models, tr("Latency per node and model (median)")),
                            costChart(report.models)};
    if (std::any_of(report.models.cbegin(), report.models.cend(),
                    [](const ReportModelFigures& m) { return m.totalMs && m.totalMs->samples > 1; })) {
        ChartSpec spread = repeatsChart(report.models);
        spread.title = tr("Total time over the rows");
        charts.append(spread);
    }
    return charts;
}

QList<ChartSpec> conversationCharts(const Report& report)
{
    QList<ChartSpec> charts;
    if (report.answers.size() < 2)
        return charts;
    // One bar per answer: how each turn felt.
    QList<ReportModelFigures> turns;
    for (int i = 0; i < report.answers.size(); ++i) {
        const AnswerStats& s = report.answers.at(i).stats;
        ReportModelFigures t;
        t.model = tr("Answer %1").arg(i + 1);
        if (s.ttftMs)
            t.ttftMs = distributionOf({*s.ttftMs});
        if (s.totalMs)
            t.totalMs = distributionOf({*s.totalMs});
        turns.append(t);
    }
    charts.append(latencyChart(turns, tr("Latency per answer")));
    return charts;
}

} // namespace juxta
