// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/CompareLane.h"

#include "catalog/CatalogService.h"
#include "chat/AnswerStreamer.h"
#include "chat/ChatRequestBuilder.h"
#include "chat/TargetResolver.h"
#include "chat/TranscriptView.h"
#include "common/FrameTicker.h"
#include "compare/CompareColumn.h"
#include "compare/CompareFormat.h"
#include "config/ConfigStore.h"
#include "pricing/BudgetGuard.h"
#include "storage/HistoryService.h"

using namespace Qt::StringLiterals;

namespace juxta {

CompareLane::CompareLane(CompareServices services, CompareColumn& column, Conversation conversation,
                         ChatSettings settings, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_column(column)
    , m_conversation(conversation.record)
    , m_tree(conversation.messages)
    , m_settings(std::move(settings))
    , m_label(m_settings.model)
{
    connect(&m_services.ticker, &FrameTicker::tick, this, &CompareLane::updateLive);
    connect(m_column.transcript(), &TranscriptView::branchStepRequested, this, &CompareLane::stepBranch);
    connect(m_column.transcript(), &TranscriptView::regenerateRequested, this, &CompareLane::regenerate);
    const QString leaf = m_tree.leafOrLatest(m_conversation.currentLeafId);
    showPath(leaf);
    showFinalFigures();
}

CompareLane::~CompareLane()
{
    // Streamers stop (answers kept as stopped) and are deleted with this object.
    m_stopped = true;
    for (AnswerStreamer* streamer : std::as_const(m_streamers))
        streamer->disconnect(this);
}

void CompareLane::setAnonymous(const QString& name)
{
    if (name == m_anonymous)
        return;
    m_anonymous = name;
    m_column.transcript()->setMessageActions({.edit = false, .anotherModel = false, .anonymousAuthor = name});
    if (isBusy())
        return; // set before a turn starts; a running turn keeps its widgets
    showPath(m_leafId);
    showFinalFigures();
}

QList<MessageRecord> CompareLane::shownPath() const
{
    return m_leafId.isEmpty() ? QList<MessageRecord>() : m_tree.pathTo(m_leafId);
}

const MessageRecord* CompareLane::shownAnswer() const
{
    const MessageRecord* leaf = m_tree.find(m_leafId);
    return leaf && leaf->role == MessageRole::Assistant ? leaf : nullptr;
}

void CompareLane::showPath(const QString& leafId)
{
    m_leafId = leafId;
    const QList<MessageRecord> path = shownPath();
    QList<BranchPosition> branches;
    for (const MessageRecord& m : path)
        branches.append(branchPositionOf(m_tree, m.id));
    m_column.transcript()->setMessages(path, branches);
}

void CompareLane::stepBranch(const QString& messageId, int step)
{
    if (isBusy())
        return; // the running turn stays on screen (ratings and votes go to the answer shown)
    const QStringList siblings = m_tree.siblingsOf(messageId);
    const qsizetype at = siblings.indexOf(messageId);
    if (at < 0 || at + step < 0 || at + step >= siblings.size())
        return;
    showPath(m_tree.latestLeafUnder(siblings.at(at + step)));
    const QString conversationId = m_conversation.id;
    const QString leaf = m_leafId;
    m_services.history.write([conversationId, leaf](ConversationStore& s) { return s.setCurrentLeaf(conversationId, leaf); });
    if (!isBusy())
        showFinalFigures();
}

void CompareLane::ask(const QString& prompt, int repeat, bool concurrent)
{
    if (isBusy())
        return;
    MessageRecord question;
    question.id = newRecordId();
    question.conversationId = m_conversation.id;
    question.parentId = m_leafId;
    question.role = MessageRole::User;
    question.content = prompt;
    question.createdAt = QDateTime::currentDateTimeUtc();
    m_services.history.write([question](ConversationStore& store) { return store.saveMessage(question); });
    m_tree.upsert(question);
    showPath(question.id);
    m_column.setMarks(false, false, false);
    m_column.setBest(false);
    m_column.setVotingEnabled(false);
    m_column.setRating(0);
    resolveAndRun(question.id, repeat, concurrent);
}

void CompareLane::regenerate(const QString& answerId)
{
    const MessageRecord* answer = m_tree.find(answerId);
    if (isBusy() || !answer || answer->parentId.isEmpty())
        return;
    m_column.setMarks(false, false, false);
    resolveAndRun(answer->parentId, 1, false);
}

void CompareLane::resolveAndRun(const QString& questionId, int repeat, bool concurrent)
{
    emit turnStarted();
    m_questionId = questionId;
    m_turnAnswers.clear();
    m_stopped = false;
    m_resolving = true;
    m_column.setStatus(ColumnStatus::Waiting);
    m_column.setFigures(tr("Waiting for the first token…"));
    QStringList references{m_settings.model};
    for (const QString& fallback : std::as_const(m_settings.fallbacks)) {
        if (!references.contains(fallback))
            references.append(fallback);
    }
    const quint64 generation = ++m_generation;
    resolveTargets(m_services.config.config(), m_services.secrets, m_services.catalog.catalog(), references, this,
                   [this, generation, repeat, concurrent](const ResolvedTargets& resolved) {
        if (generation != m_generation)
            return;
        m_resolving = false;
        if (m_stopped) {
            m_column.setStatus(ColumnStatus::Stopped);
            m_column.setFigures(tr("Stopped before it was sent."));
            emit turnFinished();
            return;
        }
        if (resolved.targets.isEmpty()) {
            failWithoutCall(resolved.problems.join(u"; "_s));
            return;
        }
        m_targets = resolved.targets;
        m_request = buildChatRequest(m_tree.pathTo(m_questionId), m_settings, m_targets.constFirst().model);
        if (concurrent) {
            for (int run = 0; run < repeat; ++run)
                startRun(run == 0);
        } else {
            m_queued = repeat - 1;
            startRun(true);
        }
    });
}

void CompareLane::startRun(bool show)
{
    MessageRecord answer;
    answer.id = newRecordId();
    answer.conversationId = m_conversation.id;
    answer.parentId = m_questionId;
    answer.role = MessageRole::Assistant;
    answer.state = MessageState::Streaming;
    answer.stats.requestedModel = m_settings.model;
    answer.createdAt = QDateTime::currentDateTimeUtc();
    m_tree.upsert(answer);
    m_turnAnswers.append(answer.id);
    if (show) {
        showPath(answer.id); // the newest run replaces the previous one on screen; the others stay versions
        m_liveClock.start();
        m_liveTtftMs.reset();
        m_tokensSeenChars = 0;
        m_liveTokens = 0;
        m_trace.clear();
        m_trace.add(0, 0);
    }
    const ModelCatalog& catalog = m_services.catalog.catalog();
    auto priceFor = [&catalog](const Target& t) { return catalog.entry(t.profile, t.model).price; };
    auto* streamer = new AnswerStreamer(m_services.resilience, m_services.history, *m_column.transcript(),
                                        m_services.ticker, answer, m_request, m_targets, priceFor, this);
    m_streamers.append(streamer);
    if (show) {
        m_shown = streamer;
        m_liveTarget.clear();
        connect(&streamer->recorder(), &AnswerRecorder::restarted, this, [this, streamer] {
            if (streamer != m_shown)
                return;
            // A fallback after partial output: its text starts again, and so do the live figures.
            m_tokensSeenChars = 0;
            m_liveTokens = 0;
            m_liveTtftMs.reset();
            m_trace.add(double(m_liveClock.nsecsElapsed()) / 1e6, 0);
        });
        connect(&streamer->recorder(), &AnswerRecorder::attemptStarted, this,
                [this, streamer](const QString& target, int retry) {
            if (streamer != m_shown)
                return;
            if (target != m_settings.model && m_anonymous.isEmpty()) // a fallback's name would give the model away
                m_liveTarget = tr("via %1").arg(target);
            else
                m_liveTarget.clear();
            if (retry > 0)
                m_liveTarget = (m_liveTarget.isEmpty() ? QString() : m_liveTarget + u' ') + tr("(retry %1)").arg(retry);
        });
        connect(&streamer->recorder(), &AnswerRecorder::retryScheduled, this,
                [this, streamer](const QString& failure, int delayMs) {
            if (streamer != m_shown)
                return;
            // Said while the wait lasts ("… was rate-limited (HTTP 429); trying again in 1.00 s"); in blind mode
            // without the name.
            const QString wait = formatMilliseconds(delayMs);
            m_liveTarget = m_anonymous.isEmpty() ? tr("%1; trying again in %2").arg(failure, wait)
                                                 : tr("Failed; trying again in %1").arg(wait);
        });
    }
    connect(streamer, &AnswerStreamer::finished, this,
            [this, streamer](const MessageRecord& record) { onRunFinished(streamer, record); });
    m_column.setStatus(ColumnStatus::Streaming);
    streamer->start();
}

void CompareLane::updateLive()
{
    if (!m_shown || !m_liveClock.isValid())
        return;
    const Transcript& t = m_shown->recorder().transcript();
    if (t.length() == m_tokensSeenChars && t.reasoning().isEmpty()) {
        if (!m_liveTtftMs) {
            const QString waiting = tr("Waiting for the first token… %1").arg(formatSeconds(m_liveClock.elapsed()));
            m_column.setFigures(m_liveTarget.isEmpty() ? waiting : m_liveTarget + u'\n' + waiting);
        }
        return;
    }
    const double elapsedMs = double(m_liveClock.nsecsElapsed()) / 1e6;
    if (!m_liveTtftMs)
        m_liveTtftMs = elapsedMs;
    // Tokens so far, estimated from the new text only: the cost per frame does not grow with the answer.
    m_liveTokens += double(estimateTokens(t.textFrom(m_tokensSeenChars)));
    m_tokensSeenChars = t.length();
    m_trace.add(elapsedMs, m_liveTokens);
    const double generating = (elapsedMs - *m_liveTtftMs) / 1000.0;
    const QString rate = generating > 0.2 ? tr("≈ %1 tok/s").arg(QLocale().toString(m_liveTokens / generating, 'f', 0))
                                          : QString();
    QStringList parts{tr("TTFT %1").arg(formatMilliseconds(*m_liveTtftMs)),
                      tr("%1 s").arg(QLocale().toString(elapsedMs / 1000.0, 'f', 1)),
                      tr("≈ %1 tokens").arg(QLocale().toString(qRound64(m_liveTokens)))};
    if (!rate.isEmpty())
        parts.insert(1, rate);
    const QString live = parts.join(u"  ·  "_s);
    m_column.setFigures(m_liveTarget.isEmpty() ? live : m_liveTarget + u'\n' + live);
    emit progressed();
}

void CompareLane::onRunFinished(AnswerStreamer* streamer, const MessageRecord& answer)
{
    m_tree.upsert(answer);
    const int index = m_column.transcript()->indexOf(answer.id);
    if (index >= 0)
        m_column.transcript()->replaceMessage(index, answer, branchPositionOf(m_tree, answer.id));
    if (answer.stats.costUsd) {
        const double cost = *answer.stats.costUsd; // the day's spending, for the budget guard (off the UI thread)
        m_services.history.write([cost](ConversationStore&) {
            SpendLedger(SpendLedger::defaultPath()).record(cost);
            return true;
        });
    }
    if (streamer == m_shown && m_liveClock.isValid()) { // the live line ends where and when the answer ended
        m_trace.add(double(m_liveClock.nsecsElapsed()) / 1e6, m_liveTokens);
        if (answer.stats.outputTokens)
            m_trace.scaleTo(double(*answer.stats.outputTokens));
    }
    m_streamers.removeOne(streamer);
    streamer->deleteLater();
    if (m_queued > 0 && !m_stopped) {
        --m_queued;
        startRun(true);
        return;
    }
    m_queued = 0;
    if (!m_streamers.isEmpty())
        return;
    m_shown = nullptr;
    if (m_turnAnswers.size() > 1) // runs added after the shown one began: its "n / N" is out of date
        showPath(m_leafId);
    const QString conversationId = m_conversation.id;
    const QString leaf = m_leafId;
    m_services.history.write([conversationId, leaf](ConversationStore& s) { return s.setCurrentLeaf(conversationId, leaf); });
    showFinalFigures();
    emit turnFinished();
}

void CompareLane::failWithoutCall(const QString& why)
{
    MessageRecord answer;
    answer.id = newRecordId();
    answer.conversationId = m_conversation.id;
    answer.parentId = m_questionId;
    answer.role = MessageRole::Assistant;
    answer.state = MessageState::Failed;
    answer.stats.requestedModel = m_settings.model;
    answer.stats.errorClass = u"configuration"_s;
    answer.stats.errorMessage = why;
    answer.createdAt = QDateTime::currentDateTimeUtc();
    m_services.history.write([answer](ConversationStore& store) { return store.saveMessage(answer); });
    m_tree.upsert(answer);
    m_turnAnswers = {answer.id};
    showPath(answer.id);
    showFinalFigures();
    emit turnFinished();
}

void CompareLane::stop()
{
    m_stopped = true;
    m_queued = 0;
    if (m_resolving) { // still waiting for a key: the turn ends now, whatever the keychain answers later
        ++m_generation;
        m_resolving = false;
        m_column.setStatus(ColumnStatus::Stopped);
        m_column.setFigures(tr("Stopped before it was sent."));
        emit turnFinished();
        return;
    }
    const QList<AnswerStreamer*> running = m_streamers;
    for (AnswerStreamer* streamer : running)
        streamer->stop();
}

ColumnFigures CompareLane::figures() const
{
    ColumnFigures f;
    f.label = m_label;
    if (const MessageRecord* answer = shownAnswer()) {
        const AnswerStats& s = answer->stats;
        f.succeeded = answer->state == MessageState::Complete;
        f.ttftMs = s.ttftMs;
        f.totalMs = s.totalMs;
        f.costUsd = s.costUsd;
        f.outputTokens = s.outputTokens;
    }
    return f;
}

RepeatStats CompareLane::repeatStats() const
{
    QList<AnswerStats> runs;
    QList<bool> succeeded;
    QStringList ids = m_turnAnswers;
    if (ids.isEmpty() && shownAnswer()) // reopened: the versions of the answer shown are the runs
        ids = m_tree.siblingsOf(shownAnswer()->id);
    for (const QString& id : std::as_const(ids)) {
        if (const MessageRecord* m = m_tree.find(id)) {
            runs.append(m->stats);
            succeeded.append(m->state == MessageState::Complete);
        }
    }
    return repeatStatsOfAnswers(runs, succeeded);
}

void CompareLane::showFinalFigures()
{
    const MessageRecord* answer = shownAnswer();
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
    QString text = formatColumnFigures(stats);
    const RepeatStats repeat = repeatStats();
    if (repeat.runs > 1)
        text += u'\n' + formatRepeatStats(repeat);
    m_column.setFigures(text, m_anonymous.isEmpty() ? stats.fallbackNotes.join(u'\n') : QString());
    m_column.setVotingEnabled(true);
}

} // namespace juxta
