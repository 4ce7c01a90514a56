// SPDX-License-Identifier: GPL-3.0-or-later
// ComparePage, first part: building the page and running comparisons (sending under the budget guard, the lanes'
// views, stopping, the end of a run). The engine (core/compare/Comparison) runs and records; this shows it.
// Figures are in ComparePageFigures.cpp, saved comparisons and votes in ComparePageHistory.cpp.
#include "compare/ComparePage.h"

#include "answer/AnswerEngine.h"
#include "answer/TargetResolver.h"
#include "catalog/CatalogService.h"
#include "charts/RunCharts.h"
#include "chat/ChatSettingsPanel.h"
#include "chat/Composer.h"
#include "chat/TranscriptView.h"
#include "common/BudgetDialog.h"
#include "common/FrameTicker.h"
#include "compare/CompareBoard.h"
#include "compare/CompareColumn.h"
#include "compare/CompareLane.h"
#include "compare/CompareSetupBar.h"
#include "compare/Comparison.h"
#include "compare/ComparisonList.h"
#include "config/ConfigStore.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QToolButton* actionButton(const QString& text, const QString& tip, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setAccessibleName(text);
    return button;
}

} // namespace

ComparePage::ComparePage(ConfigStore& config, AnswerEngine& engine, CatalogService& catalog, HistoryService& history,
                         QWidget* parent)
    : QWidget(parent)
    , m_config(config)
    , m_engine(engine)
    , m_saved(history)
    , m_ticker(new FrameTicker(this))
    , m_comparison(new Comparison(engine, this))
    , m_list(new ComparisonList(this))
    , m_setupBar(new CompareSetupBar(config.config(), catalog.catalog(), this))
    , m_settings(new ChatSettingsPanel(config.config(), catalog.catalog(), this))
    , m_board(new CompareBoard(this))
    , m_charts(new RunCharts(this))
    , m_boardSplit(new QSplitter(Qt::Vertical, this))
    , m_composer(new Composer(this))
    , m_hiddenColumns(actionButton(tr("Hidden columns"), tr("Show a column you hid"), this))
    , m_estimateDelay(new QTimer(this))
    , m_traceDelay(new QTimer(this))
{
    setObjectName(u"comparePage"_s);
    m_composer->editor()->setPlaceholderText(tr("One prompt for every model. Ctrl+Enter sends; after the answers, "
                                                "the next message continues every column."));
    auto* stop = actionButton(tr("Stop all"), tr("Stop every column (what arrived is kept)"), this);
    auto* tie = actionButton(tr("Tie"), tr("The answers are equally good (a vote for the leaderboard)"), this);
    auto* diff = actionButton(tr("Diff…"), tr("Compare two answers word by word"), this);
    auto* board = actionButton(tr("Leaderboard…"), tr("Your ratings of models from your votes"), this);
    auto* historyCharts = actionButton(tr("History charts…"), tr("Latency and price of every model across your history"),
                                 this);
    auto* exportButton = actionButton(tr("Export…"), tr("Save this comparison as a report (HTML, Markdown, CSV, JSON) "
                                                        "or as lossless JSON"), this);
    auto* rerun = actionButton(tr("Run again"), tr("The same models and first prompt, as a new comparison"), this);
    auto* charts = actionButton(tr("Charts"), tr("Show or hide the charts of this run"), this);
    auto* settings = actionButton(tr("Settings"), tr("System prompt and parameters shared by every column"), this);
    charts->setCheckable(true);
    charts->setChecked(true);
    settings->setCheckable(true);
    m_hiddenColumns->setPopupMode(QToolButton::InstantPopup);
    m_hiddenColumns->setMenu(new QMenu(m_hiddenColumns));
    m_hiddenColumns->setVisible(false);

    auto* actions = new QHBoxLayout;
    actions->setContentsMargins(6, 0, 6, 0);
    for (QToolButton* b : {stop, tie, diff, rerun, exportButton})
        actions->addWidget(b);
    actions->addWidget(m_hiddenColumns);
    actions->addStretch(1);
    for (QToolButton* b : {board, historyCharts, charts, settings})
        actions->addWidget(b);

    m_boardSplit->addWidget(m_board);
    m_boardSplit->addWidget(m_charts);
    m_boardSplit->setStretchFactor(0, 3);
    m_boardSplit->setStretchFactor(1, 1);
    m_boardSplit->setChildrenCollapsible(false);

    auto* center = new QWidget(this);
    auto* centerLayout = new QVBoxLayout(center);
    centerLayout->setContentsMargins(0, 0, 0, 0);
    centerLayout->setSpacing(2);
    centerLayout->addWidget(m_setupBar);
    centerLayout->addLayout(actions);
    centerLayout->addWidget(m_boardSplit, 1);
    centerLayout->addWidget(m_composer);

    auto* outer = new QSplitter(Qt::Horizontal, this);
    outer->addWidget(m_list);
    outer->addWidget(center);
    outer->addWidget(m_settings);
    outer->setStretchFactor(1, 1);
    outer->setSizes({200, 1000, 260});
    outer->setChildrenCollapsible(false);
    m_settings->setVisible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(outer);

    m_estimateDelay->setSingleShot(true);
    m_estimateDelay->setInterval(250);
    m_traceDelay->setSingleShot(true);
    m_traceDelay->setInterval(200); // the live chart a few times a second: enough to watch, cheap to draw

    connect(m_composer, &Composer::sendRequested, this, &ComparePage::send);
    connect(m_composer, &Composer::stopRequested, this, &ComparePage::stopAll);
    connect(m_composer, &Composer::textEdited, m_estimateDelay, qOverload<>(&QTimer::start));
    connect(m_settings, &ChatSettingsPanel::changed, m_estimateDelay, qOverload<>(&QTimer::start));
    connect(m_estimateDelay, &QTimer::timeout, this, &ComparePage::updateEstimates);
    connect(m_traceDelay, &QTimer::timeout, this, &ComparePage::updateTraces);
    connect(m_setupBar, &CompareSetupBar::columnsChanged, this, [this] { whenIdle([this] { buildDraftColumns(); }); });
    connect(m_setupBar, &CompareSetupBar::optionsChanged, m_estimateDelay, qOverload<>(&QTimer::start));
    connect(m_setupBar, &CompareSetupBar::syncScrollToggled, m_board, &CompareBoard::setSyncScroll);
    connect(m_setupBar, &CompareSetupBar::setsChanged, this, [this](const QByteArray& json) {
        m_saved.saveModelSets(json);
    });
    connect(m_board, &CompareBoard::orderChanged, this, &ComparePage::onOrderChanged);
    connect(m_board, &CompareBoard::visibilityChanged, this, [this] {
        for (int i = 0; i < m_columns.size(); ++i)
            m_comparison->setHidden(i, m_columns.at(i)->isHidden());
        updateHiddenMenu();
    });
    connect(m_comparison, &Comparison::lanesBound, this, &ComparePage::bindLanes);
    connect(m_comparison, &Comparison::laneTurnStarted, this, [this] { setRunning(true); });
    connect(m_comparison, &Comparison::finished, this, &ComparePage::onRunFinished);
    connect(m_list, &ComparisonList::openRequested, this, &ComparePage::openComparison);
    connect(m_list, &ComparisonList::newRequested, this, &ComparePage::newComparison);
    connect(m_list, &ComparisonList::deleteRequested, this, &ComparePage::deleteComparison);
    connect(m_list, &ComparisonList::searchChanged, this, &ComparePage::refreshList);
    connect(stop, &QToolButton::clicked, this, &ComparePage::stopAll);
    connect(tie, &QToolButton::clicked, this, &ComparePage::voteTie);
    connect(diff, &QToolButton::clicked, this, &ComparePage::showDiff);
    connect(board, &QToolButton::clicked, this, &ComparePage::showLeaderboard);
    connect(historyCharts, &QToolButton::clicked, this, &ComparePage::showHistoryCharts);
    connect(rerun, &QToolButton::clicked, this, &ComparePage::rerun);
    connect(charts, &QToolButton::toggled, this, &ComparePage::setChartsVisible);
    connect(settings, &QToolButton::toggled, m_settings, &QWidget::setVisible);
    connect(exportButton, &QToolButton::clicked, this, &ComparePage::openExportDialog);
    buildDraftColumns();
    refreshList();
}

