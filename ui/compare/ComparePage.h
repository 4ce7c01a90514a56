// SPDX-License-Identifier: GPL-3.0-or-later
// The compare view: one prompt to 2–8 models side by side. Ties together the setup bar, the columns (one
// CompareLane each), the run charts, the prompt box and the saved comparisons: sending under the budget guard,
// follow-up turns, marks, ratings and blind votes, diff, export, re-run and reopening. Implemented in three files:
// ComparePage.cpp (building the page, running), ComparePageFigures.cpp (estimates, marks, charts) and
// ComparePageHistory.cpp (saved comparisons, votes, dialogs).
#pragma once

#include "compare/CompareSetup.h"
#include "common/MonotonicClock.h"
#include "routing/Scheduler.h"
#include "storage/ComparisonStore.h"

#include <QPointer>
#include <functional>
#include <QWidget>

class QNetworkAccessManager;
class QSplitter;
class QTimer;
class QToolButton;

namespace juxta {

class CatalogService;
class ChatSettingsPanel;
class CompareBoard;
class CompareColumn;
class CompareLane;
class CompareSetupBar;
class ComparisonList;
class Composer;
class ConfigStore;
class FrameTicker;
class HistoryService;
class RunCharts;
class SecretStore;

class ComparePage final : public QWidget
{
    Q_OBJECT

public:
    ComparePage(ConfigStore& config, SecretStore& secrets, CatalogService& catalog, HistoryService& history,
                QWidget* parent = nullptr);
    ~ComparePage() override;

    void send(const QString& prompt);   // a new comparison, or the next turn of the one shown
    void stopAll();
    void newComparison();                // keeps the models, clears the columns
    void startWith(const CompareSetup& setup, const QString& prompt); // a new comparison of these columns, sent
    void openComparison(const QString& id);
    void rerun();                        // the same setup and first prompt, as a new comparison
    void deleteComparison(const QString& id);
    bool exportComparison(const QString& path); // .md or .json, chosen by the suffix
    void voteBest(int lane);
    void voteTie();
    void showDiff();
    void showLeaderboard();
    void showHistoryCharts();
    void setChartsVisible(bool visible);

    bool isRunning() const;
    QString currentComparisonId() const { return m_comparison.id; }
    CompareSetup setup() const;
    QList<CompareLane*> lanes() const { return m_lanes; }
    CompareSetupBar* setupBar() const { return m_setupBar; }
    CompareBoard* board() const { return m_board; }
    RunCharts* charts() const { return m_charts; }
    Composer* composer() const { return m_composer; }
    ComparisonList* list() const { return m_list; }
    ChatSettingsPanel* settingsPanel() const { return m_settings; }

signals:
    void runFinished();
    void statusMessage(const QString& text, int timeoutMs);
    void continueInChat(const QString& conversationId); // a column's branch, copied into a normal conversation
    void listRefreshed();

private:
    void buildDraftColumns();
    void clearLanes();
    bool continuesShown(const CompareSetup& wanted) const; // the next send is a follow-up turn
    void sendGuarded(const QString& prompt, const CompareSetup& wanted, bool followUp); // under the budget guard
    void startComparison(const QString& prompt, const CompareSetup& setup);
    void askAll(const QString& prompt);
    void bindLanes(const QList<Conversation>& conversations);
    void onLaneFinished();
    void showAnswersFromTheirStart(int fromLane);
    void updateMarksAndCharts();
    void updateBestButtons();
    void updateTraces();
    void updateEstimates();
    void applyTitles();
    void saveLayout();
    void refreshList();
    void continueLane(int lane);
    void setRunning(bool running);
    void whenIdle(std::function<void()> action); // now, or after stopping what runs
    CompareColumn* createColumn();
    void onOrderChanged();
    void hideColumn(CompareColumn* column);
    void rate(CompareColumn* column, int score);
    void updateHiddenMenu();
    QString titleOf(int lane) const;
    int laneOf(CompareColumn* column) const;
    QString authorOf(int lane) const; // for ratings and votes

    ConfigStore& m_config;
    SecretStore& m_secrets;
    CatalogService& m_catalog;
    HistoryService& m_history;

    SteadyClock m_clock;
    EventLoopScheduler m_scheduler;
    FrameTicker* m_ticker;
    ComparisonList* m_list;
    CompareSetupBar* m_setupBar;
    ChatSettingsPanel* m_settings;
    CompareBoard* m_board;
    RunCharts* m_charts;
    QSplitter* m_boardSplit;
    Composer* m_composer;
    QToolButton* m_hiddenColumns;
    QTimer* m_estimateDelay;
    QTimer* m_traceDelay;

    ComparisonRecord m_comparison;  // id empty: a draft, saved on the first send
    CompareSetup m_setup;           // of the comparison shown (the bar may have moved on: then the next send is new)
    QList<CompareColumn*> m_columns; // in setup order (= display order: a move reorders both)
    QList<CompareLane*> m_lanes;    // in setup order; empty for a draft
    QList<QNetworkAccessManager*> m_laneNetworks; // one per lane
    QList<int> m_letters;           // blind mode: the letter each lane shows until a vote reveals the names
    bool m_revealed = true;
    bool m_voted = false;
    int m_running = 0;              // lanes answering now
    bool m_starting = false;
    bool m_checkingBudget = false;
    quint64 m_generation = 0;
    std::function<void()> m_whenIdle;
};

} // namespace juxta
