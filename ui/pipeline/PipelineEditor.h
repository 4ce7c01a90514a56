// SPDX-License-Identifier: GPL-3.0-or-later
// What a person can do to a pipeline in the editor, each as one undoable step: add, delete, connect, disconnect,
// move, rename, change a node's settings (merged while typing), paste, duplicate, arrange. The canvas, inspector,
// outline and keyboard commands all come here; nothing else changes the document.
#pragma once

#include "pipeline/PipelineDocument.h"

#include <QObject>

class QUndoStack;

namespace juxta {

class PipelineEditor final : public QObject
{
    Q_OBJECT

public:
    static constexpr double kGrid = 20;

    explicit PipelineEditor(QObject* parent = nullptr);

    PipelineDocument& document() { return m_document; }
    const Pipeline& pipeline() const { return m_document.pipeline(); }
    QUndoStack* undoStack() const { return m_undo; }

    // A new node of `kind` with its usual settings; `model` for a model node (the one the user used last).
    QString addNode(NodeKind kind, QPointF at, const QString& model = {});
    bool removeNodes(const QStringList& names);
    bool removeEdge(const Edge& edge);
    bool connectNodes(const Edge& edge, QString* why = nullptr); // refused with the reason connectionProblem gives
    // `nudge`: arrow-key moves of the same nodes merge into one step.
    bool moveNodes(const QHash<QString, QPointF>& to, bool nudge = false);
    bool renameNode(const QString& from, const QString& to, QString* error = nullptr);
    // `field` names what changed ("prompt", "temperature", …): edits of one field in a row are one step.
    bool updateNode(const QString& name, const Node& node, const QString& field);
    bool setVariables(const QList<Variable>& variables);
    bool setDescription(const QString& name, const QString& description);
    bool arrange(); // longest-path layers, left to right

    QByteArray copy(const QStringList& names) const;
    // The new nodes' names; empty with `error` when `bytes` is not pipeline JSON. `at`: where the top-left goes.
    QStringList paste(const QByteArray& bytes, std::optional<QPointF> at, QString* error);
    QStringList duplicate(const QStringList& names);

    // A fresh document (nothing to undo) and whether it differs from what was loaded or saved.
    void reset(const Pipeline& pipeline);
    bool isModified() const;
    void markSaved();

    static QPointF snapped(QPointF at) { return {std::round(at.x() / kGrid) * kGrid, std::round(at.y() / kGrid) * kGrid}; }
    bool snapToGrid() const { return m_snap; }
    void setSnapToGrid(bool on) { m_snap = on; }

signals:
    void modifiedChanged(bool modified);

private:
    bool edit(const QString& text, std::function<bool(PipelineDocument&)> change, int merge = -1,
              const QString& mergeKey = {});

    PipelineDocument m_document;
    QUndoStack* m_undo;
    bool m_snap = true;
};

} // namespace juxta
