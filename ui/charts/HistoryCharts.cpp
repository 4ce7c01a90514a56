// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/HistoryCharts.h"

#include "charts/ChartKit.h"
#include "charts/RunCharts.h"
#include "common/Tones.h"
#include "pricing/CostCalculator.h"

#include <QEvent>
#include <QGridLayout>
#include <qcustomplot.h>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

// A fixed, even spread of points across a box's width: the same data draws the same picture every time.
double jitter(int i)
{
    static const double offsets[] = {0, 0.12, -0.12, 0.06, -0.06, 0.18, -0.18, 0.03, -0.09, 0.15, -0.15, 0.09};
    return offsets[i % 12];
}

} // namespace

HistoryCharts::HistoryCharts(QWidget* parent)
    : QWidget(parent)
    , m_latency(createPlot(tr("Latency by model (all requests)"), {}, tr("total time (s)"), this))
    , m_price(createPlot(tr("Cost per 1,000 output tokens"), {}, tr("USD per 1k output tokens"), this))
    , m_scatter(createPlot(tr("Cost against latency"), tr("total time (s)"), tr("cost per request (USD)"), this))
{
    setObjectName(u"historyCharts"_s);
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_latency, 0, 0);
    layout->addWidget(m_price, 0, 1);
    layout->addWidget(m_scatter, 1, 0, 1, 2);
    for (QCustomPlot* plot : {m_latency, m_price, m_scatter}) {
        installExportMenu(plot);
        installHoverTips(plot, [this, plot](QPoint pos) { return tipAt(plot, pos); });
    }
    placeLegendBelow(m_scatter);
    placeLegendBelow(m_latency);
}

void HistoryCharts::setPoints(const QList<UsagePoint>& points)
{
    m_points = points;
    m_usage = usageByModel(points);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int i = 0; i < m_usage.size(); ++i)
        ticker->addTick(i + 1, shortModelLabel(m_usage.at(i).target));

    m_latency->clearPlottables();
    auto* boxes = new QCPStatisticalBox(m_latency->xAxis, m_latency->yAxis);
    boxes->setName(tr("quartiles, min–max"));
    boxes->setWidth(0.5);
    QColor boxFill = seriesColour(0, m_latency->palette());
    boxFill.setAlpha(60);
    boxes->setBrush(boxFill);
    auto* dots = new QCPGraph(m_latency->xAxis, m_latency->yAxis);
    dots->setName(tr("each request"));
    dots->setLineStyle(QCPGraph::lsNone);
    dots->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, toneColour(Tone::Negative, m_latency->palette(), ToneUse::Mark), 4));
    double slowest = 0;
    for (int i = 0; i < m_usage.size(); ++i) {
        const ModelUsage& u = m_usage.at(i);
        if (!u.total)
            continue;
        const Distribution& d = *u.total;
        boxes->addData(i + 1, d.min / 1000, d.lowerQuartile / 1000, d.median / 1000, d.upperQuartile / 1000,
                       d.max / 1000);
        for (int k = 0; k < u.totalMs.size(); ++k)
            dots->addData(i + 1 + jitter(k), u.totalMs.at(k) / 1000);
        slowest = std::max(slowest, d.max / 1000);
    }
    m_latency->xAxis->setTicker(ticker);
    m_latency->xAxis->setRange(0.4, m_usage.size() + 0.6);
    m_latency->yAxis->setRange(0, slowest > 0 ? slowest * 1.1 : 1);
    m_latency->replot();

    m_price->clearPlottables();
    double dearest = 0;
    for (int i = 0; i < m_usage.size(); ++i) {
        if (!m_usage.at(i).costPer1kOutput)
            continue;
        auto* bar = new QCPBars(m_price->xAxis, m_price->yAxis);
        const QColor colour = seriesColour(i, m_price->palette());
        bar->setBrush(colour);
        bar->setPen(QPen(colour.darker(130)));
        bar->addData(i + 1, *m_usage.at(i).costPer1kOutput);
        dearest = std::max(dearest, *m_usage.at(i).costPer1kOutput);
    }
    m_price->xAxis->setTicker(ticker);
    m_price->xAxis->setRange(0.4, m_usage.size() + 0.6);
    m_price->yAxis->setRange(0, dearest > 0 ? dearest * 1.15 : 0.001);
    m_price->replot();

    m_scatter->clearPlottables();
    struct Series { QString name; QColor colour; int rating; };
    const QPalette& palette = m_scatter->palette();
    const Series series[] = {{tr("rated good"), toneColour(Tone::Positive, palette, ToneUse::Mark), 1},
                             {tr("rated poor"), toneColour(Tone::Negative, palette, ToneUse::Mark), -1},
                             {tr("not rated"), toneColour(Tone::Neutral, palette, ToneUse::Mark), 0}};
    double maxX = 1, maxY = 0.0001;
    for (const Series& s : series) {
        auto* graph = m_scatter->addGraph();
        graph->setName(s.name);
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, s.colour, s.colour, 7));
        for (const UsagePoint& p : std::as_const(m_points)) {
            if (!p.totalMs || !p.costUsd || p.rating.value_or(0) != s.rating)
                continue;
            graph->addData(*p.totalMs / 1000, *p.costUsd);
            maxX = std::max(maxX, *p.totalMs / 1000);
            maxY = std::max(maxY, *p.costUsd);
        }
    }
    m_scatter->xAxis->setRange(0, maxX * 1.1);
    m_scatter->yAxis->setRange(0, maxY * 1.15);
    m_scatter->replot();
}

