// SPDX-License-Identifier: GPL-3.0-or-later
// The compare view: one prompt to 2–8 models side by side, over the core compare engine (Comparison). Ties
// together the setup bar, the columns (a CompareLane view each), the run charts, the prompt box and the saved
// comparisons, and hands gestures to the engine: sending under the budget guard, follow-up turns, ratings and
// blind votes, diff, export, re-run and reopening. Implemented in three files: ComparePage.cpp (building the page,
// running), ComparePageFigures.cpp (estimates, marks, charts) and ComparePageHistory.cpp (saved comparisons,
// votes, dialogs).
#pragma once

#include "compare/CompareSetup.h"
#include "compare/ComparisonHistory.h"
#include "storage/ComparisonStore.h"

#include <QPointer>
#include <functional>
#include <QWidget>

class QSplitter;
class QTimer;
class QToolButton;

namespace juxta {

class AnswerEngine;
class CatalogService;
class ChatSettingsPanel;
class CompareBoard;
class CompareColumn;
class CompareLane;
class CompareSetupBar;
class Comparison;
class ComparisonList;
class Composer;
class ConfigStore;
class FrameTicker;
class HistoryService;
class RunCharts;

class ComparePage final : public QWidget
{
    Q_OBJECT

public:
    ComparePage(ConfigStore& config, AnswerEngine& engine, CatalogService& catalog, HistoryService& history,
                QWidget* parent = nullptr);
    ~ComparePage() override;

    void send(const QString& prompt);   // a new comparison, or the next turn of the one shown
    void stopAll();
    void newComparison();                // keeps the models, clears the columns
    void startWith(const CompareSetup& setup, const QString& prompt); // a new comparison of these columns, sent
    void openComparison(const QString& id);
    void rerun();                        // the same setup and first prompt, as a new comparison
    void deleteComparison(const QString& id);
    // .json: the lossless comparison; .html, .md, .csv: a report with the usual parts. False without a saved one.
    bool exportComparison(const QString& path);
    void openExportDialog(); // the Export dialog: a report in any format, or the lossless JSON
    void voteBest(int lane);
    void voteTie();
    void showDiff();
    void showLeaderboard();
    void showHistoryCharts();
    void setChartsVisible(bool visible);

    bool isRunning() const;
    QString currentComparisonId() const;
    CompareSetup setup() const;
    QList<CompareLane*> lanes() const { return m_lanes; }
    CompareSetupBar* setupBar() const { return m_setupBar; }
    CompareBoard* board() const { return m_board; }
    RunCharts* charts() const { return m_charts; }
    Composer* composer() const { return m_composer; }
    ComparisonList* list() const { return m_list; }
    ChatSettingsPanel* settingsPanel() const { return m_settings; }
    Comparison* comparison() const { return m_comparison; }

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
    void bindLanes();
    void onRunFinished();
    void showAnswersFromTheirStart(int fromLane);
    void updateMarksAndCharts();
    void updateBestButtons();
    void updateTraces();
    void updateEstimates();
    void applyTitles();
    void refreshList();
    void continueLane(int lane);
    void setRunning(bool running);
    void whenIdle(std::function<void()> action); // now, or after stopping what runs
    CompareColumn* createColumn();
    void onOrderChanged();
    void hideColumn(CompareColumn* column);
    void rate(CompareColumn* column, int score);
    void afterVote(const QString& message);
    void updateHiddenMenu();
    QString titleOf(int lane) const;
    int laneOf(CompareColumn* column) const;
    bool isRevealed() const;

    ConfigStore& m_config;
    AnswerEngine& m_engine;
    ComparisonHistory m_saved;

    FrameTicker* m_ticker;
    Comparison* m_comparison;       // the engine: lanes, runs, what is recorded
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

    CompareSetup m_draft;            // the columns of a draft (nothing sent yet); the engine's setup once open
    QList<CompareColumn*> m_columns; // in setup order (= display order: a move reorders both)
    QList<CompareLane*> m_lanes;     // views of the engine's lanes, in setup order; empty for a draft
    QList<int> m_letters;            // blind mode: the letter each lane shows until a vote reveals the names
    bool m_checkingBudget = false;
    quint64 m_generation = 0;
    std::function<void()> m_whenIdle;
};

} // namespace juxta