ComparePage::~ComparePage()
{
    clearLanes(); // the views before the columns they show; the engine saves running answers as stopped
    delete m_comparison;
}

QString ComparePage::currentComparisonId() const
{
    return m_comparison->record().id;
}

bool ComparePage::isRevealed() const
{
    return m_lanes.isEmpty() || m_comparison->isRevealed();
}

void ComparePage::clearLanes()
{
    ++m_generation; // answers for what was shown (a read, a budget check) no longer apply
    m_checkingBudget = false;
    qDeleteAll(m_lanes);
    m_lanes.clear();
    m_comparison->close();
}

CompareSetup ComparePage::setup() const
{
    CompareSetup s;
    s.columns = m_setupBar->columns();
    s.shared = m_settings->settings({});
    s.repeat = m_setupBar->repeat();
    s.concurrentRepeats = m_setupBar->concurrentRepeats();
    s.blind = m_setupBar->blind();
    return s;
}

bool ComparePage::isRunning() const
{
    return m_comparison->isRunning() || m_checkingBudget;
}

void ComparePage::whenIdle(std::function<void()> action)
{
    if (m_checkingBudget) { // the send waiting for its budget check is given up
        ++m_generation;
        m_checkingBudget = false;
        setRunning(false);
    }
    if (!isRunning()) {
        action();
        return;
    }
    m_whenIdle = std::move(action);
    stopAll();
}

