// SPDX-License-Identifier: GPL-3.0-or-later
// ComparePage, third part: its figures. What the next send may cost (per column and in all, with the budget),
// the marks and charts once a run has ended, the live throughput lines, and when "Best" is offered.
#include "compare/ComparePage.h"

#include "charts/RunCharts.h"
#include "chat/ChatSettingsPanel.h"
#include "chat/Composer.h"
#include "compare/CompareColumn.h"
#include "compare/CompareLane.h"
#include "compare/CompareSetupBar.h"
#include "compare/Comparison.h"
#include "compare/ComparisonLane.h"
#include "config/ConfigStore.h"
#include "pricing/BudgetGuard.h"

using namespace Qt::StringLiterals;

namespace juxta {

void ComparePage::updateBestButtons()
{
    // One vote per turn, once every column has finished.
    const bool open = !isRunning() && !m_comparison->hasVoted() && m_lanes.size() >= 2;
    for (CompareColumn* column : std::as_const(m_columns))
        column->setBestEnabled(open);
}

void ComparePage::updateMarksAndCharts()
{
    QList<ColumnFigures> figures;
    QList<int> colours;
    for (int i = 0; i < m_lanes.size(); ++i) {
        ColumnFigures f = m_lanes.at(i)->figures();
        f.label = titleOf(i);
        if (m_columns.at(i)->isHidden())
            f.succeeded = false; // a hidden column competes for nothing
        figures.append(f);
        colours.append(i);
    }
    const CompareMarks marks = marksOf(figures);
    for (int i = 0; i < m_lanes.size(); ++i)
        m_columns.at(i)->setMarks(marks.fastest == i, marks.cheapest == i, marks.longest == i);
    m_charts->setFigures(figures, colours);
}

void ComparePage::updateTraces()
{
    QList<QList<QPointF>> traces;
    QStringList labels;
    QList<int> colours;
    for (int i = 0; i < m_lanes.size(); ++i) {
        traces.append(m_lanes.at(i)->lane().trace());
        labels.append(titleOf(i));
        colours.append(i);
    }
    m_charts->setTraces(traces, labels, colours);
}

void ComparePage::updateEstimates()
{
    const CompareSetup wanted = setup();
    const bool followUp = continuesShown(wanted);
    const Comparison::Estimate estimate = m_comparison->estimateNext(wanted, m_composer->text());
    for (int i = 0; i < m_columns.size(); ++i) {
        const std::optional<SendEstimate> e = estimate.columns.value(i);
        QString text;
        if (!e)
            text = tr("model not available");
        else if (!e->cost)
            text = tr("next send: ≈ %1 tokens in, price unknown").arg(e->promptTokens);
        else if (e->cost->max)
            text = tr("next send: %1–%2").arg(formatMoney(e->cost->min, e->cost->currency),
                                              formatMoney(*e->cost->max, e->cost->currency));
        else
            text = tr("next send: from %1").arg(formatMoney(e->cost->min, e->cost->currency));
        if (wanted.repeat > 1 && e)
            text += tr(" (× %1 runs)").arg(wanted.repeat);
        m_columns.at(i)->setEstimate(isRevealed() ? text : QString()); // a price would hint at the model
    }
    QString total;
    if (m_columns.size() >= CompareSetup::kMinColumns) {
        const std::optional<CostEstimate>& sum = estimate.total;
        total = !sum ? tr("Next send, all columns: price unknown for some models")
                : sum->max ? tr("Next send, all columns: %1–%2").arg(formatMoney(sum->min, sum->currency),
                                                                     formatMoney(*sum->max, sum->currency))
                           : tr("Next send, all columns: from %1").arg(formatMoney(sum->min, sum->currency));
        const BudgetLimits& limits = m_config.config().budget;
        if (limits.perRequestUsd)
            total += tr("  ·  budget %1 per send").arg(formatMoney(*limits.perRequestUsd, u"USD"_s));
        if (followUp)
            total += tr("  ·  continues this comparison");
    } else {
        total = tr("Add 2 to 8 models to compare.");
    }
    m_composer->setEstimate(total);
}

} // namespace juxta
