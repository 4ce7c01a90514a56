// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/RunCharts.h"

#include "charts/ChartKit.h"
#include "common/Tones.h"
#include "pricing/CostCalculator.h"

#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <qcustomplot.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace juxta {

QString shortModelLabel(const QString& label)
{
    QString s = label;
    const qsizetype notes = s.indexOf(u" · "_s);
    const qsizetype slash = s.indexOf(u'/');
    if (slash >= 0 && (notes < 0 || slash < notes))
        s = s.mid(slash + 1); // the profile is in the tooltip

    if (s.size() > 22)
        s = s.left(21) + u'…';
    return s;
}

RunCharts::RunCharts(QWidget* parent)
    : QWidget(parent)
    , m_latency(createPlot(tr("Latency per model"), {}, tr("time (s)"), this))
    , m_cost(createPlot(tr("Cost per model"), {}, tr("cost (USD)"), this))
    , m_throughput(createPlot(tr("Tokens received over time"), tr("time since sent (s)"), tr("output tokens"), this))
{
    setObjectName(u"runCharts"_s);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QCustomPlot* plot : {m_latency, m_cost, m_throughput}) {
        layout->addWidget(plot, 1);
        installExportMenu(plot);
        installHoverTips(plot, [this, plot](QPoint pos) { return tipAt(plot, pos); });
    }
    placeLegendBelow(m_latency);
    placeLegendBelow(m_throughput);
    m_cost->yAxis->setNumberFormat(u"g"_s);
    m_costNote = new QCPItemText(m_cost); // said in words when bars would all be zero or missing
    m_costNote->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_costNote->position->setCoords(0.5, 0.45);
    m_costNote->setPositionAlignment(Qt::AlignCenter);
    m_costNote->setTextAlignment(Qt::AlignCenter);
    m_costNote->setColor(palette().color(QPalette::PlaceholderText));
    m_costNote->setVisible(false);
    clear();
}

QString RunCharts::costNote() const
{
    return m_costNote->visible() ? m_costNote->text() : QString();
}

void RunCharts::clear()
{
    m_columns.clear();
    m_costNote->setVisible(false);
    m_traceLabels.clear();
    for (QCustomPlot* plot : {m_latency, m_cost, m_throughput}) {
        plot->clearPlottables();
        plot->replot();
    }
}

void RunCharts::setFigures(const QList<ColumnFigures>& columns, const QList<int>& colourIndexes)
{
    m_columns = columns;
    m_colourIndexes = colourIndexes;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> keys;
    for (int i = 0; i < columns.size(); ++i) {
        keys.append(i + 1);
        ticker->addTick(i + 1, shortModelLabel(columns.at(i).label).replace(u" · "_s, u"\n"_s)); // notes below the name
    }

    m_latency->clearPlottables();
    auto* wait = new QCPBars(m_latency->xAxis, m_latency->yAxis);
    auto* generation = new QCPBars(m_latency->xAxis, m_latency->yAxis);
    wait->setName(tr("time to first token"));
    generation->setName(tr("generation"));
    generation->moveAbove(wait);
    const QColor waitColour = seriesColour(0, m_latency->palette());
    const QColor generationColour = seriesColour(1, m_latency->palette());
    wait->setBrush(waitColour);
    wait->setPen(QPen(waitColour.darker(130)));
    generation->setBrush(generationColour);
    generation->setPen(QPen(generationColour.darker(130)));
    double highest = 0;
    for (int i = 0; i < columns.size(); ++i) {
        const ColumnFigures& c = columns.at(i);
        const double ttft = c.ttftMs.value_or(0) / 1000.0;
        const double gen = c.generationMs().value_or(0) / 1000.0;
        wait->addData(keys.at(i), ttft);
        generation->addData(keys.at(i), gen);
        highest = std::max(highest, ttft + gen);
    }
    m_latency->xAxis->setTicker(ticker);
    m_latency->xAxis->setRange(0.4, columns.size() + 0.6);
    m_latency->yAxis->setRange(0, highest > 0 ? highest * 1.15 : 1);
    m_latency->replot(QCustomPlot::rpQueuedReplot);

    m_cost->clearPlottables();
    double dearest = 0;
    for (int i = 0; i < columns.size(); ++i) {
        if (!columns.at(i).costUsd)
            continue; // an unknown price is no bar, not a zero one (the tooltip says so)
        auto* bar = new QCPBars(m_cost->xAxis, m_cost->yAxis);
        const QColor colour = seriesColour(colourIndexes.value(i, i), m_cost->palette());
        bar->setBrush(colour);
        bar->setPen(QPen(colour.darker(130)));
        bar->addData(keys.at(i), *columns.at(i).costUsd);
        dearest = std::max(dearest, *columns.at(i).costUsd);
    }
    const bool anyPrice = std::any_of(columns.begin(), columns.end(), [](const ColumnFigures& c) { return c.costUsd.has_value(); });
    const bool allKnown = std::all_of(columns.begin(), columns.end(), [](const ColumnFigures& c) { return c.costUsd.has_value(); });
    const QString note = columns.isEmpty()           ? QString()
                         : !anyPrice                  ? tr("No price is known for these models")
                         : allKnown && dearest <= 0.0 ? tr("Every answer was free:\nnothing to compare")
                                                      : QString();
    m_costNote->setText(note);
    m_costNote->setVisible(!note.isEmpty());
    m_cost->xAxis->setTicker(ticker);
    m_cost->xAxis->setRange(0.4, columns.size() + 0.6);
    m_cost->yAxis->setRange(0, dearest > 0 ? dearest * 1.15 : 0.001);
    m_cost->yAxis->setTickLabels(note.isEmpty()); // no scale for bars that are not there
    m_cost->replot(QCustomPlot::rpQueuedReplot);
}

