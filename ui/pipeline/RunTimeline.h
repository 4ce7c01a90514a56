// SPDX-License-Identifier: GPL-3.0-or-later
// The run's timeline: one bar per node on a shared time axis, coloured by its state, so where the time went and
// what ran in parallel can be seen at a glance; a node still running grows to "now". Painted directly (it redraws
// a few times a second while a run streams).
#pragma once

#include "pipeline/RunRecord.h"

#include <QWidget>

namespace juxta {

class RunTimeline final : public QWidget
{
    Q_OBJECT

public:
    explicit RunTimeline(QWidget* parent = nullptr);

    void setRecord(const RunRecord& record, double nowMs);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override; // tooltips per bar

private:
    QRectF barRect(int row, const NodeRun& run) const;
    double axisEndMs() const;

    RunRecord m_record;
    double m_nowMs = 0;
    double m_labelWidth = 120;
};

QColor runStateColour(NodeState state, const QPalette& palette);

} // namespace juxta
