// SPDX-License-Identifier: GPL-3.0-or-later
// PipelinePage, third part: validation as you edit, the cost estimate under the budget guard, and the run — the
// core's PipelineRunner does the work; this part shows each node's state, its output as it streams (the last lines,
// once per frame) and its figures, and keeps the run panel's table and timeline current.
#include "pipeline/PipelinePage.h"

#include "answer/AnswerEngine.h"
#include "answer/AnswerRun.h"
#include "catalog/CatalogService.h"
#include "catalog/ModelRef.h"
#include "common/BudgetDialog.h"
#include "common/FrameTicker.h"
#include "config/ConfigStore.h"
#include "pipeline/NodeInspector.h"
#include "pipeline/OutlinePanel.h"
#include "pipeline/PipelineDialogs.h"
#include "pipeline/PipelineEditor.h"
#include "pipeline/PipelineEstimate.h"
#include "pipeline/PipelineRunner.h"
#include "pipeline/PipelineScene.h"
#include "pipeline/RunPanel.h"
#include "report/FigureFormat.h"

#include <QAction>
#include <QFileInfo>
#include <QLabel>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {
constexpr qsizetype kLiveTail = 800; // characters of a streaming answer a node shows its last lines from
}

bool PipelinePage::isRunning() const
{
    return (m_runner && !m_runner->isFinished()) || m_checkingBudget;
}

void PipelinePage::scheduleValidation()
{
    m_validateTimer->start();
}

void PipelinePage::validateNow()
{
    m_validateTimer->stop();
    const Pipeline& p = m_editor->pipeline();
    ValidationContext context;
    context.config = &m_config.config();
    context.catalog = &m_catalog.catalog();
    context.keyProblems = m_keyProblems;
    context.baseDir = m_path.isEmpty() ? QString() : QFileInfo(m_path).absolutePath();
    m_problems = validatePipeline(p, context);
    m_scene->setProblems(m_problems);
    m_inspector->setProblems(m_problems);
    m_outline->setProblems(m_problems);
    updateEstimate();

    // Keys are looked for again only when the pipeline starts using other profiles (it asks the keychain).
    QStringList profiles;
    for (const Node& n : p.nodes) {
        for (const QString& reference : QStringList{n.model} + n.fallbacks) {
            if (const auto ref = ModelRef::parse(reference); ref && !profiles.contains(ref->profileId))
                profiles.append(ref->profileId);
        }
    }
    profiles.sort();
    if (profiles == m_checkedProfiles)
        return;
    m_checkedProfiles = profiles;
    checkKeys(p, m_config.config(), m_secrets, this, [this](const QHash<QString, QString>& problems) {
        if (problems != m_keyProblems) {
            m_keyProblems = problems;
            validateNow();
        }
    });
}

QString PipelinePage::estimateText() const
{
    return m_estimate->text();
}

void PipelinePage::updateEstimate()
{
    const Pipeline& p = m_editor->pipeline();
    QHash<QString, QString> values = rememberedVariables();
    for (const Variable& v : p.variables) {
        if (!values.contains(v.name))
            values.insert(v.name, v.defaultValue);
    }
    const PipelineEstimate e = estimatePipeline(p, values, m_config.config(), m_catalog.catalog(),
                                                m_path.isEmpty() ? QString() : QFileInfo(m_path).absolutePath());
    if (e.models.isEmpty()) {
        m_estimate->setText(tr("No model nodes yet"));
        m_estimate->setToolTip({});
        return;
    }
    m_estimate->setText(tr("Estimate: %1").arg(estimateTotalText(e)));
    QStringList lines;
    for (const NodeEstimate& n : e.models)
        lines.append(u"%1: %2, %3"_s.arg(n.node, estimateCallsText(n), estimateCostText(n)));
    m_estimate->setToolTip(lines.join(u'\n'));
    m_runPanel->setEstimate(m_estimate->toolTip());
}

void PipelinePage::runFromSelection()
{
    const QStringList nodes = m_scene->selectedNodes();
    if (nodes.size() != 1) {
        emit statusMessage(tr("Select the node to run from."), 4000);
        return;
    }
    run(std::nullopt, nodes.constFirst());
}

