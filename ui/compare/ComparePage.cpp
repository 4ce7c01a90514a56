// SPDX-License-Identifier: GPL-3.0-or-later
// ComparePage, first part: building the page and running comparisons (sending under the budget guard, the lanes,
// stopping, the end of a run). About 550 lines, a little over the house budget: the constructor wires some twenty
// controls. Figures are in ComparePageFigures.cpp, saved comparisons and votes in ComparePageHistory.cpp.
#include "compare/ComparePage.h"
#include "offline/OfflineNetwork.h"

#include "catalog/CatalogService.h"
#include "charts/RunCharts.h"
#include "chat/ChatRequestBuilder.h"
#include "chat/ChatSettingsPanel.h"
#include "chat/TargetResolver.h"
#include "chat/Composer.h"
#include "chat/TranscriptView.h"
#include "common/FrameTicker.h"
#include "compare/CompareBoard.h"
#include "compare/CompareColumn.h"
#include "compare/CompareLane.h"
#include "compare/CompareSetupBar.h"
#include "compare/ComparisonList.h"
#include "config/ConfigStore.h"
#include "pricing/BudgetGuard.h"
#include "storage/HistoryService.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QPushButton>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QMessageBox>
#include <QRandomGenerator>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

// The same columns, in any order: what decides whether the next send continues the comparison shown.
bool sameColumns(QList<CompareColumnSetup> a, QList<CompareColumnSetup> b)
{
    const auto key = [](const CompareColumnSetup& c) { return QString::fromUtf8(c.overrides.toJson()); };
    const auto byKey = [&key](const CompareColumnSetup& x, const CompareColumnSetup& y) { return key(x) < key(y); };
    std::sort(a.begin(), a.end(), byKey);
    std::sort(b.begin(), b.end(), byKey);
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (key(a.at(i)) != key(b.at(i)))
            return false;
    }
    return true;
}

QToolButton* actionButton(const QString& text, const QString& tip, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setAccessibleName(text);
    return button;
}

QString titleFromPrompt(const QString& prompt)
{
    QString title = prompt.simplified();
    return title.size() > 60 ? title.left(59) + u'…' : title;
}

} // namespace

ComparePage::ComparePage(ConfigStore& config, SecretStore& secrets, CatalogService& catalog, HistoryService& history,
                         QWidget* parent)
    : QWidget(parent)
    , m_config(config)
    , m_secrets(secrets)
    , m_catalog(catalog)
    , m_history(history)
    , m_ticker(new FrameTicker(this))
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
    auto* exportButton = actionButton(tr("Export…"), tr("Save this comparison as Markdown or JSON"), this);
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
        // Written on the history's thread, in order with everything else it writes (QSettings is reentrant).
        m_history.write([json](ConversationStore&) {
            QSettings stored;
            stored.setValue(QLatin1StringView(CompareSetupBar::kSetsKey), json);
            stored.sync();
            return stored.status() == QSettings::NoError;
        });
    });
    connect(m_board, &CompareBoard::orderChanged, this, &ComparePage::onOrderChanged);
    connect(m_board, &CompareBoard::visibilityChanged, this, [this] {
        saveLayout();
        updateHiddenMenu();
    });
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
    connect(exportButton, &QToolButton::clicked, this, [this] {
        if (m_comparison.id.isEmpty())
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export comparison"), m_comparison.title + u".md"_s,
                                                          tr("Markdown (*.md);;JSON (*.json)"));
        if (!path.isEmpty())
            exportComparison(path);
    });
    buildDraftColumns();
    refreshList();
}

ComparePage::~ComparePage()
{
    clearLanes(); // before the columns they drive; their answers are kept as stopped
}

