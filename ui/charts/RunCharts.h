// SPDX-License-Identifier: GPL-3.0-or-later
// The charts of one comparison run: time to first token and generation time stacked per column, cost per
// column, and tokens received over time (one line per column, drawn live while the answers stream).
#pragma once

#include "compare/CompareFigures.h"

#include <QWidget>

class QCustomPlot;
class QCPItemText;

namespace juxta {

class RunCharts final : public QWidget
{
    Q_OBJECT

public:
    explicit RunCharts(QWidget* parent = nullptr);

    // Bars; columns in display order. Colours follow the column's index in `colourIndexes`.
    void setFigures(const QList<ColumnFigures>& columns, const QList<int>& colourIndexes);
    // Live lines: one trace per column, same order as setFigures'. Cheap enough to call a few times a second.
    void setTraces(const QList<QList<QPointF>>& traces, const QStringList& labels, const QList<int>& colourIndexes);
    void clear();

    QCustomPlot* latencyPlot() const { return m_latency; }
    QCustomPlot* costPlot() const { return m_cost; }
    QCustomPlot* throughputPlot() const { return m_throughput; }
    // What the cost chart says instead of bars when there is nothing to compare (every answer free, or no price
    // known); empty when it shows bars.
    QString costNote() const;
    // All three into `directory` as latency/cost/throughput .png or .pdf; false if one failed.
    bool exportAll(const QString& directory, const QString& suffix) const;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override; // the legends fit the new width

private:
    QString tipAt(QCustomPlot* plot, QPoint pos) const;
    void followPalette(); // axes, legends and series fitted to the palette now in use

    QCustomPlot* m_latency;
    QCustomPlot* m_cost;
    QCustomPlot* m_throughput;
    QCPItemText* m_costNote;
    QList<ColumnFigures> m_columns;
    QList<int> m_colourIndexes;
    QStringList m_traceLabels;
    QList<int> m_traceColourIndexes;
};

// "gpt-4o-mini" from "openai/gpt-4o-mini · t 0.2": short enough for an axis.
QString shortModelLabel(const QString& label);

} // namespace juxta
