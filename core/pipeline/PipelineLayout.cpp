// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineLayout.h"

#include "pipeline/PipelineGraph.h"

#include <algorithm>

namespace juxta {

QHash<QString, int> longestPathLayers(const Pipeline& pipeline)
{
    QHash<QString, QList<const Edge*>> out;
    for (const Edge& e : pipeline.edges)
        out[e.from].append(&e);
    QHash<QString, int> layer;
    for (const Node& n : pipeline.nodes)
        layer.insert(n.name, 0);
    for (const QString& from : graphOrder(pipeline).order) { // each node after everything feeding it
        for (const Edge* e : out.value(from)) {
            if (layer.contains(e->to))
                layer[e->to] = std::max(layer.value(e->to), layer.value(from) + 1);
        }
    }
    return layer;
}

QHash<QString, QPointF> arrangedPositions(const Pipeline& pipeline, QSizeF cell)
{
    QStringList names;
    for (const Node& n : pipeline.nodes)
        names.append(n.name);
    // The vertical order people gave the nodes, then their names: stable whatever order the list is in.
    std::sort(names.begin(), names.end(), [&pipeline](const QString& a, const QString& b) {
        const double ya = pipeline.positions.value(a).y(), yb = pipeline.positions.value(b).y();
        return ya != yb ? ya < yb : a < b;
    });
    const QHash<QString, int> layer = longestPathLayers(pipeline);

    QHash<int, int> rows;
    QHash<QString, QPointF> at;
    for (const QString& n : std::as_const(names)) {
        const int l = layer.value(n);
        at.insert(n, QPointF(l * cell.width(), rows[l]++ * cell.height()));
    }
    int tallest = 0;
    for (int count : std::as_const(rows))
        tallest = std::max(tallest, count);
    for (auto it = at.begin(); it != at.end(); ++it)
        it->ry() += (tallest - rows.value(layer.value(it.key()))) * cell.height() / 2;
    return at;
}

} // namespace juxta
