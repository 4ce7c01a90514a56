// SPDX-License-Identifier: GPL-3.0-or-later
// The canvas's scene: one item per node and edge of the pipeline document, following its signals (it never edits
// the document). Gestures that would change the pipeline — nodes dragged to a new place, a connection drawn from an
// output port to an input port — come out as signals for the editor to make undoable. A connection dragged over a
// port it cannot take shows it refused (and why) before the button is let go.
#pragma once

#include "pipeline/NodeItem.h"
#include "pipeline/PipelineValidator.h"

#include <QGraphicsScene>
#include <QHash>

namespace juxta {

class EdgeItem;
class PipelineDocument;

class PipelineScene final : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit PipelineScene(PipelineDocument& document, QObject* parent = nullptr);

    NodeItem* nodeItem(const QString& name) const { return m_nodes.value(name); }
    EdgeItem* edgeItem(const Edge& edge) const;
    QList<NodeItem*> nodeItems() const { return m_nodes.values(); }
    QStringList selectedNodes() const; // sorted
    QList<Edge> selectedEdges() const;
    void selectOnly(const QStringList& nodes, const QList<Edge>& edges = {});
    void setProblems(const QList<PipelineProblem>& problems);

    void setRun(const NodeRun& run);
    void setLiveText(const QString& node, const QString& tail);
    void clearRun();

    void nodeItemMoved(NodeItem* item); // called by the item: its edges follow
    // Over this many nodes the items trade polish for speed sooner as the view zooms out (see NodeItem::paint).
    static constexpr int kLargeGraph = 150;
    bool isLarge() const { return m_nodes.size() > kLargeGraph; }
    QRectF itemsRect() const;           // every node, with a margin

signals:
    void nodesDragged(const QHash<QString, QPointF>& to);
    void connectRequested(const juxta::Edge& edge);
    void connectRefused(const QString& why);
    void nodeMenuRequested(const QString& node, QPoint screenPos);
    void canvasMenuRequested(QPointF scenePos, QPoint screenPos);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;

private:
    void rebuild();
    void addNode(const QString& name);
    void removeNode(const QString& name);
    void addEdge(const Edge& edge);
    void removeEdge(const Edge& edge);
    void placeEdge(EdgeItem* item) const;
    void renameNode(const QString& from, const QString& to);
    NodeItem* nodeAt(QPointF scenePos) const;
    // The edge a connection dragged from m_dragFrom would make if dropped at `scenePos`, if over a node.
    std::optional<Edge> candidateAt(QPointF scenePos, NodeItem** target) const;
    void finishDrag();

    PipelineDocument& m_document;
    QHash<QString, NodeItem*> m_nodes;
    QHash<QString, EdgeItem*> m_edges;              // by edgeKey()
    QHash<QString, QList<EdgeItem*>> m_edgesOfNode; // both ends
    QHash<QString, QPointF> m_pressPositions;       // selected nodes when a drag began
    std::optional<NodePort> m_dragFrom;
    QGraphicsPathItem* m_dragLine = nullptr;
    NodeItem* m_dragTarget = nullptr;
};

QString edgeKey(const Edge& edge);

} // namespace juxta
