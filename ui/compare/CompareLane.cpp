// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/CompareLane.h"

#include "answer/AnswerRun.h"
#include "chat/AnswerStreamer.h"
#include "chat/BranchPosition.h"
#include "chat/TranscriptView.h"
#include "common/FrameTicker.h"
#include "compare/CompareColumn.h"
#include "report/FigureFormat.h"
#include "compare/ComparisonLane.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace juxta {

CompareLane::CompareLane(ComparisonLane& lane, CompareColumn& column, FrameTicker& ticker, QObject* parent)
    : QObject(parent)
    , m_lane(lane)
    , m_column(column)
    , m_ticker(ticker)
    , m_label(lane.settings().model)
{
    connect(&m_ticker, &FrameTicker::tick, this, &CompareLane::updateLive);
    connect(m_column.transcript(), &TranscriptView::branchStepRequested, this, &CompareLane::stepBranch);
    connect(m_column.transcript(), &TranscriptView::regenerateRequested, this, &CompareLane::regenerate);
    connect(&m_lane, &ComparisonLane::pathChanged, this, &CompareLane::showPath);
    connect(&m_lane, &ComparisonLane::turnStarted, this, [this] {
        m_column.setStatus(ColumnStatus::Waiting);
        m_column.setFigures(tr("Waiting for the first token…"));
        emit turnStarted();
    });
    connect(&m_lane, &ComparisonLane::runStarted, this, &CompareLane::onRunStarted);
    connect(&m_lane, &ComparisonLane::runFinished, this, &CompareLane::onRunFinished);
    connect(&m_lane, &ComparisonLane::turnFinished, this, &CompareLane::onTurnFinished);
    showPath();
    showFinalFigures();
}

const ChatSettings& CompareLane::settings() const
{
    return m_lane.settings();
}

const ConversationRecord& CompareLane::conversation() const
{
    return m_lane.conversation();
}

QList<MessageRecord> CompareLane::shownPath() const
{
    return m_lane.shownPath();
}

const MessageRecord* CompareLane::shownAnswer() const
{
    return m_lane.shownAnswer();
}

bool CompareLane::isBusy() const
{
    return m_lane.isBusy();
}

ColumnFigures CompareLane::figures() const
{
    ColumnFigures f = m_lane.figures();
    f.label = m_label;
    return f;
}

RepeatStats CompareLane::repeatStats() const
{
    return m_lane.repeatStats();
}

void CompareLane::setAnonymous(const QString& name)
{
    if (name == m_anonymous)
        return;
    m_anonymous = name;
    m_column.transcript()->setMessageActions({.edit = false, .anotherModel = false, .anonymousAuthor = name});
    if (isBusy())
        return; // set before a turn starts; a running turn keeps its widgets
    showPath();
    showFinalFigures();
}

void CompareLane::showPath()
{
    const QList<MessageRecord> path = m_lane.shownPath();
    QList<BranchPosition> branches;
    for (const MessageRecord& m : path)
        branches.append(branchPositionOf(m_lane.tree(), m.id));
    m_column.transcript()->setMessages(path, branches);
}

void CompareLane::stepBranch(const QString& messageId, int step)
{
    if (m_lane.stepBranch(messageId, step))
        showFinalFigures();
}

void CompareLane::clearMarks()
{
    m_column.setMarks(false, false, false);
    m_column.setBest(false);
    m_column.setVotingEnabled(false);
    m_column.setRating(0);
}

void CompareLane::regenerate(const QString& answerId)
{
    if (isBusy())
        return;
    m_column.setMarks(false, false, false);
    m_lane.regenerate(answerId);
}

void CompareLane::stop()
{
    m_lane.stop();
}

void CompareLane::onRunStarted(AnswerRun* run, bool shown)
{
    m_column.setStatus(ColumnStatus::Streaming);
    if (!shown)
        return; // another repeat at once: it shows as a version when the turn ends
    delete m_streamer.data();
    m_streamer = new AnswerStreamer(*run, *m_column.transcript(), m_ticker, this);
    m_tokensSeen = -1;
}

