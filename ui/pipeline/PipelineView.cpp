// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineView.h"

#include "pipeline/NodeItem.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace juxta {
namespace {
constexpr double kMinZoom = 0.05;
constexpr double kMaxZoom = 3.0;
constexpr double kGrid = 20;
} // namespace

PipelineView::PipelineView(QGraphicsScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlag(DontAdjustForAntialiasing);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Pipeline canvas"));
    setAccessibleDescription(tr("Arrow keys move the selected nodes; Space adds a node; Delete removes the selection"));
    setSceneRect(QRectF(-20'000, -20'000, 40'000, 40'000)); // room to pan; the scene never resizes under the user
}

double PipelineView::zoom() const
{
    return transform().m11();
}

void PipelineView::zoomBy(double factor, std::optional<QPointF> around)
{
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    factor = target / zoom();
    if (around) {
        setTransformationAnchor(AnchorUnderMouse);
        scale(factor, factor);
        return;
    }
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    scale(factor, factor);
    setTransformationAnchor(anchor);
}

void PipelineView::fitAll(const QRectF& rect)
{
    fitInView(rect, Qt::KeepAspectRatio);
    if (zoom() > 1.0) { // a small graph is shown at its size, not blown up
        const QPointF centre = rect.center();
        resetTransform();
        centerOn(centre);
    }
    if (zoom() < kMinZoom) {
        const QPointF centre = rect.center();
        setTransform(QTransform::fromScale(kMinZoom, kMinZoom));
        centerOn(centre);
    }
}

QPointF PipelineView::cursorScenePos() const
{
    const QPoint local = viewport()->mapFromGlobal(QCursor::pos());
    return viewport()->rect().contains(local) ? mapToScene(local) : mapToScene(viewport()->rect().center());
}

void PipelineView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ShiftModifier) { // Shift+wheel scrolls, for those who pan that way
        QGraphicsView::wheelEvent(event);
        return;
    }
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(1.15, steps), event->position());
    event->accept();
}

void PipelineView::keyPressEvent(QKeyEvent* event)
{
    const double step = (event->modifiers() & Qt::ShiftModifier) ? kGrid * 5 : kGrid;
    switch (event->key()) {
    case Qt::Key_Left: emit nudgeRequested({-step, 0}); return;
    case Qt::Key_Right: emit nudgeRequested({step, 0}); return;
    case Qt::Key_Up: emit nudgeRequested({0, -step}); return;
    case Qt::Key_Down: emit nudgeRequested({0, step}); return;
    case Qt::Key_Space:
        if (!event->isAutoRepeat())
            emit addNodeRequested(cursorScenePos());
        return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace: emit deleteRequested(); return;
    default: break;
    }
    QGraphicsView::keyPressEvent(event);
}

void PipelineView::mousePressEvent(QMouseEvent* event)
{
    const bool pan = event->button() == Qt::MiddleButton
                     || (event->button() == Qt::LeftButton && (event->modifiers() & Qt::AltModifier));
    if (pan) {
        m_panning = true;
        m_panFrom = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void PipelineView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panFrom;
        m_panFrom = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void PipelineView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void PipelineView::mouseDoubleClickEvent(QMouseEvent* event)
{
    QGraphicsItem* item = itemAt(event->position().toPoint());
    if (!item && event->button() == Qt::LeftButton) {
        emit addNodeRequested(mapToScene(event->position().toPoint()));
        return;
    }
    if (item && item->type() == NodeItem::kType) { // open or fold the node's output
        auto* node = static_cast<NodeItem*>(item);
        node->setExpanded(!node->isExpanded());
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void PipelineView::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasFormat(kNodeKindMimeType))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void PipelineView::dragMoveEvent(QDragMoveEvent* event)
{
    if (event->mimeData()->hasFormat(kNodeKindMimeType))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void PipelineView::dropEvent(QDropEvent* event)
{
    const std::optional<NodeKind> kind =
        nodeKindFromName(QString::fromUtf8(event->mimeData()->data(kNodeKindMimeType)));
    if (!kind) {
        QGraphicsView::dropEvent(event);
        return;
    }
    emit dropNodeRequested(*kind, mapToScene(event->position().toPoint()));
    event->acceptProposedAction();
}

void PipelineView::drawForeground(QPainter* painter, const QRectF&)
{
    if (!scene() || !scene()->items().isEmpty())
        return;
    painter->save();
    painter->resetTransform();
    painter->setPen(palette().color(QPalette::PlaceholderText));
    QFont font = painter->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    painter->setFont(font);
    painter->drawText(viewport()->rect().adjusted(40, 40, -40, -40), Qt::AlignCenter | Qt::TextWordWrap,
                      tr("Drag a node from the palette, or press Space here to add one.\n"
                         "Connect an output port (right) to an input port (left).\n"
                         "File ▸ Open example pipeline has ready-made chains."));
    painter->restore();
}

void PipelineView::drawBackground(QPainter* painter, const QRectF& rect)
{
    painter->fillRect(rect, palette().color(QPalette::Window));
    if (zoom() < 0.6)
        return; // dots closer than 12 px are noise, and thousands of them cost frames
    QColor dot = palette().color(QPalette::WindowText);
    dot.setAlphaF(0.22f);
    QPen pen(dot, 2);
    pen.setCosmetic(true);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(pen);
    const double left = std::floor(rect.left() / kGrid) * kGrid;
    const double top = std::floor(rect.top() / kGrid) * kGrid;
    QList<QPointF> points;
    for (double x = left; x < rect.right(); x += kGrid)
        for (double y = top; y < rect.bottom(); y += kGrid)
            points.append(QPointF(x, y));
    painter->drawPoints(points.constData(), int(points.size()));
    painter->restore();
}

} // namespace juxta
