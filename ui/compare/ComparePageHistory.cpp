// SPDX-License-Identifier: GPL-3.0-or-later
// ComparePage, second part: what touches saved comparisons (open, re-run, delete, export, column order and
// visibility), ratings and votes, carrying a column on as a chat, and the dialogs. ComparePage.cpp builds the
// page and runs comparisons; ComparePageFigures.cpp shows their figures.
#include "compare/ComparePage.h"

#include "charts/HistoryCharts.h"
#include "charts/RunCharts.h"
#include "chat/ChatSettingsPanel.h"
#include "chat/Composer.h"
#include "compare/CompareBoard.h"
#include "compare/CompareColumn.h"
#include "compare/CompareLane.h"
#include "compare/CompareSetupBar.h"
#include "compare/ComparisonExport.h"
#include "compare/ComparisonList.h"
#include "compare/DiffDialog.h"
#include "compare/LeaderboardDialog.h"
#include "storage/HistoryService.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QMenu>
#include <QSaveFile>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {

void ComparePage::refreshList()
{
    const QString search = m_list->searchText();
    m_history.read<QList<ComparisonRecord>>(
        [search](ConversationStore& store) { return ComparisonStore(store).listComparisons(search); }, this,
        [this](const QList<ComparisonRecord>& list) {
            m_list->setComparisons(list);
            m_list->setCurrent(m_comparison.id);
            emit listRefreshed();
        });
}

