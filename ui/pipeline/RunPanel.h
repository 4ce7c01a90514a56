// SPDX-License-Identifier: GPL-3.0-or-later
// The run panel under the canvas: the run's per-node table — state, the model that served, time to first token,
// total time, tokens, cost, attempts — with its totals, beside the timeline chart of the run.
#pragma once

#include "pipeline/RunRecord.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace juxta {

class RunTimeline;

class RunPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit RunPanel(QWidget* parent = nullptr);

    void setRecord(const RunRecord& record, double nowMs);
    void setEstimate(const QString& text);
    QTableWidget* table() const { return m_table; }
    RunTimeline* timeline() const { return m_timeline; }
    QLabel* totals() const { return m_totals; }

signals:
    void nodeActivated(const QString& node);

private:
    QTableWidget* m_table;
    QLabel* m_totals;
    RunTimeline* m_timeline;
};

} // namespace juxta
