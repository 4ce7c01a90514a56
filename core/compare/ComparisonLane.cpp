// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/ComparisonLane.h"

#include "answer/AnswerEngine.h"
#include "storage/HistoryService.h"

using namespace Qt::StringLiterals;

namespace juxta {

ComparisonLane::ComparisonLane(AnswerEngine& engine, QNetworkAccessManager& network, Conversation conversation,
                               ChatSettings settings, quint32 seedBase, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_network(network)
    , m_conversation(conversation.record)
    , m_tree(conversation.messages)
    , m_settings(std::move(settings))
    , m_seedBase(seedBase)
    , m_leafId(m_tree.leafOrLatest(m_conversation.currentLeafId))
{
}

ComparisonLane::~ComparisonLane()
{
    m_stopped = true;
    const QList<AnswerRun*> running = m_runs;
    for (AnswerRun* run : running) {
        run->disconnect(this);
        delete run; // saved as stopped, with what arrived
    }
}

AnswerRun* ComparisonLane::shownRun() const
{
    return m_shown;
}

QList<MessageRecord> ComparisonLane::shownPath() const
{
    return m_leafId.isEmpty() ? QList<MessageRecord>() : m_tree.pathTo(m_leafId);
}

const MessageRecord* ComparisonLane::shownAnswer() const
{
    const MessageRecord* leaf = m_tree.find(m_leafId);
    return leaf && leaf->role == MessageRole::Assistant ? leaf : nullptr;
}

void ComparisonLane::setLeaf(const QString& leafId, Leaf how)
{
    m_leafId = leafId;
    if (how != Leaf::Show && m_engine.history()) {
        const QString conversationId = m_conversation.id;
        m_engine.history()->write(
            [conversationId, leafId](ConversationStore& s) { return s.setCurrentLeaf(conversationId, leafId); });
    }
    if (how != Leaf::Save)
        emit pathChanged();
}

bool ComparisonLane::stepBranch(const QString& messageId, int step)
{
    if (isBusy())
        return false; // the running turn stays on screen (ratings and votes go to the answer shown)
    const QStringList siblings = m_tree.siblingsOf(messageId);
    const qsizetype at = siblings.indexOf(messageId);
    if (at < 0 || at + step < 0 || at + step >= siblings.size())
        return false;
    setLeaf(m_tree.latestLeafUnder(siblings.at(at + step)), Leaf::ShowAndSave);
    return true;
}

void ComparisonLane::ask(const QString& prompt, int repeat, bool concurrent)
{
    if (isBusy())
        return;
    const MessageRecord question = AnswerEngine::newQuestion(m_conversation.id, m_leafId, prompt);
    if (HistoryService* history = m_engine.history())
        history->write([question](ConversationStore& store) { return store.saveMessage(question); });
    m_tree.upsert(question);
    setLeaf(question.id, Leaf::Show);
    resolveAndRun(question.id, std::max(1, repeat), concurrent);
}

void ComparisonLane::regenerate(const QString& answerId)
{
    const MessageRecord* answer = m_tree.find(answerId);
    if (isBusy() || !answer || answer->parentId.isEmpty())
        return;
    resolveAndRun(answer->parentId, 1, false);
}

void ComparisonLane::resolveAndRun(const QString& questionId, int repeat, bool concurrent)
{
    m_questionId = questionId;
    m_turnAnswerIds.clear();
    m_turnRecords.clear();
    m_turnOutcomes.clear();
    m_started = 0;
    m_stopped = false;
    m_stoppedBeforeSending = false;
    m_resolving = true;
    emit turnStarted();
    const quint64 generation = ++m_generation;
    m_engine.prepare(m_tree.pathTo(questionId), m_settings, this,
                     [this, generation, repeat, concurrent](const PreparedAnswer& prepared) {
        if (generation != m_generation)
            return; // stopped meanwhile: the turn already ended
        m_resolving = false;
        if (!prepared.isReady()) {
            const MessageRecord failed = m_engine.recordUnsent(
                AnswerEngine::newAnswer(m_conversation.id, m_questionId, m_settings.model),
                prepared.problems.join(u"; "_s));
            m_tree.upsert(failed);
            m_turnAnswerIds = {failed.id};
            m_turnRecords = {failed};
            m_turnOutcomes = {RoutedOutcome{}};
            setLeaf(failed.id, Leaf::Show);
            emit runFinished(failed);
            endTurn();
            return;
        }
        m_prepared = std::make_unique<PreparedAnswer>(prepared);
        m_launching = true; // a run that ends at once must not end the turn before the others began
        if (concurrent) {
            for (int run = 0; run < repeat; ++run)
                startRun(run == 0);
        } else {
            m_queued = repeat - 1;
            startRun(true);
        }
        m_launching = false;
        if (m_runs.isEmpty() && m_queued == 0)
            endTurn();
    });
}

void ComparisonLane::startRun(bool show)
{
    const MessageRecord answer = AnswerEngine::newAnswer(m_conversation.id, m_questionId, m_settings.model);
    m_tree.upsert(answer);
    m_turnAnswerIds.append(answer.id);
    m_turnRecords.append(answer);
    m_turnOutcomes.append(RoutedOutcome{});
    // A seed per lane and run: split routing stays reproducible, lanes and runs do not mirror each other.
    AnswerRun* run = m_engine.newRun(*m_prepared, answer, this, &m_network, m_seedBase + quint32(++m_started));
    m_runs.append(run);
    if (show) {
        m_shown = run;
        setLeaf(answer.id, Leaf::Show); // the newest run replaces the previous one on screen; the others stay versions
    }
    connect(run, &AnswerRun::finished, this, [this, run](const MessageRecord& record, const RoutedOutcome& outcome) {
        onRunFinished(run, record, outcome);
    });
    emit runStarted(run, show);
    run->start();
}

void ComparisonLane::onRunFinished(AnswerRun* run, const MessageRecord& answer, const RoutedOutcome& outcome)
{
    m_tree.upsert(answer);
    m_traces.insert(answer.id, run->trace().points());
    const qsizetype index = m_turnAnswerIds.indexOf(answer.id);
    if (index >= 0) {
        m_turnRecords[index] = answer;
        m_turnOutcomes[index] = outcome;
    }
    m_runs.removeOne(run);
    run->deleteLater();
    emit runFinished(answer);
    if (m_queued > 0 && !m_stopped) {
        --m_queued;
        startRun(true);
        return;
    }
    m_queued = 0;
    if (m_runs.isEmpty() && !m_launching)
        endTurn();
}

void ComparisonLane::endTurn()
{
    m_shown = nullptr;
    // Shown again only when runs were added after the shown one began (its "n / N" is out of date): laying a
    // long answer out anew at the end of every turn would stall the window.
    setLeaf(m_leafId, m_turnAnswerIds.size() > 1 ? Leaf::ShowAndSave : Leaf::Save);
    emit turnFinished();
}

void ComparisonLane::stop()
{
    m_stopped = true;
    m_queued = 0;
    if (m_resolving) { // still waiting for a key: the turn ends now, whatever the keychain answers later
        ++m_generation;
        m_resolving = false;
        m_stoppedBeforeSending = true;
        emit turnFinished();
        return;
    }
    const QList<AnswerRun*> running = m_runs;
    for (AnswerRun* run : running)
        run->stop();
}

ColumnFigures ComparisonLane::figures() const
{
    ColumnFigures f;
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

RepeatStats ComparisonLane::repeatStats() const
{
    QList<AnswerStats> runs;
    QList<bool> succeeded;
    QStringList ids = m_turnAnswerIds;
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

QList<QPointF> ComparisonLane::trace() const
{
    if (m_shown)
        return m_shown->trace().points();
    const MessageRecord* answer = shownAnswer();
    return answer ? m_traces.value(answer->id) : QList<QPointF>();
}

void ComparisonLane::setSavedTraces(const QHash<QString, QByteArray>& traces)
{
    for (auto it = traces.cbegin(); it != traces.cend(); ++it)
        m_traces.insert(it.key(), ThroughputTrace::pointsFromJson(it.value()));
}

} // namespace juxta
