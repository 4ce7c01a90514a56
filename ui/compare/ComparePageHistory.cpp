// SPDX-License-Identifier: GPL-3.0-or-later
// ComparePage, second part: saved comparisons (open, re-run, delete, export), column order and visibility, ratings
// and votes, carrying a column on as a chat, and the dialogs. What is read and written goes through the engine
// and ComparisonHistory; ComparePage.cpp builds the page and runs, ComparePageFigures.cpp shows the figures.
#include "compare/ComparePage.h"

#include "charts/HistoryCharts.h"
#include "common/Permutation.h"
#include "charts/RunCharts.h"
#include "chat/ChatSettingsPanel.h"
#include "chat/Composer.h"
#include "compare/CompareBoard.h"
#include "compare/CompareColumn.h"
#include "compare/CompareLane.h"
#include "compare/CompareSetupBar.h"
#include "compare/Comparison.h"
#include "compare/ComparisonList.h"
#include "compare/DiffDialog.h"
#include "compare/LeaderboardDialog.h"
#include "report/ExportDialog.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QMenu>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {

void ComparePage::refreshList()
{
    m_saved.list(m_list->searchText(), this, [this](const QList<ComparisonRecord>& list) {
        m_list->setComparisons(list);
        m_list->setCurrent(currentComparisonId());
        emit listRefreshed();
    });
}

void ComparePage::openComparison(const QString& id)
{
    if (id == currentComparisonId() && !m_lanes.isEmpty())
        return;
    whenIdle([this, id] {
        const quint64 generation = ++m_generation;
        m_saved.load(id, this, [this, generation](const std::optional<SavedComparison>& saved) {
            if (generation != m_generation || isRunning())
                return; // sent, opened or started something else meanwhile
            if (!saved) {
                emit statusMessage(tr("That comparison could not be read."), 6000);
                return;
            }
            clearLanes();
            const CompareSetup setup = CompareSetup::fromJson(saved->record.setupJson);
            CompareSetup shown = setup;
            if (setup.blind && !saved->voted) // the chips must not give away which column is which
                std::sort(shown.columns.begin(), shown.columns.end(),
                          [](const auto& a, const auto& b) { return a.overrides.model < b.overrides.model; });
            m_setupBar->setSetup(shown);
            m_settings->setSettings(setup.shared);
            m_columns.clear();
            m_letters.clear();
            const qsizetype count = std::min(saved->columns.size(), setup.columns.size());
            for (int i = 0; i < count; ++i) {
                m_columns.append(createColumn());
                m_letters.append(i);
            }
            m_board->setColumns(m_columns);
            m_comparison->open(*saved); // lanesBound() puts the views on the columns
            updateMarksAndCharts();
            updateTraces();
            updateEstimates();
            updateBestButtons();
            m_list->setCurrent(currentComparisonId());
            QStringList answers;
            for (CompareLane* lane : std::as_const(m_lanes))
                answers.append(lane->shownAnswer() ? lane->shownAnswer()->id : QString());
            m_saved.ratings(answers, this, [this, answers](const QHash<QString, int>& ratings) {
                for (int i = 0; i < m_columns.size() && i < answers.size(); ++i)
                    m_columns.at(i)->setRating(ratings.value(answers.at(i)));
            });
        });
    });
}

void ComparePage::rerun()
{
    if (m_lanes.isEmpty() || isRunning())
        return;
    const QList<MessageRecord> path = m_lanes.constFirst()->shownPath();
    if (path.isEmpty())
        return;
    const QString prompt = path.constFirst().content;
    CompareSetup again = m_comparison->setup();
    again.repeat = m_setupBar->repeat();
    again.concurrentRepeats = m_setupBar->concurrentRepeats();
    sendGuarded(prompt, again, false);
}

void ComparePage::deleteComparison(const QString& id)
{
    whenIdle([this, id] {
        m_saved.remove(id);
        if (id == currentComparisonId())
            buildDraftColumns();
        refreshList();
    });
}

bool ComparePage::exportComparison(const QString& path)
{
    const QString id = currentComparisonId();
    const std::optional<ReportFormat> format = reportFormatFromPath(path);
    if (id.isEmpty() || !format)
        return false;
    if (*format == ReportFormat::Json) {
        m_saved.exportTo(id, path, this, [this, path](bool ok) {
            emit statusMessage(ok ? tr("Exported to %1").arg(path) : tr("Could not write %1").arg(path), 6000);
        });
        return true;
    }
    m_saved.writeReport(id, ReportOptions(), *format, path, this, [this](const ReportWriteResult& result) {
        emit statusMessage(result.ok ? tr("Exported to %1").arg(result.written.value(0)) : result.error, 6000);
    });
    return true;
}