CompareColumn* ComparePage::createColumn()
{
    auto* column = new CompareColumn;
    connect(column, &CompareColumn::moveRequested, this, [this, column](int step) { m_board->move(column, step); });
    connect(column, &CompareColumn::hideRequested, this, [this, column] { hideColumn(column); });
    connect(column, &CompareColumn::rated, this, [this, column](int score) { rate(column, score); });
    connect(column, &CompareColumn::bestChosen, this, [this, column] { voteBest(laneOf(column)); });
    connect(column, &CompareColumn::continueRequested, this, [this, column] { continueLane(laneOf(column)); });
    connect(column, &CompareColumn::stopRequested, this, [this, column] {
        if (const int lane = laneOf(column); lane >= 0 && lane < m_lanes.size())
            m_lanes.at(lane)->stop();
    });
    return column;
}

int ComparePage::laneOf(CompareColumn* column) const
{
    return int(m_columns.indexOf(column));
}

void ComparePage::buildDraftColumns()
{
    clearLanes();
    m_draft = setup();
    m_letters.clear();
    m_columns.clear();
    for (int i = 0; i < m_draft.columns.size(); ++i)
        m_columns.append(createColumn());
    m_board->setColumns(m_columns);
    m_charts->clear();
    m_list->setCurrent({});
    applyTitles();
    updateEstimates();
    updateHiddenMenu();
}

void ComparePage::newComparison()
{
    whenIdle([this] {
        buildDraftColumns();
        m_composer->editor()->setFocus();
    });
}

void ComparePage::startWith(const CompareSetup& setup, const QString& prompt)
{
    whenIdle([this, setup, prompt] { // after stopping a comparison that runs (its answers are kept)
        m_setupBar->setSetup(setup);
        buildDraftColumns();
        send(prompt);
    });
}

QString ComparePage::titleOf(int lane) const
{
    if (!isRevealed() && lane < m_letters.size())
        return tr("Model %1").arg(QChar(u'A' + m_letters.at(lane)));
    const CompareSetup& shown = m_lanes.isEmpty() ? m_draft : m_comparison->setup();
    if (lane >= shown.columns.size())
        return {};
    return isOfflineModel(m_config.config(), shown.columns.at(lane).overrides.model)
               ? tr("%1 · offline").arg(shown.columnLabel(lane))
               : shown.columnLabel(lane);
}

void ComparePage::applyTitles()
{
    const bool revealed = isRevealed();
    for (int i = 0; i < m_columns.size(); ++i) {
        m_columns.at(i)->setTitle(titleOf(i), revealed ? QString() : tr("Blind mode: the name shows after you vote"));
        if (i < m_lanes.size()) {
            m_lanes.at(i)->setLabel(titleOf(i));
            m_lanes.at(i)->setAnonymous(revealed ? QString() : titleOf(i));
        }
    }
}

void ComparePage::send(const QString& prompt)
{
    if (isRunning() || prompt.trimmed().isEmpty())
        return;
    const CompareSetup wanted = setup();
    if (wanted.columns.size() < CompareSetup::kMinColumns) {
        emit statusMessage(tr("Add at least two models to compare (“+ Add model”)."), 6000);
        return;
    }
    sendGuarded(prompt, wanted, continuesShown(wanted));
}