void RunCharts::setTraces(const QList<QList<QPointF>>& traces, const QStringList& labels,
                          const QList<int>& colourIndexes)
{
    m_traceLabels = labels;
    m_traceColourIndexes = colourIndexes;
    while (m_throughput->graphCount() > traces.size())
        m_throughput->removeGraph(m_throughput->graphCount() - 1);
    double lastTime = 1, most = 10;
    for (int i = 0; i < traces.size(); ++i) {
        if (i >= m_throughput->graphCount())
            m_throughput->addGraph();
        QCPGraph* graph = m_throughput->graph(i);
        graph->setName(shortModelLabel(labels.value(i)));
        graph->setPen(QPen(seriesColour(colourIndexes.value(i, i), m_throughput->palette()), 2));
        QVector<double> x, y;
        x.reserve(traces.at(i).size());
        y.reserve(traces.at(i).size());
        for (const QPointF& p : traces.at(i)) {
            x.append(p.x());
            y.append(p.y());
            lastTime = std::max(lastTime, p.x());
            most = std::max(most, p.y());
        }
        graph->setData(x, y, true);
    }
    fitLegend(m_throughput);
    m_throughput->xAxis->setRange(0, lastTime * 1.05);
    m_throughput->yAxis->setRange(0, most * 1.1);
    m_throughput->replot(QCustomPlot::rpQueuedReplot); // coalesced with whatever else asks this frame
}

QString RunCharts::tipAt(QCustomPlot* plot, QPoint pos) const
{
    if (plot == m_throughput) {
        QString best;
        double bestDistance = 12; // pixels
        for (int i = 0; i < plot->graphCount(); ++i) {
            const double d = plot->graph(i)->selectTest(pos, false);
            if (d >= 0 && d < bestDistance) {
                bestDistance = d;
                const double t = plot->xAxis->pixelToCoord(pos.x());
                best = tr("%1\n%2 s: %3 tokens").arg(m_traceLabels.value(i)).arg(t, 0, 'f', 1)
                           .arg(plot->yAxis->pixelToCoord(pos.y()), 0, 'f', 0);
            }
        }
        return best;
    }
    const int index = qRound(plot->xAxis->pixelToCoord(pos.x())) - 1;
    if (index < 0 || index >= m_columns.size()
        || qAbs(plot->xAxis->pixelToCoord(pos.x()) - (index + 1)) > 0.4)
        return {};
    const ColumnFigures& c = m_columns.at(index);
    if (plot == m_cost)
        return c.costUsd ? tr("%1\n%2").arg(c.label, formatMoney(*c.costUsd, u"USD"_s))
                         : tr("%1\nprice unknown").arg(c.label);
    return tr("%1\ntime to first token %2 s\ngeneration %3 s\ntotal %4 s")
        .arg(c.label)
        .arg(c.ttftMs.value_or(0) / 1000.0, 0, 'f', 2)
        .arg(c.generationMs().value_or(0) / 1000.0, 0, 'f', 2)
        .arg(c.totalMs.value_or(0) / 1000.0, 0, 'f', 2);
}

bool RunCharts::exportAll(const QString& directory, const QString& suffix) const
{
    const QDir dir(directory);
    return exportPlot(m_latency, dir.filePath(u"latency"_s + suffix)) && exportPlot(m_cost, dir.filePath(u"cost"_s + suffix))
           && exportPlot(m_throughput, dir.filePath(u"throughput"_s + suffix));
}

void RunCharts::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitLegend(m_latency);
    fitLegend(m_throughput);
}

void RunCharts::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) // after the plots have their new palette too (they get it after us)
        QMetaObject::invokeMethod(this, &RunCharts::followPalette, Qt::QueuedConnection);
}

void RunCharts::followPalette()
{
    for (QCustomPlot* plot : {m_latency, m_cost, m_throughput})
        applyPalette(plot);
    // The series' colours are fitted to the palette's base: a new palette (dark mode switched on) fits them again.
    if (!m_columns.isEmpty())
        setFigures(m_columns, m_colourIndexes);
    for (int i = 0; i < m_throughput->graphCount(); ++i) {
        const QColor colour = seriesColour(m_traceColourIndexes.value(i, i), m_throughput->palette());
        m_throughput->graph(i)->setPen(QPen(colour, 2));
    }
    for (QCustomPlot* plot : {m_latency, m_cost, m_throughput})
        plot->replot();
}

} // namespace juxta