void ComparePage::clearLanes()
{
    ++m_generation; // answers for what was shown (a read, a budget check) no longer apply
    m_running = 0;
    m_starting = false;
    m_checkingBudget = false;
    qDeleteAll(m_lanes);
    m_lanes.clear();
    qDeleteAll(m_laneNetworks); // after the lanes: their calls' replies belong to these
    m_laneNetworks.clear();
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
    return m_running > 0 || m_checkingBudget;
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
    m_comparison = {};
    m_setup = setup();
    m_letters.clear();
    m_revealed = true;
    m_voted = false;
    m_columns.clear();
    for (int i = 0; i < m_setup.columns.size(); ++i)
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
    if (!m_revealed && lane < m_letters.size())
        return tr("Model %1").arg(QChar(u'A' + m_letters.at(lane)));
    if (lane >= m_setup.columns.size())
        return {};
    return isOfflineModel(m_config.config(), m_setup.columns.at(lane).overrides.model)
               ? tr("%1 · offline").arg(m_setup.columnLabel(lane))
               : m_setup.columnLabel(lane);
}

void ComparePage::applyTitles()
{
    for (int i = 0; i < m_columns.size(); ++i) {
        const bool hidden = !m_revealed;
        m_columns.at(i)->setTitle(titleOf(i), hidden ? tr("Blind mode: the name shows after you vote") : QString());
        if (i < m_lanes.size()) {
            m_lanes.at(i)->setLabel(titleOf(i));
            m_lanes.at(i)->setAnonymous(m_revealed ? QString() : titleOf(i));
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
    return !m_lanes.isEmpty() && sameColumns(wanted.columns, m_setup.columns) && wanted.shared == m_setup.shared;
}

void ComparePage::sendGuarded(const QString& prompt, const CompareSetup& wanted, bool followUp)
{
    QList<std::optional<CostEstimate>> estimates;
    for (int i = 0; i < wanted.columns.size(); ++i) {
        QList<QString> texts;
        if (followUp) {
            for (const MessageRecord& m : m_lanes.at(i)->shownPath())
                texts.append(m.content);
        }
        texts.append(prompt);
        const auto e = estimateSend(m_config.config(), m_catalog.catalog(), followUp ? m_lanes.at(i)->settings()
                                                                                       : wanted.settingsFor(i), texts);
        estimates.append(e ? e->cost : std::nullopt);
    }
    const std::optional<CostEstimate> total = totalEstimate(estimates, wanted.repeat);
    const BudgetLimits limits = m_config.config().budget;
    const quint64 generation = ++m_generation;
    const auto go = [this, prompt, wanted, followUp, generation] {
        if (generation != m_generation || isRunning())
            return; // something else happened while the user read the warning
        m_composer->setText({});
        if (followUp) {
            m_setup.repeat = wanted.repeat;
            m_setup.concurrentRepeats = wanted.concurrentRepeats;
            askAll(prompt);
        } else {
            startComparison(prompt, wanted);
        }
    };
    if (!limits.isSet()) {
        go();
        return;
    }
    m_checkingBudget = true; // nothing else starts while the budget is checked
    setRunning(true);
    // Today's spending is a file: read off the UI thread, then decide.
    m_history.read<double>([](ConversationStore&) { return SpendLedger().spentOn(QDate::currentDate()); }, this,
                           [this, generation, limits, total, go](double spent) {
        if (generation != m_generation)
            return;
        m_checkingBudget = false;
        setRunning(false);
        const BudgetVerdict verdict = checkBudget(limits, total, spent);
        if (verdict.kind == BudgetVerdict::Kind::Allow) {
            go();
            return;
        }
        auto* box = new QMessageBox(this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowTitle(tr("Budget"));
        box->setText(tr("All columns together: %1").arg(verdict.message));
        if (verdict.kind == BudgetVerdict::Kind::Block) {
            box->setIcon(QMessageBox::Critical);
            box->setStandardButtons(QMessageBox::Ok);
        } else {
            box->setIcon(QMessageBox::Warning);
            box->setStandardButtons(QMessageBox::Ok | QMessageBox::Cancel);
            QAbstractButton* anyway = box->button(QMessageBox::Ok);
            anyway->setText(tr("Send anyway"));
            // The clicked button, not accepted(): a message box finishes with its button's code, not Accepted.
            connect(box, &QMessageBox::buttonClicked, this, [anyway, go](QAbstractButton* clicked) {
                if (clicked == anyway)
                    go();
            });
        }
        box->open();
    });
}

void ComparePage::startComparison(const QString& prompt, const CompareSetup& wanted)
{
    clearLanes();
    m_setup = wanted;
    if (m_setup.blind) // a column's place must not give its model away
        std::shuffle(m_setup.columns.begin(), m_setup.columns.end(), *QRandomGenerator::global());
    m_comparison = {};
    m_comparison.id = newRecordId();
    m_comparison.title = titleFromPrompt(prompt);
    m_comparison.createdAt = m_comparison.updatedAt = QDateTime::currentDateTimeUtc();
    m_comparison.setupJson = m_setup.toJson();
    QList<ConversationRecord> records;
    QList<Conversation> conversations;
    for (int i = 0; i < m_setup.columns.size(); ++i) {
        ConversationRecord c;
        c.id = newRecordId();
        c.title = m_setup.columnLabel(i) + u": "_s + m_comparison.title;
        c.createdAt = c.updatedAt = m_comparison.createdAt;
        c.settingsJson = m_setup.settingsFor(i).toJson();
        records.append(c);
        conversations.append({c, {}});
    }
    const ComparisonRecord record = m_comparison;
    m_history.write([record, records](ConversationStore& store) {
        return ComparisonStore(store).createComparison(record, records);
    });
    m_columns.clear();
    for (int i = 0; i < m_setup.columns.size(); ++i)
        m_columns.append(createColumn());
    m_board->setColumns(m_columns);
    m_letters.clear();
    for (int i = 0; i < m_columns.size(); ++i)
        m_letters.append(i);
    m_revealed = !m_setup.blind;
    m_voted = false;
    bindLanes(conversations);
    applyTitles();
    askAll(prompt);
    refreshList();
}

void ComparePage::bindLanes(const QList<Conversation>& conversations)
{
    for (int i = 0; i < conversations.size() && i < m_columns.size(); ++i) {
        // A network manager per column: one opens at most six HTTP/1.1 connections per server, and eight columns
        // on one local server must all stream at once.
        auto* network = new OfflineNetworkAccessManager(this);
        m_laneNetworks.append(network);
        const CompareServices services{m_config, m_secrets, m_catalog, m_history, *m_ticker,
                                       {*network, m_clock, m_scheduler, nullptr, nullptr}};
        auto* lane = new CompareLane(services, *m_columns.at(i), conversations.at(i), m_setup.settingsFor(i), this);
        lane->setLabel(titleOf(i));
        connect(lane, &CompareLane::turnStarted, this, [this] {
            ++m_running;
            setRunning(true);
        });
        connect(lane, &CompareLane::turnFinished, this, &ComparePage::onLaneFinished);
        connect(lane, &CompareLane::progressed, this, [this] {
            if (!m_traceDelay->isActive())
                m_traceDelay->start();
        });
        m_lanes.append(lane);
        if (i < m_setup.columns.size() && m_setup.columns.at(i).hidden)
            m_board->setColumnHidden(m_columns.at(i), true);
    }
    updateHiddenMenu();
}

void ComparePage::askAll(const QString& prompt)
{
    m_voted = false;
    updateBestButtons();
    m_starting = true; // a lane that fails at once must not end the run before the others began
    for (CompareLane* lane : std::as_const(m_lanes))
        lane->ask(prompt, m_setup.repeat, m_setup.concurrentRepeats);
    m_starting = false;
    if (m_running == 0)
        onLaneFinished();
}

void ComparePage::onLaneFinished()
{
    m_running = std::max(0, m_running - 1);
    if (m_running > 0 || m_starting)
        return;
    setRunning(false);
    m_traceDelay->stop();
    showAnswersFromTheirStart(0);
    updateTraces();
    updateMarksAndCharts();
    updateBestButtons();
    saveLayout();
    refreshList();
    updateEstimates();
    emit runFinished();
    // Later, not here: this runs inside the lanes' finish signals, and the action may delete the lanes.
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
    const QList<CompareLane*> lanes = m_lanes; // a stop can end the run at once
    for (CompareLane* lane : lanes)
        lane->stop();
}

} // namespace juxta
