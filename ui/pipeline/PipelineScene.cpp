// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineScene.h"

#include "common/Tones.h"
#include "pipeline/EdgeItem.h"
#include "pipeline/PipelineDocument.h"
#include "pipeline/PipelineGraph.h"

#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QPainterPath>
#include <QPen>

using namespace Qt::StringLiterals;

namespace juxta {

QString edgeKey(const Edge& e)
{
    return e.from + u'\n' + e.to + u'\n' + e.branch + u'\n' + e.port;
}

PipelineScene::PipelineScene(PipelineDocument& document, QObject* parent)
    : QGraphicsScene(parent)
    , m_document(document)
{
    connect(&document, &PipelineDocument::wasReset, this, &PipelineScene::rebuild);
    connect(&document, &PipelineDocument::nodeAdded, this, &PipelineScene::addNode);
    connect(&document, &PipelineDocument::nodeRemoved, this, &PipelineScene::removeNode);
    connect(&document, &PipelineDocument::nodeChanged, this, [this](const QString& name) {
        if (NodeItem* item = m_nodes.value(name); item && m_document.pipeline().node(name))
            item->setNode(*m_document.pipeline().node(name));
    });
    connect(&document, &PipelineDocument::nodeRenamed, this, &PipelineScene::renameNode);
    connect(&document, &PipelineDocument::nodeMoved, this, [this](const QString& name, QPointF at) {
        if (NodeItem* item = m_nodes.value(name))
            item->setPos(at);
    });
    connect(&document, &PipelineDocument::edgeAdded, this, &PipelineScene::addEdge);
    connect(&document, &PipelineDocument::edgeRemoved, this, &PipelineScene::removeEdge);
    rebuild();
}

void PipelineScene::rebuild()
{
    m_dragLine = nullptr;
    m_dragFrom.reset();
    m_dragTarget = nullptr;
    clear();
    m_nodes.clear();
    m_edges.clear();
    m_edgesOfNode.clear();
    const Pipeline& p = m_document.pipeline();
    for (const Node& n : p.nodes)
        addNode(n.name);
    for (const Edge& e : p.edges)
        addEdge(e);
}

void PipelineScene::addNode(const QString& name)
{
    const Node* node = m_document.pipeline().node(name);
    if (!node || m_nodes.contains(name))
        return;
    auto* item = new NodeItem(*node);
    m_nodes.insert(name, item);
    item->setPos(m_document.pipeline().positions.value(name));
    addItem(item);
}

void PipelineScene::removeNode(const QString& name)
{
    for (EdgeItem* edge : m_edgesOfNode.value(name)) // the document said so already; this is for safety
        removeEdge(edge->edge());
    m_edgesOfNode.remove(name);
    if (NodeItem* item = m_nodes.take(name)) {
        if (item == m_dragTarget)
            m_dragTarget = nullptr;
        delete item;
    }
}

EdgeItem* PipelineScene::edgeItem(const Edge& edge) const
{
    return m_edges.value(edgeKey(edge));
}

void PipelineScene::addEdge(const Edge& edge)
{
    const QString key = edgeKey(edge);
    if (m_edges.contains(key) || !m_nodes.contains(edge.from) || !m_nodes.contains(edge.to))
        return;
    auto* item = new EdgeItem(edge);
    m_edges.insert(key, item);
    m_edgesOfNode[edge.from].append(item);
    m_edgesOfNode[edge.to].append(item);
    placeEdge(item);
    addItem(item);
}

void PipelineScene::removeEdge(const Edge& edge)
{
    EdgeItem* item = m_edges.take(edgeKey(edge));
    if (!item)
        return;
    m_edgesOfNode[edge.from].removeOne(item);
    m_edgesOfNode[edge.to].removeOne(item);
    delete item;
}

void PipelineScene::placeEdge(EdgeItem* item) const
{
    const Edge& e = item->edge();
    const NodeItem* from = m_nodes.value(e.from);
    const NodeItem* to = m_nodes.value(e.to);
    if (from && to)
        item->setEnds(from->mapToScene(from->portPosition(true, e.branch)), to->mapToScene(to->portPosition(false, e.port)));
}

void PipelineScene::renameNode(const QString& from, const QString& to)
{
    NodeItem* item = m_nodes.take(from);
    if (!item)
        return;
    const QList<EdgeItem*> edges = m_edgesOfNode.take(from);
    for (EdgeItem* e : edges)
        removeEdge(e->edge());
    m_nodes.insert(to, item);
    if (const Node* node = m_document.pipeline().node(to))
        item->setNode(*node);
    for (const Edge& e : m_document.pipeline().edges) {
        if (e.from == to || e.to == to)
            addEdge(e);
    }
}

void PipelineScene::nodeItemMoved(NodeItem* item)
{
    for (EdgeItem* edge : m_edgesOfNode.value(item->name()))
        placeEdge(edge);
}

QStringList PipelineScene::selectedNodes() const
{
    QStringList names;
    for (QGraphicsItem* item : selectedItems()) {
        if (item->type() == NodeItem::kType)
            names.append(static_cast<NodeItem*>(item)->name());
    }
    names.sort();
    return names;
}

QList<Edge> PipelineScene::selectedEdges() const
{
    QList<Edge> edges;
    for (QGraphicsItem* item : selectedItems()) {
        if (item->type() == EdgeItem::kType)
            edges.append(static_cast<EdgeItem*>(item)->edge());
    }
    return edges;
}

void PipelineScene::selectOnly(const QStringList& nodes, const QList<Edge>& edges)
{
    clearSelection();
    for (const QString& n : nodes) {
        if (NodeItem* item = m_nodes.value(n))
            item->setSelected(true);
    }
    for (const Edge& e : edges) {
        if (EdgeItem* item = edgeItem(e))
            item->setSelected(true);
    }
}

void PipelineScene::setProblems(const QList<PipelineProblem>& problems)
{
    QHash<QString, QStringList> byNode;
    for (const PipelineProblem& p : problems)
        byNode[p.node].append(p.message);
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it)
        it.value()->setProblems(byNode.value(it.key()));
}

