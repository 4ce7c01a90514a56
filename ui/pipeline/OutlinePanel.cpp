// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/OutlinePanel.h"

#include "pipeline/NodeItem.h"
#include "pipeline/PipelineDocument.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {
enum Role { NodeRole = Qt::UserRole, EdgeIndexRole };
}

OutlinePanel::OutlinePanel(PipelineDocument& document, QWidget* parent)
    : QTreeWidget(parent)
    , m_document(document)
    , m_refresh(new QTimer(this))
{
    setObjectName(u"pipelineOutline"_s);
    setAccessibleName(tr("Pipeline outline"));
    setAccessibleDescription(tr("Nodes, edges and problems; Enter selects one on the canvas"));
    setHeaderHidden(true);
    setUniformRowHeights(true);
    for (const QString& title : {tr("Nodes"), tr("Edges"), tr("Problems")}) {
        auto* branch = new QTreeWidgetItem(this, {title});
        branch->setExpanded(true);
    }
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(120);
    connect(m_refresh, &QTimer::timeout, this, &OutlinePanel::refreshNow);
    connect(&document, &PipelineDocument::changed, m_refresh, qOverload<>(&QTimer::start));
    connect(this, &QTreeWidget::itemActivated, this, &OutlinePanel::activate);
    connect(this, &QTreeWidget::itemClicked, this, &OutlinePanel::activate);
    refreshNow();
}

void OutlinePanel::setProblems(const QList<PipelineProblem>& problems)
{
    if (m_problems != problems) {
        m_problems = problems;
        m_refresh->start();
    }
}

void OutlinePanel::setRunStates(const QHash<QString, NodeState>& states)
{
    if (m_states != states) {
        m_states = states;
        m_refresh->start();
    }
}

void OutlinePanel::refreshNow()
{
    m_refresh->stop();
    const Pipeline& p = m_document.pipeline();
    const QString current = currentItem() ? currentItem()->data(0, NodeRole).toString() : QString();
    for (int i = 0; i < 3; ++i)
        qDeleteAll(topLevelItem(i)->takeChildren());
    QStringList names;
    for (const Node& n : p.nodes)
        names.append(n.name);
    names.sort();
    QTreeWidgetItem* reselect = nullptr;
    for (const QString& name : std::as_const(names)) {
        const Node& n = *p.node(name);
        QString text = u"%1 — %2 · %3"_s.arg(name, nodeKindTitle(n.kind), nodeSummary(n));
        if (m_states.contains(name))
            text += u" · "_s + nodeStateLabel(m_states.value(name));
        auto* item = new QTreeWidgetItem(nodesBranch(), {text});
        item->setData(0, NodeRole, name);
        if (name == current)
            reselect = item;
    }
    for (qsizetype i = 0; i < p.edges.size(); ++i) {
        const Edge& e = p.edges.at(i);
        QString text = e.branch.isEmpty() ? u"%1 → %2"_s.arg(e.from, e.to) : u"%1 (%2) → %3"_s.arg(e.from, e.branch, e.to);
        if (!e.port.isEmpty())
            text += u" (%1)"_s.arg(e.port);
        auto* item = new QTreeWidgetItem(edgesBranch(), {text});
        item->setData(0, EdgeIndexRole, int(i));
    }
    for (const PipelineProblem& problem : std::as_const(m_problems)) {
        auto* item = new QTreeWidgetItem(problemsBranch(),
                                         {problem.node.isEmpty() ? problem.message : u"%1: %2"_s.arg(problem.node, problem.message)});
        item->setData(0, NodeRole, problem.node);
    }
    nodesBranch()->setText(0, tr("Nodes (%1)").arg(p.nodes.size()));
    edgesBranch()->setText(0, tr("Edges (%1)").arg(p.edges.size()));
    problemsBranch()->setText(0, m_problems.isEmpty() ? tr("No problems") : tr("Problems (%1)").arg(m_problems.size()));
    if (reselect)
        setCurrentItem(reselect);
}

void OutlinePanel::activate(QTreeWidgetItem* item)
{
    if (!item || !item->parent())
        return;
    if (item->parent() == edgesBranch()) {
        const int index = item->data(0, EdgeIndexRole).toInt();
        if (index >= 0 && index < m_document.pipeline().edges.size())
            emit edgeActivated(m_document.pipeline().edges.at(index));
        return;
    }
    const QString node = item->data(0, NodeRole).toString();
    if (!node.isEmpty())
        emit nodeActivated(node);
}

} // namespace juxta
