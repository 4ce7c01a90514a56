// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineDocument.h"

#include "pipeline/TemplateText.h"

using namespace Qt::StringLiterals;

namespace juxta {

PipelineDocument::PipelineDocument(QObject* parent)
    : QObject(parent)
{
}

void PipelineDocument::reset(const Pipeline& pipeline)
{
    m_pipeline = pipeline;
    emit wasReset();
    emit changed();
}

QString PipelineDocument::addNode(Node node, QPointF at)
{
    if (!isValidName(node.name) || !nameIsFree(node.name, nullptr))
        node.name = uniqueName(m_pipeline, node.name.isEmpty() ? nodeKindName(node.kind) : node.name);
    m_pipeline.nodes.append(node);
    m_pipeline.positions.insert(node.name, at);
    emit nodeAdded(node.name);
    emit changed();
    return node.name;
}

bool PipelineDocument::removeNode(const QString& name)
{
    if (!m_pipeline.node(name))
        return false;
    emit nodeAboutToBeRemoved(name);
    for (const Edge& edge : m_pipeline.edges) {
        if (edge.from == name || edge.to == name)
            emit edgeRemoved(edge);
    }
    m_pipeline.edges.removeIf([&name](const Edge& e) { return e.from == name || e.to == name; });
    m_pipeline.nodes.removeIf([&name](const Node& n) { return n.name == name; });
    m_pipeline.positions.remove(name);
    emit nodeRemoved(name);
    emit changed();
    return true;
}

bool PipelineDocument::updateNode(const QString& name, const Node& node)
{
    Node* existing = m_pipeline.node(name);
    if (!existing)
        return false;
    Node updated = node;
    updated.name = name;
    if (*existing == updated)
        return true;
    *existing = updated;
    emit nodeChanged(name);
    emit changed();
    return true;
}

bool PipelineDocument::nameIsFree(const QString& name, QString* error) const
{
    if (!isValidName(name)) {
        if (error)
            *error = tr("“%1” is not a valid name: a lowercase letter, then letters, digits or _").arg(name);
        return false;
    }
    if (m_pipeline.node(name) || m_pipeline.variable(name) || name == kItemName) {
        if (error)
            *error = tr("“%1” is already used").arg(name);
        return false;
    }
    return true;
}

void PipelineDocument::renameReferences(const QString& from, const QString& to)
{
    for (Node& n : m_pipeline.nodes) {
        const Node before = n;
        n.prompt = renameReference(n.prompt, from, to);
        n.system = renameReference(n.system, from, to);
        if (n.kind == NodeKind::Template || (n.kind == NodeKind::Input && n.source == InputSource::Text))
            n.text = renameReference(n.text, from, to);
        if (n.continues == from)
            n.continues = to;
        if (n.kind == NodeKind::Input && n.variable == from)
            n.variable = to;
        if (!(n == before) && n.name != to)
            emit nodeChanged(n.name);
    }
}

bool PipelineDocument::renameNode(const QString& from, const QString& to, QString* error)
{
    Node* node = m_pipeline.node(from);
    if (!node) {
        if (error)
            *error = tr("there is no node “%1”").arg(from);
        return false;
    }
    if (from == to)
        return true;
    if (!nameIsFree(to, error))
        return false;
    node->name = to;
    for (Edge& e : m_pipeline.edges) {
        if (e.from == from)
            e.from = to;
        if (e.to == from)
            e.to = to;
    }
    if (m_pipeline.positions.contains(from))
        m_pipeline.positions.insert(to, m_pipeline.positions.take(from));
    renameReferences(from, to);
    emit nodeRenamed(from, to);
    emit changed();
    return true;
}

bool PipelineDocument::moveNode(const QString& name, QPointF at)
{
    if (!m_pipeline.node(name))
        return false;
    m_pipeline.positions.insert(name, at);
    emit nodeMoved(name, at);
    emit changed();
    return true;
}

bool PipelineDocument::addEdge(const Edge& edge, QString* error)
{
    const auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!m_pipeline.node(edge.from) || !m_pipeline.node(edge.to))
        return fail(tr("an edge needs two nodes that exist"));
    if (edge.from == edge.to)
        return fail(tr("a node cannot feed itself"));
    if (m_pipeline.edges.contains(edge))
        return fail(tr("that edge is already there"));
    m_pipeline.edges.append(edge);
    emit edgeAdded(edge);
    emit changed();
    return true;
}

bool PipelineDocument::removeEdge(const Edge& edge)
{
    if (!m_pipeline.edges.removeOne(edge))
        return false;
    emit edgeRemoved(edge);
    emit changed();
    return true;
}

void PipelineDocument::setVariables(const QList<Variable>& variables)
{
    if (m_pipeline.variables == variables)
        return;
    m_pipeline.variables = variables;
    emit variablesChanged();
    emit changed();
}

bool PipelineDocument::renameVariable(const QString& from, const QString& to, QString* error)
{
    auto it = std::find_if(m_pipeline.variables.begin(), m_pipeline.variables.end(),
                           [&from](const Variable& v) { return v.name == from; });
    if (it == m_pipeline.variables.end()) {
        if (error)
            *error = tr("there is no variable “%1”").arg(from);
        return false;
    }
    if (from == to)
        return true;
    if (!nameIsFree(to, error))
        return false;
    it->name = to;
    renameReferences(from, to);
    emit variablesChanged();
    emit changed();
    return true;
}

void PipelineDocument::transitionTo(const Pipeline& target)
{
    if (m_pipeline == target)
        return;
    const Pipeline old = m_pipeline;
    for (const Edge& e : old.edges) {
        if (!target.edges.contains(e))
            emit edgeRemoved(e);
    }
    QStringList removed;
    for (const Node& n : old.nodes) {
        if (!target.node(n.name)) {
            removed.append(n.name);
            emit nodeAboutToBeRemoved(n.name);
        }
    }
    m_pipeline = target;
    for (const QString& name : std::as_const(removed))
        emit nodeRemoved(name);
    for (const Node& n : target.nodes) {
        const Node* before = old.node(n.name);
        if (!before) {
            emit nodeAdded(n.name);
            continue;
        }
        if (!(*before == n))
            emit nodeChanged(n.name);
        const QPointF at = target.positions.value(n.name);
        if (old.positions.value(n.name) != at)
            emit nodeMoved(n.name, at);
    }
    for (const Edge& e : target.edges) {
        if (!old.edges.contains(e))
            emit edgeAdded(e);
    }
    if (old.variables != target.variables)
        emit variablesChanged();
    emit changed();
}

void PipelineDocument::setDescription(const QString& name, const QString& description)
{
    if (m_pipeline.name == name && m_pipeline.description == description)
        return;
    m_pipeline.name = name;
    m_pipeline.description = description;
    emit changed();
}

} // namespace juxta