void CompareLane::updateLive()
{
    const AnswerRun* run = m_lane.shownRun();
    if (!run || run->isFinished())
        return;
    const AnswerProgress p = run->progress();
    // Which target is being tried, or what failed while a retry waits (in blind mode without a name).
    QString liveTarget;
    if (!p.waitingAfter.isEmpty()) {
        const QString wait = formatDuration(p.waitMs);
        liveTarget = m_anonymous.isEmpty() ? tr("%1; trying again in %2").arg(p.waitingAfter, wait)
                                           : tr("Failed; trying again in %1").arg(wait);
    } else {
        if (!p.target.isEmpty() && p.target != m_lane.settings().model && m_anonymous.isEmpty())
            liveTarget = tr("via %1").arg(p.target); // a fallback (its name would give the model away when blind)
        if (p.retry > 0)
            liveTarget = (liveTarget.isEmpty() ? QString() : liveTarget + u' ') + tr("(retry %1)").arg(p.retry);
    }
    if (p.tokens == m_tokensSeen || !p.firstTokenMs) {
        if (!p.firstTokenMs) {
            const QString waiting = tr("Waiting for the first token… %1").arg(formatSeconds(qint64(p.elapsedMs)));
            m_column.setFigures(liveTarget.isEmpty() ? waiting : liveTarget + u'\n' + waiting);
        }
        return;
    }
    m_tokensSeen = p.tokens;
    QStringList parts{tr("TTFT %1").arg(formatDuration(*p.firstTokenMs)),
                      tr("%1 s").arg(QLocale().toString(p.elapsedMs / 1000.0, 'f', 1)),
                      tr("≈ %1 tokens").arg(QLocale().toString(qRound64(p.tokens)))};
    if (p.tokensPerSecond)
        parts.insert(1, tr("≈ %1 tok/s").arg(QLocale().toString(*p.tokensPerSecond, 'f', 0)));
    const QString live = parts.join(u"  ·  "_s);
    m_column.setFigures(liveTarget.isEmpty() ? live : liveTarget + u'\n' + live);
    emit progressed();
}

void CompareLane::onRunFinished(const MessageRecord& answer)
{
    const int index = m_column.transcript()->indexOf(answer.id);
    if (index >= 0)
        m_column.transcript()->replaceMessage(index, answer, branchPositionOf(m_lane.tree(), answer.id));
    else if (answer.id == m_lane.leafId())
        showPath(); // failed before it was sent
    if (m_streamer && m_streamer->run() && m_streamer->run()->answerId() == answer.id) {
        m_streamer->deleteLater();
        m_streamer = nullptr;
    }
}

void CompareLane::onTurnFinished()
{
    if (m_lane.stoppedBeforeSending()) {
        m_column.setStatus(ColumnStatus::Stopped);
        m_column.setFigures(tr("Stopped before it was sent."));
    } else {
        showFinalFigures();
    }
    emit turnFinished();
}

void CompareLane::showFinalFigures()
{
    const MessageRecord* answer = m_lane.shownAnswer();
    if (!answer) {
        m_column.setStatus(ColumnStatus::Ready);
        m_column.setFigures({});
        return;
    }
    switch (answer->state) {
    case MessageState::Complete: m_column.setStatus(ColumnStatus::Done); break;
    case MessageState::Failed: m_column.setStatus(ColumnStatus::Failed); break;
    case MessageState::Streaming: m_column.setStatus(ColumnStatus::Streaming); break;
    case MessageState::Stopped:
    case MessageState::Interrupted: m_column.setStatus(ColumnStatus::Stopped); break;
    }
    AnswerStats stats = answer->stats;
    if (!m_anonymous.isEmpty()) { // blind: the figures, not the names
        stats.requestedModel.clear();
        stats.servedBy.clear();
        stats.servedModel.clear();
    }
    QString text = answerFigureLines(stats).join(u'\n');
    QString spoken = answerFiguresSpoken(stats);
    const RepeatStats repeat = m_lane.repeatStats();
    if (repeat.runs > 1) {
        text += u'\n' + formatRepeatStats(repeat);
        spoken += u' ' + repeatStatsSpoken(repeat);
    }
    m_column.setFigures(text, m_anonymous.isEmpty() ? stats.fallbackNotes.join(u'\n') : QString(), spoken);
    m_column.setVotingEnabled(true);
}

} // namespace juxta
