// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineFragment.h"

#include "pipeline/PipelineDocument.h"
#include "pipeline/PipelineFile.h"

#include <QCoreApplication>

namespace juxta {

QByteArray copyFragment(const Pipeline& pipeline, const QStringList& nodes)
{
    Pipeline part;
    for (const QString& name : nodes) {
        if (const Node* n = pipeline.node(name)) {
            part.nodes.append(*n);
            part.positions.insert(name, pipeline.positions.value(name));
        }
    }
    for (const Edge& e : pipeline.edges) {
        if (part.node(e.from) && part.node(e.to))
            part.edges.append(e);
    }
    return writePipeline(part);
}

std::optional<Pipeline> readFragment(const QByteArray& bytes, QString& error)
{
    std::optional<Pipeline> part = readPipeline(bytes, error);
    if (part && part->nodes.isEmpty()) {
        error = QCoreApplication::translate("juxta::PipelineFragment", "it holds no nodes");
        return std::nullopt;
    }
    return part;
}

Pipeline fitFragment(const Pipeline& fragment, const Pipeline& into, QPointF offset)
{
    PipelineDocument scratch;
    Pipeline part = fragment;
    part.variables.clear(); // a fragment brings nodes; the pipeline it lands in keeps its own variables
    scratch.reset(part);
    QStringList names;
    for (const Node& n : fragment.nodes)
        names.append(n.name);
    for (const QString& name : std::as_const(names)) {
        if (!into.node(name) && !into.variable(name))
            continue;
        Pipeline both = into; // a name free in both the pipeline and the rest of the fragment
        both.nodes += scratch.pipeline().nodes;
        scratch.renameNode(name, uniqueName(both, name));
    }
    Pipeline fitted = scratch.pipeline();
    for (auto it = fitted.positions.begin(); it != fitted.positions.end(); ++it)
        *it += offset;
    return fitted;
}

} // namespace juxta
