// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/SvgChart.h"

#include "pipeline/PipelineLayout.h"
#include "pricing/CostCalculator.h"
#include "report/FigureFormat.h"
#include "report/MarkupText.h"

#include <QHash>
#include <cmath>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr double kWidth = 720;
constexpr double kLabelWidth = 190;
constexpr double kValueWidth = 86;
constexpr double kRow = 26;
constexpr double kTop = 34;
constexpr qsizetype kLabelChars = 30;

// Okabe–Ito: told apart by people with colour-vision deficiencies, visible on light and dark.
const QString kStyle = u"<style>"
    ".jx-chart{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Cantarell,sans-serif;font-size:12px}"
    ".jx-t{fill:#1f2328}.jx-m{fill:#59636e}.jx-g{stroke:#d1d9e0;stroke-width:1}.jx-a{stroke:#59636e;stroke-width:1}"
    ".jx-h{font-size:14px;font-weight:600}"
    ".jx-s0{fill:#0072b2;stroke:#0072b2}.jx-s1{fill:#e69f00;stroke:#e69f00}.jx-s2{fill:#009e73;stroke:#009e73}"
    ".jx-s3{fill:#cc79a7;stroke:#cc79a7}.jx-s4{fill:#56b4e9;stroke:#56b4e9}.jx-s5{fill:#d55e00;stroke:#d55e00}"
    ".jx-s6{fill:#b8a000;stroke:#b8a000}.jx-s7{fill:#8c8c8c;stroke:#8c8c8c}"
    ".jx-done,.jx-cached{fill:#2da44e}.jx-failed{fill:#cf222e}.jx-skipped,.jx-waiting{fill:#8c959f}"
    ".jx-running{fill:#0969da}.jx-cached{fill-opacity:.55}"
    ".jx-node{fill:#f6f8fa;stroke:#8c959f}.jx-edge{fill:none;stroke:#59636e;stroke-width:1.4}"
    ".jx-line{fill:none;stroke-width:2}.jx-small{font-size:11px}"
    "@media (prefers-color-scheme:dark){.jx-t{fill:#e6edf3}.jx-m{fill:#9198a1}.jx-g{stroke:#3d444d}"
    ".jx-a{stroke:#9198a1}.jx-node{fill:#151b23;stroke:#656c76}.jx-edge{stroke:#9198a1}}"
    "</style>"_s;

QString num(double v)
{
    return QString::number(v, 'f', 1);
}

QString open(double height, const QString& title)
{
    return u"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"jx-chart\" viewBox=\"0 0 %1 %2\" width=\"100%\" "
           "role=\"img\" aria-label=\"%3\">"_s.arg(num(kWidth), num(height), xmlText(title))
           + kStyle + u"<title>"_s + xmlText(title) + u"</title>"_s;
}

QString text(double x, double y, const QString& content, const QString& cls, const QString& anchor = u"start"_s)
{
    return u"<text x=\"%1\" y=\"%2\" class=\"%3\" text-anchor=\"%4\">%5</text>"_s.arg(num(x), num(y), cls, anchor,
                                                                                    xmlText(content));
}

// A long label is cut with "…"; the whole of it is the element's tooltip.
QString label(double x, double y, const QString& content)
{
    if (content.size() <= kLabelChars)
        return text(x, y, content, u"jx-t"_s, u"end"_s);
    return u"<g><title>%1</title>"_s.arg(xmlText(content))
           + text(x, y, content.left(kLabelChars - 1) + u'…', u"jx-t"_s, u"end"_s) + u"</g>"_s;
}

QString rect(double x, double y, double w, double h, const QString& cls)
{
    return u"<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" class=\"%5\" rx=\"2\"/>"_s.arg(num(x), num(y),
                                                                                         num(std::max(0.0, w)), num(h), cls);
}

QString lineEl(double x1, double y1, double x2, double y2, const QString& cls)
{
    return u"<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%4\" class=\"%5\"/>"_s.arg(num(x1), num(y1), num(x2), num(y2), cls);
}

// The top of an axis: `max` rounded up to a tick, or 1 for nothing (or for a value a damaged record made infinite).
double axisTop(double max);

// A tick step of 1, 2 or 5 × 10^k giving about five ticks up to `max`.
double tickStep(double max)
{
    if (max <= 0)
        return 1;
    const double raw = max / 5;
    const double magnitude = std::pow(10, std::floor(std::log10(raw)));
    for (double f : {1.0, 2.0, 5.0, 10.0})
        if (raw <= f * magnitude)
            return f * magnitude;
    return 10 * magnitude;
}

double axisTop(double max)
{
    if (!std::isfinite(max) || max <= 0 || max > 1e15)
        return 1;
    return std::ceil(max / tickStep(max)) * tickStep(max);
}