void PipelinePage::run(std::optional<QHash<QString, QString>> variables, const QString& fromNode)
{
    if (isRunning())
        return;
    validateNow();
    if (!m_problems.isEmpty()) {
        emit statusMessage(tr("The pipeline has %n problem(s); they are listed in the outline.", nullptr,
                              int(m_problems.size())), 8000);
        m_outline->problemsBranch()->setExpanded(true);
        return;
    }
    const Pipeline& p = m_editor->pipeline();
    if (!variables && !p.variables.isEmpty()) {
        auto* dialog = new RunVariablesDialog(p.variables, rememberedVariables(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog, fromNode] {
            run(dialog->values(), fromNode);
        });
        dialog->open();
        return;
    }
    QHash<QString, QString> values = variables.value_or(QHash<QString, QString>());
    for (const Variable& v : p.variables) {
        if (!values.contains(v.name))
            values.insert(v.name, v.defaultValue);
    }
    if (!p.variables.isEmpty())
        rememberVariables(values); // offered again next time, for this pipeline only
    const PipelineEstimate estimate = estimatePipeline(p, values, m_config.config(), m_catalog.catalog(),
                                                       m_path.isEmpty() ? QString() : QFileInfo(m_path).absolutePath());
    m_checkingBudget = true;
    const quint64 generation = ++m_runGeneration;
    const auto go = [this, values, fromNode] { startRun(values, fromNode); };
    m_engine.checkBudget(estimate.total, this, [this, generation, go](const BudgetVerdict& verdict) {
        if (generation != m_runGeneration)
            return;
        m_checkingBudget = false;
        if (verdict.kind == BudgetVerdict::Kind::Allow)
            go();
        else
            showBudgetVerdict(this, verdict, tr("This run"), go);
    });
}

void PipelinePage::startRun(const QHash<QString, QString>& variables, const QString& fromNode)
{
    if (isRunning())
        return;
    PipelineRunner::Options options;
    options.variables = variables;
    options.fromNode = fromNode;
    options.file = m_path;
    m_runner = std::make_unique<PipelineRunner>(m_engine, m_editor->pipeline(), options);
    connect(m_runner.get(), &PipelineRunner::nodeChanged, this, &PipelinePage::onRunNodeChanged);
    connect(m_runner.get(), &PipelineRunner::answerStarted, this, [this](const QString& node, int, AnswerRun* run) {
        connect(run, &AnswerRun::grew, this, [this, node] {
            m_dirtyNodes.insert(node);
            m_ticker->request();
        });
    });
    connect(m_runner.get(), &PipelineRunner::finished, this, &PipelinePage::finishRun);
    m_scene->clearRun();
    m_record = m_runner->record();
    m_runClock.start();
    action(u"pipelineRun"_s)->setEnabled(false);
    action(u"pipelineRunFrom"_s)->setEnabled(false);
    action(u"pipelineStop"_s)->setEnabled(true);
    emit runStarted();
    emit statusMessage(fromNode.isEmpty() ? tr("Running %1…").arg(title())
                                          : tr("Running %1 from %2…").arg(title(), fromNode), 4000);
    m_runner->start();
    for (const NodeRun& n : m_runner->record().nodes)
        m_dirtyNodes.insert(n.node);
    onFrame();
}

void PipelinePage::stop()
{
    ++m_runGeneration; // a budget check still out no longer starts anything
    m_checkingBudget = false;
    if (m_runner && !m_runner->isFinished())
        m_runner->cancel();
}

void PipelinePage::discardRun()
{
    stop();
    if (m_runner) { // what it had is in the history; this page shows another pipeline now
        disconnect(m_runner.get(), nullptr, this, nullptr);
        m_runner.reset();
    }
    m_dirtyNodes.clear();
    m_record = RunRecord();
    m_scene->clearRun();
    m_runPanel->setRecord(m_record, 0);
    action(u"pipelineRun"_s)->setEnabled(true);
    action(u"pipelineStop"_s)->setEnabled(false);
}

void PipelinePage::onRunNodeChanged(const QString& node)
{
    m_dirtyNodes.insert(node);
    m_ticker->request();
}

void PipelinePage::onFrame()
{
    if (!m_runner)
        return;
    const RunRecord& record = m_runner->record();
    for (const QString& name : std::as_const(m_dirtyNodes)) {
        const NodeRun* run = record.node(name);
        if (!run)
            continue;
        m_scene->setRun(*run);
        if (run->state == NodeState::Running) {
            const QList<AnswerRun*> live = m_runner->liveRuns(name);
            if (!live.isEmpty())
                m_scene->setLiveText(name, live.constFirst()->transcript().text().right(kLiveTail));
        }
        if (name == m_inspector->shownNode())
            m_inspector->setRun(*run);
    }
    m_dirtyNodes.clear();
    m_record = record;
    m_runPanel->setRecord(record, double(m_runClock.elapsed()));
    QHash<QString, NodeState> states;
    for (const NodeRun& n : record.nodes)
        states.insert(n.node, n.state);
    m_outline->setRunStates(states);
    if (!m_runner->isFinished())
        m_ticker->request(); // the running bars grow with the clock
}

void PipelinePage::finishRun()
{
    for (const NodeRun& n : m_runner->record().nodes)
        m_dirtyNodes.insert(n.node);
    onFrame();
    m_record = m_runner->record();
    m_runPanel->setRecord(m_record, m_record.wallMs);
    m_runner.release()->deleteLater(); // it is still emitting this signal
    action(u"pipelineRun"_s)->setEnabled(true);
    action(u"pipelineStop"_s)->setEnabled(false);
    selectionChanged();
    emit statusMessage(tr("%1: %2 in %3, cost %4").arg(title(), m_record.state, formatDuration(m_record.wallMs),
                                                      formatCost(m_record.totalCostUsd())), 8000);
    emit runFinished(m_record);
}

} // namespace juxta