void PipelineScene::setRun(const NodeRun& run)
{
    if (NodeItem* item = m_nodes.value(run.node))
        item->setRun(run);
}

void PipelineScene::setLiveText(const QString& node, const QString& tail)
{
    if (NodeItem* item = m_nodes.value(node))
        item->setLiveText(tail);
}

void PipelineScene::clearRun()
{
    for (NodeItem* item : std::as_const(m_nodes))
        item->setRun(std::nullopt);
}

QRectF PipelineScene::itemsRect() const
{
    QRectF rect;
    for (const NodeItem* item : m_nodes)
        rect |= item->sceneBoundingRect();
    return rect.isNull() ? QRectF(0, 0, 800, 500) : rect.adjusted(-60, -60, 60, 60);
}

NodeItem* PipelineScene::nodeAt(QPointF scenePos) const
{
    for (QGraphicsItem* item : items(scenePos)) {
        if (item->type() == NodeItem::kType)
            return static_cast<NodeItem*>(item);
    }
    return nullptr;
}

std::optional<Edge> PipelineScene::candidateAt(QPointF scenePos, NodeItem** target) const
{
    // Anywhere over a node counts: its nearest input port takes the connection.
    NodeItem* node = nodeAt(scenePos);
    if (!node) {
        const QRectF reach(scenePos - QPointF(16, 16), QSizeF(32, 32));
        for (QGraphicsItem* item : items(reach)) {
            if (item->type() == NodeItem::kType) {
                node = static_cast<NodeItem*>(item);
                break;
            }
        }
    }
    *target = node;
    if (!node || node->inputPorts().isEmpty())
        return node ? std::optional(Edge{m_dragFrom->node, node->name(), m_dragFrom->name, {}}) : std::nullopt;
    const QPointF local = node->mapFromScene(scenePos);
    QString port;
    double best = 1e18;
    for (const QString& p : node->inputPorts()) {
        const double d = std::abs(local.y() - node->portPosition(false, p).y());
        if (d < best) {
            best = d;
            port = p;
        }
    }
    return Edge{m_dragFrom->node, node->name(), m_dragFrom->name, port};
}

void PipelineScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        if (NodeItem* node = nodeAt(event->scenePos())) {
            const std::optional<NodePort> port = node->portAt(node->mapFromScene(event->scenePos()));
            if (port && port->output) { // a connection starts here instead of a move
                m_dragFrom = port;
                m_dragLine = new QGraphicsPathItem;
                QPen pen(toneColour(Tone::Active, palette(), ToneUse::Mark), 2, Qt::DashLine);
                m_dragLine->setPen(pen);
                m_dragLine->setZValue(10);
                addItem(m_dragLine);
                event->accept();
                return;
            }
        }
    }
    QGraphicsScene::mousePressEvent(event);
    m_pressPositions.clear();
    for (const QString& name : selectedNodes())
        m_pressPositions.insert(name, m_nodes.value(name)->pos());
}

void PipelineScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (!m_dragFrom) {
        QGraphicsScene::mouseMoveEvent(event);
        return;
    }
    NodeItem* from = m_nodes.value(m_dragFrom->node);
    if (!from) {
        finishDrag();
        return;
    }
    NodeItem* target = nullptr;
    const std::optional<Edge> edge = candidateAt(event->scenePos(), &target);
    if (m_dragTarget && m_dragTarget != target)
        m_dragTarget->clearPortHighlight();
    m_dragTarget = target;
    QPointF end = event->scenePos();
    if (target && edge && !target->inputPorts().isEmpty()) {
        const bool ok = connectionProblem(m_document.pipeline(), *edge).isEmpty();
        target->setPortHighlight(edge->port, ok);
        if (ok)
            end = target->mapToScene(target->portPosition(false, edge->port));
    }
    m_dragLine->setPath(edgeCurve(from->mapToScene(from->portPosition(true, m_dragFrom->name)), end));
}

void PipelineScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_dragFrom) {
        NodeItem* target = nullptr;
        const std::optional<Edge> edge = candidateAt(event->scenePos(), &target);
        finishDrag();
        if (edge && target) {
            const QString why = connectionProblem(m_document.pipeline(), *edge);
            if (why.isEmpty())
                emit connectRequested(*edge);
            else
                emit connectRefused(why);
        }
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    QHash<QString, QPointF> moved;
    for (auto it = m_pressPositions.begin(); it != m_pressPositions.end(); ++it) {
        NodeItem* item = m_nodes.value(it.key());
        if (item && item->pos() != it.value())
            moved.insert(it.key(), item->pos());
    }
    m_pressPositions.clear();
    if (moved.isEmpty())
        return;
    emit nodesDragged(moved);
    for (auto it = moved.begin(); it != moved.end(); ++it) { // where the document put them (snapped, or back)
        if (NodeItem* item = m_nodes.value(it.key()))
            item->setPos(m_document.pipeline().positions.value(it.key()));
    }
}

void PipelineScene::finishDrag()
{
    if (m_dragTarget)
        m_dragTarget->clearPortHighlight();
    m_dragTarget = nullptr;
    delete m_dragLine;
    m_dragLine = nullptr;
    m_dragFrom.reset();
}

void PipelineScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* event)
{
    if (NodeItem* node = nodeAt(event->scenePos())) {
        if (!node->isSelected())
            selectOnly({node->name()});
        emit nodeMenuRequested(node->name(), event->screenPos());
    } else {
        emit canvasMenuRequested(event->scenePos(), event->screenPos());
    }
    event->accept();
}

} // namespace juxta