void ComparePage::openExportDialog()
{
    const QString id = currentComparisonId();
    if (id.isEmpty()) {
        emit statusMessage(tr("Nothing to export yet: run the comparison first."), 5000);
        return;
    }
    auto* dialog = new ExportDialog(ReportKind::Comparison, m_comparison->record().title,
                                    {{tr("Comparison data — lossless JSON, every column's conversation"), u"json"_s,
                                      u"json"_s}},
                                    this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::exportRequested, this, [this, id, dialog](const ExportDialog::Choice& choice) {
        if (!choice.report) {
            m_saved.exportTo(id, choice.path, dialog, [dialog, path = choice.path](bool ok) {
                ok ? dialog->showWritten({path}) : dialog->showFailed(ExportDialog::tr("could not write %1").arg(path));
            });
            return;
        }
        m_saved.writeReport(id, choice.options, *choice.report, choice.path, dialog,
                            [dialog](const ReportWriteResult& result) { dialog->showResult(result); });
    });
    dialog->open();
}

void ComparePage::onOrderChanged()
{
    const QList<CompareColumn*> order = m_board->columns();
    QList<int> from;
    for (CompareColumn* column : order)
        from.append(int(m_columns.indexOf(column)));
    if (!isPermutation(from, m_columns.size()))
        return;
    permute(m_columns, from);
    permute(m_lanes, from);
    permute(m_letters, from);
    if (m_lanes.isEmpty()) { // a draft: the bar shows the new order too
        permute(m_draft.columns, from);
        CompareSetup bar = setup();
        bar.columns = m_draft.columns;
        m_setupBar->setSetup(bar);
    } else {
        m_comparison->reorder(from);
    }
    applyTitles();
    if (!isRunning() && !m_lanes.isEmpty()) {
        updateMarksAndCharts();
        updateTraces();
    }
}

void ComparePage::hideColumn(CompareColumn* column)
{
    m_board->setColumnHidden(column, true); // saved through visibilityChanged
}

void ComparePage::updateHiddenMenu()
{
    QMenu* menu = m_hiddenColumns->menu();
    menu->clear();
    int hidden = 0;
    for (CompareColumn* column : std::as_const(m_columns)) {
        if (!column->isHidden())
            continue;
        ++hidden;
        menu->addAction(tr("Show %1").arg(column->title()), this,
                        [this, column] { m_board->setColumnHidden(column, false); });
    }
    m_hiddenColumns->setText(tr("Hidden columns (%1)").arg(hidden));
    m_hiddenColumns->setVisible(hidden > 0);
}

void ComparePage::setChartsVisible(bool visible)
{
    m_charts->setVisible(visible);
}

void ComparePage::rate(CompareColumn* column, int score)
{
    m_comparison->rate(laneOf(column), score);
}

void ComparePage::voteBest(int best)
{
    if (!m_comparison->voteBest(best))
        return;
    for (int i = 0; i < m_columns.size(); ++i)
        m_columns.at(i)->setBest(i == best);
    afterVote(tr("Vote saved: %1 was best.").arg(titleOf(best)));
}

void ComparePage::voteTie()
{
    if (m_comparison->voteTie())
        afterVote(tr("Vote saved: a tie."));
}

void ComparePage::afterVote(const QString& message)
{
    updateBestButtons();
    applyTitles(); // a blind comparison shows its names now
    updateMarksAndCharts();
    updateTraces();
    emit statusMessage(message, 6000);
}

void ComparePage::continueLane(int lane)
{
    const QString id = m_comparison->continueAsChat(lane);
    if (!id.isEmpty())
        emit continueInChat(id);
}

void ComparePage::showDiff()
{
    QStringList labels, texts;
    for (int i = 0; i < m_lanes.size(); ++i) {
        if (const MessageRecord* answer = m_lanes.at(i)->shownAnswer()) {
            labels.append(titleOf(i));
            texts.append(answer->content);
        }
    }
    if (labels.size() < 2) {
        emit statusMessage(tr("A diff needs two answers."), 5000);
        return;
    }
    auto* dialog = new DiffDialog(labels, texts, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ComparePage::showLeaderboard()
{
    m_saved.leaderboard(this, [this](const QList<LeaderboardRow>& rows) {
        auto* dialog = new LeaderboardDialog(rows, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void ComparePage::showHistoryCharts()
{
    m_saved.usagePoints(this, [this](const QList<UsagePoint>& points) {
        auto* dialog = new QDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setObjectName(u"historyChartsDialog"_s);
        dialog->setWindowTitle(tr("Models across your history"));
        auto* charts = new HistoryCharts(dialog);
        charts->setPoints(points);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
        auto* layout = new QVBoxLayout(dialog);
        layout->addWidget(charts, 1);
        layout->addWidget(buttons);
        dialog->resize(1000, 720);
        dialog->open();
    });
}

} // namespace juxta