QString valueText(double v, const QString& unit)
{
    if (unit == u"ms"_s)
        return formatDuration(v);
    if (unit == u"USD"_s)
        return formatMoney(v, u"USD"_s);
    if (unit == u"s"_s)
        return QLocale().toString(v, 'g', 3) + u" s"_s;
    return QLocale().toString(qRound64(v));
}

QString legend(const QList<ChartSeries>& series, double y)
{
    QString out;
    double x = kLabelWidth + 10;
    for (int i = 0; i < series.size(); ++i) {
        const QString& name = series.at(i).name;
        out += rect(x, y - 9, 10, 10, u"jx-s%1"_s.arg(i % 8)) + text(x + 14, y, name, u"jx-m"_s);
        x += 24 + 7 * std::min<qsizetype>(name.size(), 40);
    }
    return out;
}

// The value axis under rows of bars: grid lines and tick labels from 0 to `max`.
QString axis(double max, const QString& unit, double top, double bottom, double x0, double plotWidth)
{
    QString out;
    const double step = tickStep(max);
    for (double t = 0; t <= max + step / 2; t += step) {
        const double x = x0 + plotWidth * t / max;
        out += lineEl(x, top, x, bottom, u"jx-g"_s) + text(x, bottom + 14, valueText(t, unit), u"jx-m"_s, u"middle"_s);
    }
    return out;
}

// The frame of a chart drawn in rows: where the plot is, its value axis up to `max`.
struct RowFrame
{
    double top = kTop;
    double bottom = 0;
    double height = 0;
    double x0 = kLabelWidth + 10;
    double plotWidth = kWidth - (kLabelWidth + 10) - kValueWidth;
    double max = 1;

    double at(double v) const { return x0 + plotWidth * v / max; }
};

RowFrame rowFrame(qsizetype rows, double max, double extraTop, double extraBottom)
{
    RowFrame f;
    f.top += extraTop;
    f.bottom = f.top + kRow * double(rows);
    f.height = f.bottom + 36 + extraBottom;
    f.max = axisTop(max);
    return f;
}

// The opening of a row chart: its title and value axis.
QString rowChartHead(const ChartSpec& c, const RowFrame& f, const QString& unit)
{
    return open(f.height, c.title) + text(0, 18, c.title, u"jx-t jx-h"_s)
           + axis(f.max, unit, f.top, f.bottom, f.x0, f.plotWidth);
}

QString barsSvg(const ChartSpec& c)
{
    const bool stacked = c.kind == ChartSpec::Kind::StackedBars;
    QList<double> totals(c.categories.size(), 0);
    for (const ChartSeries& s : c.series)
        for (int i = 0; i < s.values.size() && i < totals.size(); ++i)
            if (std::isfinite(s.values.at(i)))
                totals[i] += s.values.at(i);
    double max = 0;
    for (double t : totals)
        max = std::max(max, t);
    const RowFrame f = rowFrame(c.categories.size(), max, stacked ? 20 : 0, c.note.isEmpty() ? 0 : 18);
    const double top = f.top, height = f.height, x0 = f.x0, plotWidth = f.plotWidth, bottom = f.bottom;
    max = f.max;
    QString out = rowChartHead(c, f, c.valueUnit);
    if (stacked)
        out += legend(c.series, kTop + 4);
    for (int row = 0; row < c.categories.size(); ++row) {
        const double y = top + row * kRow;
        out += label(kLabelWidth, y + kRow / 2 + 4, c.categories.at(row));
        double x = x0;
        bool any = false;
        for (int s = 0; s < c.series.size(); ++s) {
            const double v = c.series.at(s).values.value(row, std::nan(""));
            if (!std::isfinite(v) || v < 0)
                continue;
            any = true;
            const double w = plotWidth * v / max;
            out += u"<g><title>%1: %2</title>"_s.arg(xmlText(c.series.at(s).name), xmlText(valueText(v, c.valueUnit)))
                   + rect(x, y + 5, w, kRow - 10, u"jx-s%1"_s.arg(stacked ? s % 8 : 0)) + u"</g>"_s;
            x += w;
        }
        const QString missing = c.valueUnit == u"USD"_s ? u"unknown"_s : u"no answer"_s;
        out += text(x + 6, y + kRow / 2 + 4, any ? valueText(totals.at(row), c.valueUnit) : missing, u"jx-m"_s);
    }
    out += lineEl(x0, top, x0, bottom, u"jx-a"_s);
    if (!c.note.isEmpty())
        out += text(0, height - 6, c.note, u"jx-m"_s);
    return out + u"</svg>"_s;
}

