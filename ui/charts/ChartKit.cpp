// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/ChartKit.h"

#include <QApplication>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QToolTip>
#include <qcustomplot.h>

using namespace Qt::StringLiterals;

namespace juxta {

void applyPalette(QCustomPlot* plot)
{
    const QPalette palette = plot->palette();
    const QColor text = palette.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(40);
    plot->setBackground(palette.brush(QPalette::Base));
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    }
    plot->legend->setBrush(palette.brush(QPalette::Base));
    plot->legend->setBorderPen(QPen(grid));
    plot->legend->setTextColor(text);
    if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0)))
        title->setTextColor(text);
}

QCustomPlot* createPlot(const QString& title, const QString& xLabel, const QString& yLabel, QWidget* parent)
{
    auto* plot = new QCustomPlot(parent);
    plot->setAccessibleName(title);
    plot->setMinimumSize(240, 180);
    plot->setNoAntialiasingOnDrag(true);
    plot->plotLayout()->insertRow(0);
    QFont titleFont = plot->font();
    titleFont.setBold(true);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, titleFont));
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
    plot->legend->setFont(plot->font());
    applyPalette(plot);
    return plot;
}

void placeLegendBelow(QCustomPlot* plot)
{
    plot->legend->setVisible(true);
    auto* row = new QCPLayoutGrid;
    const int at = plot->plotLayout()->rowCount();
    plot->plotLayout()->addElement(at, 0, row);
    row->setMargins(QMargins(5, 0, 5, 5));
    row->addElement(0, 0, plot->legend);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->plotLayout()->setRowStretchFactor(at, 0.001);
}

void fitLegend(QCustomPlot* plot)
{
    QCPLegend* legend = plot->legend;
    const QFontMetrics metrics(legend->font());
    int widest = 0;
    for (int i = 0; i < legend->itemCount(); ++i) {
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(legend->item(i)))
            widest = std::max(widest, metrics.horizontalAdvance(item->plottable()->name()));
    }
    const int entry = widest + legend->iconSize().width() + legend->iconTextPadding() + 16;
    const int columns = std::max(1, (plot->width() - 20) / std::max(1, entry));
    if (legend->wrap() != columns) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLegend::foColumnsFirst, true); // the entries already there move to their new rows
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void installHoverTips(QCustomPlot* plot, std::function<QString(QPoint)> tipAt)
{
    plot->setMouseTracking(true);
    QObject::connect(plot, &QCustomPlot::mouseMove, plot, [plot, tipAt = std::move(tipAt)](QMouseEvent* event) {
        const QString tip = tipAt(event->pos());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(plot->mapToGlobal(event->pos()), tip, plot);
    });
}

bool exportPlot(QCustomPlot* plot, const QString& path)
{
    if (path.endsWith(u".pdf"_s, Qt::CaseInsensitive))
        return plot->savePdf(path, 0, 0, QCP::epNoCosmetic, u"Juxta"_s, plot->accessibleName());
    return plot->savePng(path, 0, 0, 2.0);
}

void installExportMenu(QCustomPlot* plot)
{
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(plot, &QWidget::customContextMenuRequested, plot, [plot](const QPoint& at) {
        QMenu menu(plot);
        const auto save = [plot](const QString& filter, const QString& suffix) {
            QString path = QFileDialog::getSaveFileName(plot, QApplication::translate("ChartKit", "Export chart"),
                                                        plot->accessibleName() + suffix, filter);
            if (path.isEmpty())
                return;
            if (!path.endsWith(suffix, Qt::CaseInsensitive))
                path += suffix;
            if (!exportPlot(plot, path))
                QMessageBox::warning(plot, QApplication::translate("ChartKit", "Export chart"),
                                     QApplication::translate("ChartKit", "Could not write %1.").arg(path));
        };
        menu.addAction(QApplication::translate("ChartKit", "Save as PNG…"), plot,
                       [save] { save(QApplication::translate("ChartKit", "PNG image (*.png)"), u".png"_s); });
        menu.addAction(QApplication::translate("ChartKit", "Save as PDF…"), plot,
                       [save] { save(QApplication::translate("ChartKit", "PDF document (*.pdf)"), u".pdf"_s); });
        menu.exec(plot->mapToGlobal(at));
    });
}

} // namespace juxta
