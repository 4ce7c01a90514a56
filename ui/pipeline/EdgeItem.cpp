// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/EdgeItem.h"

#include "pipeline/PipelineScene.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace juxta {

namespace {
// The curve's control points: out of the source port to the right, into the target port from the left.
std::pair<QPointF, QPointF> controls(QPointF from, QPointF to)
{
    const double dx = std::max(48.0, std::abs(to.x() - from.x()) / 2);
    return {from + QPointF(dx, 0), to - QPointF(dx, 0)};
}
} // namespace

QPainterPath edgeCurve(QPointF from, QPointF to)
{
    const auto [c1, c2] = controls(from, to);
    QPainterPath path(from);
    path.cubicTo(c1, c2, to);
    return path;
}

EdgeItem::EdgeItem(const Edge& edge)
    : m_edge(edge)
{
    setFlag(ItemIsSelectable);
    setZValue(-1);
    QPen reach;
    reach.setWidthF(4); // only its width is used: the bounding box holds the selected line
    setPen(reach);
    QString tip = edge.from + QStringLiteral(" → ") + edge.to;
    if (!edge.branch.isEmpty())
        tip += QStringLiteral(" (%1)").arg(edge.branch);
    if (!edge.port.isEmpty())
        tip += QStringLiteral(" (%1)").arg(edge.port);
    setToolTip(tip);
}

void EdgeItem::setEnds(QPointF from, QPointF to)
{
    setPath(edgeCurve(from, to));
    // Flattened once here into a few segments, not on every paint: a big graph draws hundreds of these per frame.
    constexpr int kSegments = 20;
    const auto [c1, c2] = controls(from, to);
    m_line.resize(kSegments + 1);
    for (int i = 0; i <= kSegments; ++i) {
        const double t = double(i) / kSegments, u = 1 - t;
        m_line[i] = u * u * u * from + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * to;
    }
}

QPainterPath EdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    return stroker.createStroke(path());
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const QPalette& palette = option->palette;
    QColor colour = isSelected() ? palette.color(QPalette::Highlight) : palette.color(QPalette::WindowText);
    if (!isSelected())
        colour.setAlphaF(0.55f);
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    // A one-pixel line up to 150 %: Qt draws it on its fast cosmetic path (a two-unit antialiased stroke costs a
    // frame's budget on a big graph), made a little more opaque so it reads as well.
    const bool thin = lod < 1.5;
    if (thin && !isSelected())
        colour.setAlphaF(0.8f);
    QPen pen(colour, thin ? (isSelected() ? 2 : 1) : isSelected() ? 3 : 2);
    pen.setCosmetic(thin);
    const bool large = scene() && static_cast<const PipelineScene*>(scene())->isLarge();
    painter->setRenderHint(QPainter::Antialiasing, large ? lod >= 0.75 : lod >= 0.25); // as the nodes do
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPolyline(m_line);
}

} // namespace juxta