QString boxesSvg(const ChartSpec& c)
{
    double max = 0;
    for (const ChartBox& b : c.boxes)
        max = std::max(max, b.max);
    const RowFrame f = rowFrame(c.boxes.size(), max, 0, 0);
    QString out = rowChartHead(c, f, c.valueUnit);
    for (int row = 0; row < c.boxes.size(); ++row) {
        const ChartBox& b = c.boxes.at(row);
        const double y = f.top + row * kRow + kRow / 2;
        const auto at = [&f](double v) { return f.at(v); };
        out += label(kLabelWidth, y + 4, c.categories.value(row));
        out += u"<g><title>%1</title>"_s.arg(xmlText(u"min %1 · median %2 · max %3 · n = %4"_s.arg(
                   valueText(b.min, c.valueUnit), valueText(b.median, c.valueUnit), valueText(b.max, c.valueUnit))
                                                          .arg(b.samples)));
        out += lineEl(at(b.min), y, at(b.max), y, u"jx-a"_s);
        out += rect(at(b.lowerQuartile), y - 7, at(b.upperQuartile) - at(b.lowerQuartile), 14, u"jx-s%1"_s.arg(row % 8));
        out += lineEl(at(b.median), y - 9, at(b.median), y + 9, u"jx-a"_s) + u"</g>"_s;
        out += text(at(b.max) + 6, y + 4, u"n = %1"_s.arg(b.samples), u"jx-m"_s);
    }
    return out + u"</svg>"_s;
}

QString timelineSvg(const ChartSpec& c)
{
    double max = 0;
    for (const TimelineBar& b : c.bars)
        max = std::max(max, b.endMs);
    const RowFrame f = rowFrame(c.bars.size(), max, 0, 0);
    QString out = rowChartHead(c, f, u"ms"_s);
    for (int row = 0; row < c.bars.size(); ++row) {
        const TimelineBar& b = c.bars.at(row);
        const double y = f.top + row * kRow;
        const double x = f.at(b.startMs);
        const double w = std::max(2.0, f.at(b.endMs) - x); // an instant still shows
        out += label(kLabelWidth, y + kRow / 2 + 4, b.label);
        out += u"<g><title>%1</title>"_s.arg(xmlText(u"%1: %2, %3 → %4"_s.arg(b.label, b.state, formatDuration(b.startMs),
                                                                              formatDuration(b.endMs))))
               + rect(x, y + 5, w, kRow - 10, u"jx-"_s + b.state) + u"</g>"_s;
        out += text(x + w + 6, y + kRow / 2 + 4, formatDuration(b.endMs - b.startMs) + u" · "_s + b.state, u"jx-m"_s);
    }
    return out + u"</svg>"_s;
}

QString linesSvg(const ChartSpec& c)
{
    const double plotTop = kTop + 22, plotHeight = 220, x0 = 60, plotWidth = kWidth - x0 - 20;
    const double height = plotTop + plotHeight + 40;
    double maxX = 0, maxY = 0;
    for (const ChartSeries& s : c.series)
        for (const QPointF& p : s.points) {
            if (std::isfinite(p.x()) && std::isfinite(p.y())) {
                maxX = std::max(maxX, p.x());
                maxY = std::max(maxY, p.y());
            }
        }
    maxX = axisTop(maxX);
    maxY = axisTop(maxY);
    const double bottom = plotTop + plotHeight;
    QString out = open(height, c.title) + text(0, 18, c.title, u"jx-t jx-h"_s);
    double lx = x0;
    for (int i = 0; i < c.series.size(); ++i) {
        const QString name = c.series.at(i).name.left(kLabelChars);
        out += rect(lx, kTop - 5, 10, 10, u"jx-s%1"_s.arg(i % 8)) + text(lx + 14, kTop + 4, name, u"jx-m"_s);
        lx += 24 + 7 * name.size();
    }
    for (double t = 0; t <= maxY + tickStep(maxY) / 2; t += tickStep(maxY)) {
        const double y = bottom - plotHeight * t / maxY;
        out += lineEl(x0, y, x0 + plotWidth, y, u"jx-g"_s) + text(x0 - 6, y + 4, valueText(t, c.valueUnit), u"jx-m"_s, u"end"_s);
    }
    for (double t = 0; t <= maxX + tickStep(maxX) / 2; t += tickStep(maxX)) {
        const double x = x0 + plotWidth * t / maxX;
        out += text(x, bottom + 16, valueText(t, c.xUnit), u"jx-m"_s, u"middle"_s);
    }
    out += lineEl(x0, bottom, x0 + plotWidth, bottom, u"jx-a"_s);
    for (int i = 0; i < c.series.size(); ++i) {
        QString points;
        for (const QPointF& p : c.series.at(i).points)
            if (std::isfinite(p.x()) && std::isfinite(p.y()) && p.x() <= maxX && p.y() <= maxY)
                points += num(x0 + plotWidth * p.x() / maxX) + u',' + num(bottom - plotHeight * p.y() / maxY) + u' ';
        out += u"<polyline class=\"jx-line jx-s%1\" fill=\"none\" points=\"%2\"><title>%3</title></polyline>"_s.arg(
            QString::number(i % 8), points.trimmed(), xmlText(c.series.at(i).name));
    }
    return out + u"</svg>"_s;
}

} // namespace

