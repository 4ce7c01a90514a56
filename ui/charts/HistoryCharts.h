// SPDX-License-Identifier: GPL-3.0-or-later
// Charts across the whole history, from the request log: each model's latency distribution (a box with every
// request as a point), its cost per 1,000 output tokens, and cost against latency per request, coloured by the
// rating its answer got.
#pragma once

#include "compare/CompareFigures.h"

#include <QWidget>

class QCustomPlot;

namespace juxta {

class HistoryCharts final : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryCharts(QWidget* parent = nullptr);

    void setPoints(const QList<UsagePoint>& points);
    QCustomPlot* latencyPlot() const { return m_latency; }
    QCustomPlot* pricePlot() const { return m_price; }
    QCustomPlot* scatterPlot() const { return m_scatter; }

protected:
    void changeEvent(QEvent* event) override;

private:
    QString tipAt(QCustomPlot* plot, QPoint pos) const;

    QCustomPlot* m_latency;
    QCustomPlot* m_price;
    QCustomPlot* m_scatter;
    QList<ModelUsage> m_usage;
    QList<UsagePoint> m_points;
};

} // namespace juxta
