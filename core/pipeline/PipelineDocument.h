// SPDX-License-Identifier: GPL-3.0-or-later
// The one way a pipeline changes while it is being edited: every mutation goes through here and says what it did,
// so the canvas mirrors it and the editor's undo commands can call it (each method is one undoable change).
// Renaming a node rewrites every reference to it ({{name}} in templates, "continues", edges, layout) at once.
// transitionTo() is how an undo goes back: the whole pipeline as it was, told as the node and edge changes it makes.
#pragma once

#include "pipeline/Pipeline.h"

#include <QObject>

namespace juxta {

class PipelineDocument final : public QObject
{
    Q_OBJECT

public:
    explicit PipelineDocument(QObject* parent = nullptr);

    const Pipeline& pipeline() const { return m_pipeline; }
    void reset(const Pipeline& pipeline);

    // Adds `node` at `at` and returns its name: its own if free and valid, else a fresh one from it.
    QString addNode(Node node, QPointF at = {});
    bool removeNode(const QString& name); // with its edges
    // Replaces a node's settings; its name stays (renameNode changes names).
    bool updateNode(const QString& name, const Node& node);
    // False with `error` when `to` is not a valid name or is taken.
    bool renameNode(const QString& from, const QString& to, QString* error = nullptr);
    bool moveNode(const QString& name, QPointF at);
    // False with `error` for an edge to or from an unknown node, a loop onto itself, or one already there.
    bool addEdge(const Edge& edge, QString* error = nullptr);
    bool removeEdge(const Edge& edge);
    void setVariables(const QList<Variable>& variables);
    bool renameVariable(const QString& from, const QString& to, QString* error = nullptr);
    void setDescription(const QString& name, const QString& description);
    // Becomes `target`, emitting one signal per node or edge that differs (edges removed first, then nodes removed,
    // then nodes added, changed and moved, then edges added), so a view follows without starting again.
    void transitionTo(const Pipeline& target);

signals:
    void wasReset();
    void nodeAdded(const QString& name);
    void nodeAboutToBeRemoved(const QString& name);
    void nodeRemoved(const QString& name);
    void nodeChanged(const QString& name);
    void nodeRenamed(const QString& from, const QString& to);
    void nodeMoved(const QString& name, QPointF at);
    void edgeAdded(const juxta::Edge& edge);
    void edgeRemoved(const juxta::Edge& edge);
    void variablesChanged();
    void changed(); // after any of the above

private:
    bool nameIsFree(const QString& name, QString* error) const;
    void renameReferences(const QString& from, const QString& to);

    Pipeline m_pipeline;
};

} // namespace juxta