void ComparePage::openComparison(const QString& id)
{
    if (id == m_comparison.id && !m_lanes.isEmpty())
        return;
    whenIdle([this, id] {
        const quint64 generation = ++m_generation;
        m_history.read<std::optional<SavedComparison>>(
            [id](ConversationStore& store) { return ComparisonStore(store).loadComparison(id); }, this,
            [this, generation](const std::optional<SavedComparison>& saved) {
                if (generation != m_generation || isRunning())
                    return; // sent, opened or started something else meanwhile
                if (!saved) {
                    emit statusMessage(tr("That comparison could not be read."), 6000);
                    return;
                }
                clearLanes();
                m_comparison = saved->record;
                m_setup = CompareSetup::fromJson(saved->record.setupJson);
                m_voted = saved->voted;
                m_revealed = !m_setup.blind || m_voted;
                CompareSetup shown = m_setup;
                if (!m_revealed) // the chips must not give away which column is which
                    std::sort(shown.columns.begin(), shown.columns.end(),
                              [](const auto& a, const auto& b) { return a.overrides.model < b.overrides.model; });
                m_setupBar->setSetup(shown);
                m_settings->setSettings(m_setup.shared);
                m_columns.clear();
                const qsizetype count = std::min(saved->columns.size(), m_setup.columns.size());
                m_setup.columns.resize(count);
                m_letters.clear();
                for (int i = 0; i < count; ++i) {
                    m_columns.append(createColumn());
                    m_letters.append(i);
                }
                m_board->setColumns(m_columns);
                bindLanes(saved->columns.mid(0, count));
                applyTitles();
                updateMarksAndCharts();
                updateTraces();
                updateEstimates();
                updateBestButtons();
                m_list->setCurrent(m_comparison.id);
                QStringList answers;
                for (CompareLane* lane : std::as_const(m_lanes))
                    answers.append(lane->shownAnswer() ? lane->shownAnswer()->id : QString());
                m_history.read<QHash<QString, int>>(
                    [answers](ConversationStore& store) { return ComparisonStore(store).ratings(answers); }, this,
                    [this, answers](const QHash<QString, int>& ratings) {
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
    CompareSetup again = m_setup;
    again.repeat = m_setupBar->repeat();
    again.concurrentRepeats = m_setupBar->concurrentRepeats();
    sendGuarded(prompt, again, false);
}

void ComparePage::deleteComparison(const QString& id)
{
    whenIdle([this, id] {
        m_history.write([id](ConversationStore& store) { return ComparisonStore(store).deleteComparison(id); });
        if (id == m_comparison.id)
            buildDraftColumns();
        refreshList();
    });
}

bool ComparePage::exportComparison(const QString& path)
{
    if (m_comparison.id.isEmpty())
        return false;
    const QString id = m_comparison.id;
    const bool json = path.endsWith(u".json"_s, Qt::CaseInsensitive);
    // Read and written on the history thread: a large comparison never holds up the window.
    m_history.read<bool>(
        [id, path, json](ConversationStore& store) {
            const std::optional<SavedComparison> saved = ComparisonStore(store).loadComparison(id);
            if (!saved)
                return false;
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return false;
            file.write(json ? exportComparisonJson(*saved) : exportComparisonMarkdown(*saved).toUtf8());
            return file.commit();
        },
        this, [this, path](bool ok) {
            emit statusMessage(ok ? tr("Exported to %1").arg(path) : tr("Could not write %1").arg(path), 6000);
        });
    return true;
}

void ComparePage::saveLayout()
{
    if (m_comparison.id.isEmpty() || m_lanes.size() != m_setup.columns.size())
        return;
    for (int i = 0; i < m_columns.size() && i < m_setup.columns.size(); ++i)
        m_setup.columns[i].hidden = m_columns.at(i)->isHidden();
    QStringList ids;
    for (CompareLane* lane : std::as_const(m_lanes))
        ids.append(lane->conversation().id);
    const QString id = m_comparison.id;
    const QByteArray json = m_setup.toJson();
    m_comparison.setupJson = json;
    m_history.write([id, json, ids](ConversationStore& store) { return ComparisonStore(store).saveSetup(id, json, ids); });
}

void ComparePage::onOrderChanged()
{
    const QList<CompareColumn*> order = m_board->columns();
    QList<int> from;
    for (CompareColumn* column : order)
        from.append(int(m_columns.indexOf(column)));
    const auto permute = [&from](auto& list) {
        std::remove_reference_t<decltype(list)> moved;
        for (int index : std::as_const(from)) {
            if (index >= 0 && index < list.size())
                moved.append(list.at(index));
        }
        if (moved.size() == list.size())
            list = moved;
    };
    permute(m_columns);
    permute(m_setup.columns);
    permute(m_lanes);
    permute(m_letters);
    if (m_lanes.isEmpty()) { // a draft: the bar shows the new order too
        CompareSetup bar = setup();
        bar.columns = m_setup.columns;
        m_setupBar->setSetup(bar);
    }
    applyTitles();
    saveLayout();
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

QString ComparePage::authorOf(int lane) const
{
    // The model that wrote the answer shown: a fallback's answer counts for the fallback.
    const MessageRecord* answer = m_lanes.at(lane)->shownAnswer();
    return answer && !answer->stats.servedBy.isEmpty() ? answer->stats.servedBy : m_lanes.at(lane)->settings().model;
}

void ComparePage::rate(CompareColumn* column, int score)
{
    const int lane = laneOf(column);
    if (lane < 0 || lane >= m_lanes.size() || !m_lanes.at(lane)->shownAnswer())
        return;
    const QString id = m_lanes.at(lane)->shownAnswer()->id;
    const QString model = authorOf(lane);
    m_history.write([id, model, score](ConversationStore& store) {
        return ComparisonStore(store).rate(id, model, score);
    });
}

void ComparePage::voteBest(int best)
{
    if (m_voted || isRunning() || best < 0 || best >= m_lanes.size() || !m_lanes.at(best)->shownAnswer())
        return;
    QList<VoteRow> votes;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int other = 0; other < m_lanes.size(); ++other) {
        if (other == best || m_columns.at(other)->isHidden() || !m_lanes.at(other)->shownAnswer())
            continue;
        votes.append({m_comparison.id, m_lanes.at(best)->shownAnswer()->id, m_lanes.at(other)->shownAnswer()->id,
                      {authorOf(best), authorOf(other), PairVote::Result::FirstWins, now}, !m_revealed});
    }
    m_history.write([votes](ConversationStore& store) { return ComparisonStore(store).recordVotes(votes); });
    m_voted = true;
    m_revealed = true;
    for (int i = 0; i < m_columns.size(); ++i)
        m_columns.at(i)->setBest(i == best);
    updateBestButtons();
    applyTitles();
    updateMarksAndCharts();
    updateTraces();
    emit statusMessage(tr("Vote saved: %1 was best.").arg(titleOf(best)), 6000);
}

void ComparePage::voteTie()
{
    if (m_voted || isRunning() || m_lanes.size() < 2)
        return;
    QList<VoteRow> votes;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int a = 0; a < m_lanes.size(); ++a) {
        for (int b = a + 1; b < m_lanes.size(); ++b) {
            const MessageRecord* first = m_lanes.at(a)->shownAnswer();
            const MessageRecord* second = m_lanes.at(b)->shownAnswer();
            if (!first || !second || m_columns.at(a)->isHidden() || m_columns.at(b)->isHidden())
                continue;
            votes.append({m_comparison.id, first->id, second->id,
                          {authorOf(a), authorOf(b), PairVote::Result::Tie, now}, !m_revealed});
        }
    }
    if (votes.isEmpty())
        return;
    m_history.write([votes](ConversationStore& store) { return ComparisonStore(store).recordVotes(votes); });
    m_voted = true;
    m_revealed = true;
    updateBestButtons();
    applyTitles();
    updateMarksAndCharts();
    updateTraces();
    emit statusMessage(tr("Vote saved: a tie."), 6000);
}

void ComparePage::continueLane(int lane)
{
    if (lane < 0 || lane >= m_lanes.size() || !m_lanes.at(lane)->shownAnswer())
        return;
    // A copy of the branch shown, as a conversation of its own: the comparison stays as it was.
    Conversation copy;
    copy.record.id = newRecordId();
    copy.record.title = m_comparison.title;
    copy.record.createdAt = copy.record.updatedAt = QDateTime::currentDateTimeUtc();
    copy.record.settingsJson = m_lanes.at(lane)->settings().toJson();
    QString parent;
    for (MessageRecord m : m_lanes.at(lane)->shownPath()) {
        m.id = newRecordId();
        m.conversationId = copy.record.id;
        m.parentId = parent;
        parent = m.id;
        copy.messages.append(m);
    }
    copy.record.currentLeafId = parent;
    m_history.write([copy](ConversationStore& store) { return store.importConversation(copy); });
    emit continueInChat(copy.record.id);
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
    m_history.read<QList<PairVote>>([](ConversationStore& store) { return ComparisonStore(store).votes(); }, this,
                                    [this](const QList<PairVote>& votes) {
        auto* dialog = new LeaderboardDialog(leaderboardOf(votes), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void ComparePage::showHistoryCharts()
{
    m_history.read<QList<UsagePoint>>([](ConversationStore& store) { return ComparisonStore(store).usagePoints(); },
                                      this, [this](const QList<UsagePoint>& points) {
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