QString HistoryCharts::tipAt(QCustomPlot* plot, QPoint pos) const
{
    if (plot == m_scatter) {
        const double x = plot->xAxis->pixelToCoord(pos.x());
        const double y = plot->yAxis->pixelToCoord(pos.y());
        const double dx = plot->xAxis->pixelToCoord(pos.x() + 6) - x; // within 6 pixels
        const double dy = std::abs(plot->yAxis->pixelToCoord(pos.y() + 6) - y);
        for (const UsagePoint& p : m_points) {
            if (p.totalMs && p.costUsd && std::abs(*p.totalMs / 1000 - x) < dx && std::abs(*p.costUsd - y) < dy)
                return tr("%1\n%2 s, %3").arg(p.target).arg(*p.totalMs / 1000, 0, 'f', 2)
                    .arg(formatMoney(*p.costUsd, u"USD"_s));
        }
        return {};
    }
    const int index = qRound(plot->xAxis->pixelToCoord(pos.x())) - 1;
    if (index < 0 || index >= m_usage.size())
        return {};
    const ModelUsage& u = m_usage.at(index);
    if (plot == m_price)
        return u.costPer1kOutput ? tr("%1\n%2 per 1k output tokens").arg(u.target, formatMoney(*u.costPer1kOutput, u"USD"_s))
                                 : tr("%1\nprice unknown").arg(u.target);
    if (!u.total)
        return {};
    return u.target + u' ' + tr("(%n request(s))", nullptr, u.requests) + u'\n'
           + tr("median %1 s, p95 %2 s\nmin %3 s, max %4 s")
                 .arg(u.total->median / 1000, 0, 'f', 2).arg(u.total->p95 / 1000, 0, 'f', 2)
                 .arg(u.total->min / 1000, 0, 'f', 2).arg(u.total->max / 1000, 0, 'f', 2);
}

void HistoryCharts::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) { // after the plots have their new palette too (they get it after us)
        QMetaObject::invokeMethod(this, [this] {
            for (QCustomPlot* plot : {m_latency, m_price, m_scatter})
                applyPalette(plot);
            setPoints(m_points); // the series' colours are fitted to the palette's base
        }, Qt::QueuedConnection);
    }
}

} // namespace juxta
