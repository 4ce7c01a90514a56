// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/RunPanel.h"

#include "pipeline/NodeItem.h"
#include "pipeline/RunTimeline.h"
#include "report/FigureFormat.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {
enum Column { NodeColumn, StateColumn, ServedColumn, TtftColumn, TotalColumn, TokensColumn, CostColumn, AttemptsColumn, Columns };
}

RunPanel::RunPanel(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, Columns, this))
    , m_totals(new QLabel(this))
    , m_timeline(new RunTimeline(this))
{
    setObjectName(u"runPanel"_s);
    m_table->setObjectName(u"runTable"_s);
    m_table->setAccessibleName(tr("Run figures per node"));
    m_table->setHorizontalHeaderLabels({tr("Node"), tr("State"), tr("Served by"), tr("TTFT"), tr("Total"), tr("Tokens"),
                                        tr("Cost"), tr("Attempts")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_totals->setObjectName(u"runTotals"_s);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (QTableWidgetItem* item = m_table->item(row, NodeColumn))
            emit nodeActivated(item->text());
    });

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addWidget(m_totals);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_timeline);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({560, 380});
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    m_totals->setText(tr("Not run yet."));
}

void RunPanel::setEstimate(const QString& text)
{
    m_totals->setToolTip(text);
}

void RunPanel::setRecord(const RunRecord& record, double nowMs)
{
    m_table->setRowCount(int(record.nodes.size()));
    const auto set = [this](int row, int column, const QString& text, Qt::Alignment align = Qt::AlignLeft) {
        QTableWidgetItem* item = m_table->item(row, column);
        if (!item) {
            item = new QTableWidgetItem;
            m_table->setItem(row, column, item);
        }
        if (item->text() != text)
            item->setText(text);
        item->setTextAlignment(align | Qt::AlignVCenter);
    };
    for (int row = 0; row < record.nodes.size(); ++row) {
        const NodeRun& n = record.nodes.at(row);
        const bool model = n.kind == u"model"_s;
        const bool final = isFinal(n.state) && n.state != NodeState::Skipped;
        set(row, NodeColumn, n.node);
        set(row, StateColumn, n.errorClass.isEmpty() ? nodeStateLabel(n.state)
                                                      : u"%1 · %2"_s.arg(nodeStateLabel(n.state), n.errorClass));
        m_table->item(row, StateColumn)->setForeground(runStateColour(n.state, palette()));
        m_table->item(row, StateColumn)->setToolTip(n.error);
        set(row, ServedColumn, n.servedBy.join(u", "_s));
        set(row, TtftColumn, n.ttftMs ? formatDuration(*n.ttftMs) : QString(), Qt::AlignRight);
        set(row, TotalColumn, final ? formatDuration(n.totalMs())
                              : n.state == NodeState::Running ? formatDuration(nowMs - n.startedMs) : QString(),
            Qt::AlignRight);
        set(row, TokensColumn, n.inputTokens || n.outputTokens
                                   ? u"%1 → %2"_s.arg(formatTokens(n.inputTokens.value_or(0)), formatTokens(n.outputTokens.value_or(0)))
                                   : QString(), Qt::AlignRight);
        set(row, CostColumn, model && final && n.state != NodeState::Cached ? formatCost(n.costUsd) : QString(), Qt::AlignRight);
        set(row, AttemptsColumn, model && n.attempts > 0 ? QString::number(n.attempts) : QString(), Qt::AlignRight);
    }
    const QString state = record.state == u"running"_s   ? tr("Running for %1").arg(formatDuration(nowMs))
                          : record.state == u"done"_s    ? tr("Done in %1").arg(formatDuration(record.wallMs))
                          : record.state == u"failed"_s  ? tr("Failed after %1").arg(formatDuration(record.wallMs))
                                                         : tr("Stopped after %1").arg(formatDuration(record.wallMs));
    m_totals->setText(tr("%1 · %2 → %3 tokens · cost %4").arg(state, formatTokens(record.totalInputTokens()),
                                                              formatTokens(record.totalOutputTokens()),
                                                              formatCost(record.totalCostUsd())));
    m_timeline->setRecord(record, nowMs);
}

} // namespace juxta
