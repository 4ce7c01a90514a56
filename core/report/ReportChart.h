// SPDX-License-Identifier: GPL-3.0-or-later
// A chart as data: what a report draws (latency, cost, tokens over time, repeat spread, a pipeline's timeline),
// made from the report's figures in core and written as SVG by SvgChart. The views draw their own charts from the
// same figures; nothing here knows about a widget or a painter.
#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

namespace juxta {

struct ChartSeries
{
    QString name;
    QList<double> values;  // one per category (bars); NaN for "no value"
    QList<QPointF> points; // lines: (x, y)
};

struct ChartBox // one category's spread over repeats
{
    double min = 0;
    double lowerQuartile = 0;
    double median = 0;
    double upperQuartile = 0;
    double max = 0;
    int samples = 0;
};

struct TimelineBar
{
    QString label;
    double startMs = 0;
    double endMs = 0;
    QString state; // a node state name: the bar's colour
};

struct ChartSpec
{
    enum class Kind { StackedBars, Bars, Lines, Boxes, Timeline };
    Kind kind = Kind::Bars;
    QString id;        // "latency", "cost", … — file names beside a Markdown report, anchors in HTML
    QString title;
    QString valueUnit; // "ms", "USD", "tokens"
    QString xUnit;     // lines: "s"
    QStringList categories;
    QList<ChartSeries> series;
    QList<ChartBox> boxes;
    QList<TimelineBar> bars;
    QString note;      // said instead of (or under) the chart: "Every answer was free (offline)."
    bool empty() const { return series.isEmpty() && boxes.isEmpty() && bars.isEmpty(); }
};

} // namespace juxta