bool ComparePage::continuesShown(const CompareSetup& wanted) const
{
    // The same columns and shared settings continue the comparison shown; anything else starts a new one.
    return m_comparison->continuesWith(wanted);
}

void ComparePage::sendGuarded(const QString& prompt, const CompareSetup& wanted, bool followUp)
{
    const std::optional<CostEstimate> total = m_comparison->estimateNext(wanted, prompt).total;
    const quint64 generation = ++m_generation;
    const auto go = [this, prompt, wanted, followUp, generation] {
        if (generation != m_generation || isRunning())
            return; // something else happened while the user read the warning
        m_composer->setText({});
        if (followUp) {
            m_comparison->setRepeat(wanted.repeat, wanted.concurrentRepeats);
            askAll(prompt);
        } else {
            startComparison(prompt, wanted);
        }
    };
    m_checkingBudget = true; // nothing else starts while the budget is checked
    setRunning(true);
    m_engine.checkBudget(total, this, [this, generation, go](const BudgetVerdict& verdict) {
        if (generation != m_generation)
            return;
        m_checkingBudget = false;
        setRunning(false);
        if (verdict.kind == BudgetVerdict::Kind::Allow) {
            go();
            return;
        }
        showBudgetVerdict(this, verdict, tr("All columns together"), go);
    });
}

void ComparePage::startComparison(const QString& prompt, const CompareSetup& wanted)
{
    clearLanes();
    m_columns.clear();
    for (int i = 0; i < wanted.columns.size(); ++i)
        m_columns.append(createColumn());
    m_board->setColumns(m_columns);
    m_letters.clear();
    for (int i = 0; i < m_columns.size(); ++i)
        m_letters.append(i);
    m_comparison->start(wanted, prompt); // lanesBound() puts the views on the columns before the first question

    refreshList();
}

void ComparePage::bindLanes()
{
    const QList<ComparisonLane*>& lanes = m_comparison->lanes();
    for (int i = 0; i < lanes.size() && i < m_columns.size(); ++i) {
        auto* view = new CompareLane(*lanes.at(i), *m_columns.at(i), *m_ticker, this);
        view->setLabel(titleOf(i));
        connect(view, &CompareLane::progressed, this, [this] {
            if (!m_traceDelay->isActive())
                m_traceDelay->start();
        });
        m_lanes.append(view);
        if (m_comparison->setup().columns.at(i).hidden)
            m_board->setColumnHidden(m_columns.at(i), true);
    }
    applyTitles();
    updateHiddenMenu();
}

void ComparePage::askAll(const QString& prompt)
{
    for (CompareLane* lane : std::as_const(m_lanes))
        lane->clearMarks(); // marks, ratings and the vote were the last turn's
    m_comparison->ask(prompt);
    updateBestButtons();
}

void ComparePage::onRunFinished()
{
    setRunning(false);
    m_traceDelay->stop();
    showAnswersFromTheirStart(0);
    updateTraces();
    updateMarksAndCharts();
    updateBestButtons();
    refreshList();
    updateEstimates();
    emit runFinished();
    // Later, not here: this runs inside the engine's finish signal, and the action may delete the lanes.
    if (m_whenIdle)
        QTimer::singleShot(0, this, std::exchange(m_whenIdle, nullptr));
}

void ComparePage::showAnswersFromTheirStart(int from)
{
    // Every answer is in: columns that followed their stream show their answer from its start, side by side, so
    // they can be read (and scrolled together) from the top. A column the user scrolled stays where it is. One
    // column per turn of the event loop: each may lay out a part of its answer anew, eight at once would stall.
    if (from >= m_lanes.size() || isRunning())
        return;
    TranscriptView* transcript = m_lanes.at(from)->column().transcript();
    if (transcript->isFollowingBottom() && transcript->count() >= 2) {
        const bool sync = m_board->isSyncScroll();
        m_board->setSyncScroll(false);
        transcript->scrollToMessage(transcript->count() - 2);
        m_board->setSyncScroll(sync);
    }
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, from, generation] {
        if (generation == m_generation)
            showAnswersFromTheirStart(from + 1);
    });
}

void ComparePage::setRunning(bool running)
{
    m_composer->setBusy(running);
    m_setupBar->setLocked(running);
}

void ComparePage::stopAll()
{
    m_comparison->stop();
}

} // namespace juxta
