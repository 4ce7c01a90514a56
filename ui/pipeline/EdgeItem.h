// SPDX-License-Identifier: GPL-3.0-or-later
// One edge on the canvas: a curve from an output port to an input port, selectable (and deleted) like a node.
#pragma once

#include "pipeline/Pipeline.h"

#include <QGraphicsPathItem>

namespace juxta {

class EdgeItem final : public QGraphicsPathItem
{
public:
    static constexpr int kType = UserType + 2;

    explicit EdgeItem(const Edge& edge);

    const Edge& edge() const { return m_edge; }
    void setEnds(QPointF from, QPointF to);

    int type() const override { return kType; }
    QPainterPath shape() const override; // the line's width and a little more, not the area under the curve
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    Edge m_edge;
    QPolygonF m_line; // the curve, flattened
};

QPainterPath edgeCurve(QPointF from, QPointF to);

} // namespace juxta
