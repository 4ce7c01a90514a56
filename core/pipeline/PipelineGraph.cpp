// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineGraph.h"

#include <QHash>

namespace juxta {

GraphOrder graphOrder(const Pipeline& pipeline)
{
    // Kahn's algorithm, taking nodes in file order when several are ready, so the order is stable.
    QHash<QString, int> waitingOn;
    QHash<QString, QStringList> next;
    for (const Node& n : pipeline.nodes)
        waitingOn.insert(n.name, 0);
    for (const Edge& e : pipeline.edges) {
        if (!waitingOn.contains(e.from) || !waitingOn.contains(e.to))
            continue;
        ++waitingOn[e.to];
        next[e.from].append(e.to);
    }
    GraphOrder out;
    QStringList ready;
    for (const Node& n : pipeline.nodes) {
        if (waitingOn.value(n.name) == 0)
            ready.append(n.name);
    }
    for (qsizetype i = 0; i < ready.size(); ++i) {
        const QString name = ready.at(i);
        out.order.append(name);
        for (const QString& to : next.value(name)) {
            if (--waitingOn[to] == 0)
                ready.append(to);
        }
    }
    for (const Node& n : pipeline.nodes) {
        if (waitingOn.value(n.name) > 0)
            out.inCycles.append(n.name);
    }
    return out;
}

QSet<QString> downstreamOf(const Pipeline& pipeline, const QString& node)
{
    QSet<QString> seen{node};
    QStringList todo{node};
    while (!todo.isEmpty()) {
        const QString name = todo.takeLast();
        for (const Edge& e : pipeline.edges) {
            if (e.from == name && !seen.contains(e.to)) {
                seen.insert(e.to);
                todo.append(e.to);
            }
        }
    }
    return seen;
}

QHash<QString, ValueShape> outputShapes(const Pipeline& pipeline, const QStringList& order)
{
    QHash<QString, ValueShape> shapes;
    for (const QString& name : order) {
        const Node* n = pipeline.node(name);
        if (!n)
            continue;
        const QList<Edge> in = pipeline.edgesInto(name);
        const auto firstInput = [&]() {
            for (const Edge& e : in) {
                if (e.port.isEmpty())
                    return shapes.value(e.from, ValueShape::Either);
            }
            return ValueShape::Either;
        };
        ValueShape shape = ValueShape::Text;
        switch (n->kind) {
        case NodeKind::Input:
        case NodeKind::Template: shape = ValueShape::Text; break;
        case NodeKind::Model: {
            const bool maps = std::any_of(in.cbegin(), in.cend(), [](const Edge& e) { return e.port == kItemsPort; });
            shape = maps ? ValueShape::List : ValueShape::Text;
            break;
        }
        case NodeKind::Transform:
            switch (n->op) {
            case TransformOp::Split: shape = ValueShape::List; break;
            case TransformOp::Regex: shape = n->mode == RegexMode::All ? ValueShape::List : ValueShape::Text; break;
            case TransformOp::Script: shape = ValueShape::Either; break;
            case TransformOp::Join:
            case TransformOp::JsonPointer:
            case TransformOp::JsonValidate: shape = ValueShape::Text; break;
            }
            break;
        case NodeKind::Condition:
        case NodeKind::Output: shape = firstInput(); break;
        case NodeKind::Merge: {
            // The same shape from every input, or decided when it runs.
            std::optional<ValueShape> common;
            for (const Edge& e : in) {
                const ValueShape s = shapes.value(e.from, ValueShape::Either);
                common = !common || *common == s ? s : ValueShape::Either;
            }
            shape = common.value_or(ValueShape::Either);
            break;
        }
        }
        shapes.insert(name, shape);
    }
    return shapes;
}

QStringList inputPortsOf(const Node& n)
{
    switch (n.kind) {
    case NodeKind::Input: return {};
    case NodeKind::Model: return {QString(), kItemsPort};
    default: return {QString()};
    }
}

QStringList outputPortsOf(const Node& n)
{
    switch (n.kind) {
    case NodeKind::Output: return {};
    case NodeKind::Condition: return {kThen, kElse};
    default: return {QString()};
    }
}

QString connectionProblem(const Pipeline& p, const Edge& edge)
{
    const Node* from = p.node(edge.from);
    const Node* to = p.node(edge.to);
    if (!from || !to)
        return QStringLiteral("an edge needs two nodes that exist");
    if (from == to)
        return QStringLiteral("a node cannot feed itself");
    if (to->kind == NodeKind::Input)
        return QStringLiteral("an input takes nothing in");
    if (from->kind == NodeKind::Output)
        return QStringLiteral("an output passes nothing on");
    if ((from->kind == NodeKind::Condition) != !edge.branch.isEmpty())
        return from->kind == NodeKind::Condition ? QStringLiteral("a condition's edge leaves from then or else")
                                                 : QStringLiteral("only a condition has branches");
    if (!edge.port.isEmpty() && (edge.port != kItemsPort || to->kind != NodeKind::Model))
        return QStringLiteral("only a model maps over items");
    if (p.edges.contains(edge))
        return QStringLiteral("that edge is already there");
    if (downstreamOf(p, edge.to).contains(edge.from))
        return QStringLiteral("that would make a loop");
    const GraphOrder order = graphOrder(p);
    const ValueShape shape = outputShapes(p, order.order).value(edge.from, ValueShape::Either);
    if (edge.port == kItemsPort) {
        for (const Edge& e : p.edgesInto(edge.to)) {
            if (e.port == kItemsPort)
                return QStringLiteral("it already maps over %1").arg(e.from);
        }
        if (shape == ValueShape::Text)
            return QStringLiteral("%1 gives text, not a list (split it first)").arg(edge.from);
    }
    const bool takesText = to->kind == NodeKind::Condition
                           || (to->kind == NodeKind::Transform && to->op != TransformOp::Join
                               && to->op != TransformOp::Script);
    if (edge.port.isEmpty() && takesText && shape == ValueShape::List)
        return QStringLiteral("%1 gives a list, and this takes text: join it first").arg(edge.from);
    return {};
}

} // namespace juxta