QString chartSvg(const ChartSpec& chart)
{
    switch (chart.kind) {
    case ChartSpec::Kind::Bars:
    case ChartSpec::Kind::StackedBars: return barsSvg(chart);
    case ChartSpec::Kind::Boxes: return boxesSvg(chart);
    case ChartSpec::Kind::Timeline: return timelineSvg(chart);
    case ChartSpec::Kind::Lines: return linesSvg(chart);
    }
    return {};
}

QString pipelineGraphSvg(const Report& r)
{
    // Layers (longest path) left to right, whatever the canvas had: a canvas spread wide would shrink every label
    // to nothing once scaled to a page. Within a layer, the canvas's top-to-bottom order is kept.
    constexpr double nodeW = 128, nodeH = 44, margin = 16, layerGap = 40, rowGap = 18;
    Pipeline shape; // only what the layout reads: names, where the canvas had them, edges
    for (const ReportGraphNode& n : r.graphNodes) {
        Node node;
        node.name = n.name;
        shape.nodes.append(node);
        shape.positions.insert(n.name, n.position);
    }
    for (const ReportGraphEdge& e : r.graphEdges)
        shape.edges.append({e.from, e.to, {}, {}});
    const QHash<QString, QPointF> at = arrangedPositions(shape, QSizeF(nodeW + layerGap, nodeH + rowGap));
    double minX = 1e18, minY = 1e18, maxX = -1e18, maxY = -1e18;
    for (const QPointF& p : std::as_const(at)) {
        minX = std::min(minX, p.x());
        minY = std::min(minY, p.y());
        maxX = std::max(maxX, p.x() + nodeW);
        maxY = std::max(maxY, p.y() + nodeH);
    }
    if (at.isEmpty())
        minX = minY = 0, maxX = nodeW, maxY = nodeH;
    const double width = maxX - minX + 2 * margin, height = maxY - minY + 2 * margin;
    const auto place = [&](const QString& name) { return at.value(name) - QPointF(minX - margin, minY - margin); };
    QHash<QString, QString> state;
    for (const NodeRun& n : r.nodes)
        state.insert(n.node, nodeStateName(n.state));

    QString out = u"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"jx-chart\" viewBox=\"0 0 %1 %2\" width=\"100%\" "
                  "style=\"max-width:%1px\" role=\"img\" aria-label=\"The pipeline's graph\">"_s.arg(num(width), num(height))
                  + kStyle + u"<title>The pipeline's graph</title>"_s
                  + u"<defs><marker id=\"jx-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                    "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"jx-m\"/></marker></defs>"_s;
    for (const ReportGraphEdge& e : r.graphEdges) {
        if (!at.contains(e.from) || !at.contains(e.to))
            continue;
        const QPointF a = place(e.from) + QPointF(nodeW, nodeH / 2), b = place(e.to) + QPointF(0, nodeH / 2);
        const double dx = std::max(30.0, (b.x() - a.x()) / 2);
        out += u"<path class=\"jx-edge\" marker-end=\"url(#jx-arrow)\" d=\"M%1,%2 C%3,%2 %4,%5 %6,%5\"/>"_s.arg(
            num(a.x()), num(a.y()), num(a.x() + dx), num(b.x() - dx), num(b.y()), num(b.x()));
        if (!e.label.isEmpty())
            out += text((a.x() + b.x()) / 2, (a.y() + b.y()) / 2 - 4, e.label, u"jx-m"_s, u"middle"_s);
    }
    for (const ReportGraphNode& n : r.graphNodes) {
        const QPointF p = place(n.name);
        const QString st = state.value(n.name, u"waiting"_s);
        out += u"<g><title>%1</title>"_s.arg(xmlText(n.name + u" · "_s + n.kind + u" · "_s + st))
               + u"<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" rx=\"6\" class=\"jx-node\"/>"_s.arg(
                   num(p.x()), num(p.y()), num(nodeW), num(nodeH))
               + rect(p.x(), p.y(), 5, nodeH, u"jx-"_s + st)
               + text(p.x() + 11, p.y() + 18, n.name.left(16), u"jx-t"_s)
               + text(p.x() + 11, p.y() + 34, (n.model.isEmpty() ? n.kind : n.model).left(18), u"jx-m jx-small"_s) + u"</g>"_s;
    }
    return out + u"</svg>"_s;
}

} // namespace juxta
