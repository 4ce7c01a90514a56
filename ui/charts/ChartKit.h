// SPDX-License-Identifier: GPL-3.0-or-later
// What every Juxta chart shares: series colours, axes that follow the palette (light and dark), hover tooltips,
// and PNG/PDF export (QCustomPlot's own). qcustomplot.h stays out of headers: it is large and slow to parse.
#pragma once

#include <QColor>
#include <QPoint>
#include <QString>
#include <functional>

class QCustomPlot;
class QWidget;

namespace juxta {

// A plot with Juxta's look: palette colours, labelled axes (say the unit: "time (s)"), legend on when asked.
QCustomPlot* createPlot(const QString& title, const QString& xLabel, const QString& yLabel, QWidget* parent);
void applyPalette(QCustomPlot* plot); // again, after a palette change
// The legend in a row under the plot, never over the data.
void placeLegendBelow(QCustomPlot* plot);
// Lays the legend's entries out in as many columns as fit the plot's width, so no entry is cut; call after the
// entries or the size change.
void fitLegend(QCustomPlot* plot);

// `tipAt` names what is under the mouse (plot pixel coordinates) or returns empty for nothing.
void installHoverTips(QCustomPlot* plot, std::function<QString(QPoint)> tipAt);

// "Save as PNG…" / "Save as PDF…" in the plot's context menu.
void installExportMenu(QCustomPlot* plot);
// By the file's suffix (.png or .pdf). PNGs are rendered at twice the size for sharp slides.
bool exportPlot(QCustomPlot* plot, const QString& path);

} // namespace juxta
