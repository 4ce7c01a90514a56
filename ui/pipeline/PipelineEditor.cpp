// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineEditor.h"

#include "pipeline/PipelineEdit.h"
#include "pipeline/PipelineFragment.h"
#include "pipeline/PipelineGraph.h"
#include "pipeline/PipelineLayout.h"

#include <QUndoStack>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

Node newNode(NodeKind kind, const QString& model)
{
    Node n;
    n.kind = kind;
    switch (kind) {
    case NodeKind::Input: n.name = u"input"_s; break;
    case NodeKind::Model:
        n.name = u"model"_s;
        n.model = model;
        break;
    case NodeKind::Template: n.name = u"template"_s; break;
    case NodeKind::Transform: n.name = u"transform"_s; break;
    case NodeKind::Condition: n.name = u"condition"_s; break;
    case NodeKind::Merge: n.name = u"merge"_s; break;
    case NodeKind::Output: n.name = u"output"_s; break;
    }
    return n;
}

} // namespace

PipelineEditor::PipelineEditor(QObject* parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

bool PipelineEditor::edit(const QString& text, std::function<bool(PipelineDocument&)> change, int merge,
                          const QString& mergeKey)
{
    const Pipeline before = m_document.pipeline();
    m_undo->push(new PipelineEdit(m_document, text, std::move(change), PipelineEdit::Merge(merge), mergeKey));
    return !(m_document.pipeline() == before);
}

QString PipelineEditor::addNode(NodeKind kind, QPointF at, const QString& model)
{
    QString added;
    const QPointF place = m_snap ? snapped(at) : at;
    Node node = newNode(kind, model);
    if (kind == NodeKind::Input) { // passes on the first variable no other input passes on yet
        for (const Variable& v : pipeline().variables) {
            const bool taken = std::any_of(pipeline().nodes.begin(), pipeline().nodes.end(), [&v](const Node& n) {
                return n.kind == NodeKind::Input && n.source == InputSource::Variable
                       && (n.variable.isEmpty() ? n.name : n.variable) == v.name;
            });
            if (!taken) {
                node.variable = v.name;
                break;
            }
        }
    }
    edit(tr("Add %1 node").arg(nodeKindName(kind)), [&](PipelineDocument& d) {
        added = d.addNode(node, place);
        return true;
    });
    return added;
}

bool PipelineEditor::removeNodes(const QStringList& names)
{
    if (names.isEmpty())
        return false;
    return edit(names.size() == 1 ? tr("Delete %1").arg(names.constFirst()) : tr("Delete %n nodes", nullptr, int(names.size())),
                [names](PipelineDocument& d) {
                    bool any = false;
                    for (const QString& n : names)
                        any = d.removeNode(n) || any;
                    return any;
                });
}

bool PipelineEditor::removeEdge(const Edge& edge)
{
    return edit(tr("Disconnect %1 → %2").arg(edge.from, edge.to),
                [edge](PipelineDocument& d) { return d.removeEdge(edge); });
}

bool PipelineEditor::connectNodes(const Edge& edge, QString* why)
{
    const QString problem = connectionProblem(pipeline(), edge);
    if (!problem.isEmpty()) {
        if (why)
            *why = problem;
        return false;
    }
    return edit(tr("Connect %1 → %2").arg(edge.from, edge.to), [edge](PipelineDocument& d) { return d.addEdge(edge); });
}

bool PipelineEditor::moveNodes(const QHash<QString, QPointF>& to, bool nudge)
{
    if (to.isEmpty())
        return false;
    QStringList names = to.keys();
    names.sort();
    const QHash<QString, QPointF> places = to;
    return edit(names.size() == 1 ? tr("Move %1").arg(names.constFirst()) : tr("Move %n nodes", nullptr, int(names.size())),
                [places](PipelineDocument& d) {
                    bool any = false;
                    for (auto it = places.begin(); it != places.end(); ++it)
                        any = d.moveNode(it.key(), it.value()) || any;
                    return any;
                },
                nudge ? PipelineEdit::MergeNudge : PipelineEdit::NoMerge, names.join(u','));
}

bool PipelineEditor::renameNode(const QString& from, const QString& to, QString* error)
{
    if (from == to)
        return false;
    QString why;
    const bool done = edit(tr("Rename %1 to %2").arg(from, to),
                           [&](PipelineDocument& d) { return d.renameNode(from, to, &why); });
    if (!done && error)
        *error = why;
    return done && why.isEmpty();
}

bool PipelineEditor::updateNode(const QString& name, const Node& node, const QString& field)
{
    const Node* existing = pipeline().node(name);
    if (!existing)
        return false;
    Node updated = node;
    updated.name = name;
    if (*existing == updated)
        return false;
    return edit(tr("Change %1 of %2").arg(field, name),
                [name, updated](PipelineDocument& d) { return d.updateNode(name, updated); },
                PipelineEdit::MergeTyping, name + u'\n' + field);
}

bool PipelineEditor::setVariables(const QList<Variable>& variables)
{
    if (pipeline().variables == variables)
        return false;
    return edit(tr("Change variables"), [variables](PipelineDocument& d) {
        d.setVariables(variables);
        return true;
    }, PipelineEdit::MergeTyping, u"\nvariables"_s);
}

bool PipelineEditor::setDescription(const QString& name, const QString& description)
{
    return edit(tr("Describe the pipeline"), [name, description](PipelineDocument& d) {
        d.setDescription(name, description);
        return true;
    });
}

bool PipelineEditor::arrange()
{
    const QHash<QString, QPointF> at = arrangedPositions(pipeline(), QSizeF(280, 200));
    return edit(tr("Arrange"), [at](PipelineDocument& d) {
        for (auto it = at.begin(); it != at.end(); ++it)
            d.moveNode(it.key(), it.value());
        return true;
    });
}

QByteArray PipelineEditor::copy(const QStringList& names) const
{
    return copyFragment(pipeline(), names);
}

QStringList PipelineEditor::paste(const QByteArray& bytes, std::optional<QPointF> at, QString* error)
{
    QString why;
    const std::optional<Pipeline> part = readFragment(bytes, why);
    if (!part) {
        if (error)
            *error = tr("The clipboard does not hold pipeline nodes: %1").arg(why);
        return {};
    }
    QPointF topLeft(1e18, 1e18);
    for (const QPointF& p : part->positions) {
        topLeft.setX(std::min(topLeft.x(), p.x()));
        topLeft.setY(std::min(topLeft.y(), p.y()));
    }
    const QPointF offset = at ? *at - topLeft : QPointF(2 * kGrid, 2 * kGrid);
    const Pipeline fitted = fitFragment(*part, pipeline(), offset);
    QStringList names;
    edit(tr("Paste %n node(s)", nullptr, int(fitted.nodes.size())), [&](PipelineDocument& d) {
        for (const Node& n : fitted.nodes)
            names.append(d.addNode(n, fitted.positions.value(n.name)));
        for (const Edge& e : fitted.edges)
            d.addEdge(e);
        return true;
    });
    return names;
}

QStringList PipelineEditor::duplicate(const QStringList& names)
{
    QString error;
    return names.isEmpty() ? QStringList() : paste(copy(names), std::nullopt, &error);
}

void PipelineEditor::reset(const Pipeline& pipeline)
{
    m_undo->clear();
    m_document.reset(pipeline);
    m_undo->setClean();
}

bool PipelineEditor::isModified() const
{
    return !m_undo->isClean();
}

void PipelineEditor::markSaved()
{
    m_undo->setClean();
}

} // namespace juxta
