// SPDX-License-Identifier: GPL-3.0-or-later
// Where nodes go when a graph is arranged for people: longest-path layers from left to right (each node one layer
// right of the furthest node that feeds it), and within a layer the top-to-bottom order the nodes had. Used by the
// editor's auto-arrange and the report's graph.
#pragma once

#include "pipeline/Pipeline.h"

#include <QHash>
#include <QSizeF>

namespace juxta {

// Nodes on a cycle (and after one) stay in the first layer.
QHash<QString, int> longestPathLayers(const Pipeline& pipeline);

// Top-left corners: layers `cell.width()` apart, rows `cell.height()` apart, each layer centred on the tallest.
QHash<QString, QPointF> arrangedPositions(const Pipeline& pipeline, QSizeF cell);

} // namespace juxta
