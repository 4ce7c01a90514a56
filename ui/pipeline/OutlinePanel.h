// SPDX-License-Identifier: GPL-3.0-or-later
// The pipeline as an accessible tree, for the keyboard and screen readers: its nodes (kind, what each does, its
// state in the run), its edges and its problems. Activating a node or a problem selects that node on the canvas;
// activating an edge selects the edge. Rebuilt a moment after the document changes, not on every keystroke.
#pragma once

#include "pipeline/PipelineValidator.h"
#include "pipeline/RunRecord.h"

#include <QTreeWidget>

class QTimer;

namespace juxta {

class PipelineDocument;

class OutlinePanel final : public QTreeWidget
{
    Q_OBJECT

public:
    explicit OutlinePanel(PipelineDocument& document, QWidget* parent = nullptr);

    void setProblems(const QList<PipelineProblem>& problems);
    void setRunStates(const QHash<QString, NodeState>& states);
    void refreshNow();
    QTreeWidgetItem* nodesBranch() const { return topLevelItem(0); }
    QTreeWidgetItem* edgesBranch() const { return topLevelItem(1); }
    QTreeWidgetItem* problemsBranch() const { return topLevelItem(2); }

signals:
    void nodeActivated(const QString& node);
    void edgeActivated(const juxta::Edge& edge);

private:
    void activate(QTreeWidgetItem* item);

    PipelineDocument& m_document;
    QTimer* m_refresh;
    QList<PipelineProblem> m_problems;
    QHash<QString, NodeState> m_states;
};

} // namespace juxta
