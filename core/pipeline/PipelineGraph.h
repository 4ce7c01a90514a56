// SPDX-License-Identifier: GPL-3.0-or-later
// The shape of a pipeline's graph: the order its nodes can run in (and which sit on a cycle), what lies
// downstream of a node, and what each node's output is — a text or a list — as far as it can be told before
// running.
#pragma once

#include "pipeline/Pipeline.h"

#include <QSet>

namespace juxta {

struct GraphOrder
{
    QStringList order;    // every node after all it depends on (nodes on a cycle left out)
    QStringList inCycles; // nodes on a cycle, or downstream of one
};
GraphOrder graphOrder(const Pipeline& pipeline);

// `node` and everything that depends on it, directly or not.
QSet<QString> downstreamOf(const Pipeline& pipeline, const QString& node);

// A node's ports: inputs "" (the main one) and, into a Model, "items"; outputs "" or, from a Condition, "then" and
// "else". An Input has no input port and an Output no output port.
QStringList inputPortsOf(const Node& node);
QStringList outputPortsOf(const Node& node);

// Why `edge` cannot be drawn in `pipeline` as it is (a loop, a port that does not take it, one already there),
// or empty when it can: what the editor refuses while a connection is dragged.
QString connectionProblem(const Pipeline& pipeline, const Edge& edge);

enum class ValueShape { Text, List, Either }; // Either: decided when it runs (a script's result)
// The shape of each node's output, in `order` (from graphOrder()).
QHash<QString, ValueShape> outputShapes(const Pipeline& pipeline, const QStringList& order);

} // namespace juxta
