// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/Comparison.h"

#include "answer/AnswerEngine.h"
#include "common/Permutation.h"
#include "offline/OfflineNetwork.h"
#include "storage/HistoryService.h"

#include <QRandomGenerator>

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

QString titleFromPrompt(const QString& prompt)
{
    const QString title = prompt.simplified();
    return title.size() > 60 ? title.left(59) + u'…' : title;
}

} // namespace

Comparison::Comparison(AnswerEngine& engine, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
{
}

Comparison::~Comparison()
{
    close();
}

void Comparison::close()
{
    m_running = 0;
    m_starting = false;
    for (ComparisonLane* lane : std::as_const(m_lanes))
        lane->disconnect(this);
    qDeleteAll(m_lanes); // their answers are saved as stopped
    m_lanes.clear();
    m_networks.clear(); // after the lanes: their calls' replies belong to these
    m_record = {};
    m_setup = {};
    m_voted = false;
}

void Comparison::start(const CompareSetup& setup, const QString& prompt)
{
    close();
    m_setup = setup;
    if (m_setup.blind) // a column's place must not give its model away
        std::shuffle(m_setup.columns.begin(), m_setup.columns.end(), *QRandomGenerator::global());
    m_voted = false;
    m_record = {};
    m_record.id = newRecordId();
    m_record.title = titleFromPrompt(prompt);
    m_record.createdAt = m_record.updatedAt = QDateTime::currentDateTimeUtc();
    m_record.setupJson = m_setup.toJson();
    QList<ConversationRecord> records;
    QList<Conversation> conversations;
    for (int i = 0; i < m_setup.columns.size(); ++i) {
        ConversationRecord c;
        c.id = newRecordId();
        c.title = m_setup.columnLabel(i) + u": "_s + m_record.title;
        c.createdAt = c.updatedAt = m_record.createdAt;
        c.settingsJson = m_setup.settingsFor(i).toJson();
        records.append(c);
        conversations.append({c, {}});
    }
    if (HistoryService* history = m_engine.history()) {
        const ComparisonRecord record = m_record;
        history->write([record, records](ConversationStore& store) {
            return ComparisonStore(store).createComparison(record, records);
        });
    }
    bindLanes(conversations, {});
    ask(prompt);
}

void Comparison::open(const SavedComparison& saved)
{
    close();
    m_record = saved.record;
    m_setup = CompareSetup::fromJson(saved.record.setupJson);
    m_voted = saved.voted;
    const qsizetype count = std::min(saved.columns.size(), m_setup.columns.size());
    m_setup.columns.resize(count);
    bindLanes(saved.columns.mid(0, count), saved.traces);
}

void Comparison::bindLanes(const QList<Conversation>& conversations, const QHash<QString, QByteArray>& traces)
{
    for (int i = 0; i < conversations.size() && i < m_setup.columns.size(); ++i) {
        m_networks.push_back(std::make_unique<OfflineNetworkAccessManager>());
        auto* lane = new ComparisonLane(m_engine, *m_networks.back(), conversations.at(i), m_setup.settingsFor(i),
                                        quint32(i) * 1000);
        lane->setSavedTraces(traces);
        connect(lane, &ComparisonLane::turnStarted, this, [this, lane] {
            ++m_running;
            emit laneTurnStarted(int(m_lanes.indexOf(lane)));
        });
        connect(lane, &ComparisonLane::turnFinished, this, [this, lane] {
            m_running = std::max(0, m_running - 1);
            emit laneTurnFinished(int(m_lanes.indexOf(lane)));
            onLaneTurnFinished();
        });
        m_lanes.append(lane);
    }
    emit lanesBound();
}

void Comparison::setRepeat(int repeat, bool concurrent)
{
    m_setup.repeat = std::max(1, repeat);
    m_setup.concurrentRepeats = concurrent;
}

void Comparison::ask(const QString& prompt)
{
    if (isRunning() || m_lanes.isEmpty())
        return;
    m_voted = false; // one vote per turn
    m_starting = true; // a lane that fails at once must not end the run before the others began
    for (ComparisonLane* lane : std::as_const(m_lanes))
        lane->ask(prompt, m_setup.repeat, m_setup.concurrentRepeats);
    m_starting = false;
    onLaneTurnFinished(); // every lane may have failed at once (no usable model)
}

void Comparison::onLaneTurnFinished()
{
    if (m_running > 0 || m_starting)
        return;
    saveLayout();
    emit finished();
}

void Comparison::stop()
{
    const QList<ComparisonLane*> lanes = m_lanes; // a stop can end the run at once
    for (ComparisonLane* lane : lanes)
        lane->stop();
}

bool Comparison::continuesWith(const CompareSetup& wanted) const
{
    return !m_lanes.isEmpty() && sameColumns(wanted.columns, m_setup.columns) && wanted.shared == m_setup.shared;
}

Comparison::Estimate Comparison::estimateNext(const CompareSetup& wanted, const QString& prompt) const
{
    const bool followUp = continuesWith(wanted);
    Estimate out;
    QList<std::optional<CostEstimate>> costs;
    for (int i = 0; i < wanted.columns.size(); ++i) {
        QList<QString> texts;
        ChatSettings settings = wanted.settingsFor(i);
        if (followUp && i < m_lanes.size()) {
            for (const MessageRecord& m : m_lanes.at(i)->shownPath())
                texts.append(m.content);
            settings = m_lanes.at(i)->settings();
        }
        texts.append(prompt);
        const std::optional<SendEstimate> e = m_engine.estimate(settings, texts);
        out.columns.append(e);
        costs.append(e ? e->cost : std::nullopt);
    }
    out.total = totalEstimate(costs, wanted.repeat);
    return out;
}

void Comparison::reorder(const QList<int>& from)
{
    if (!isPermutation(from, m_lanes.size()) || m_setup.columns.size() != m_lanes.size())
        return; // a lane twice (and another lost) would be deleted twice
    permute(m_setup.columns, from);
    permute(m_lanes, from);
    saveLayout();
}

void Comparison::setHidden(int lane, bool hidden)
{
    if (lane < 0 || lane >= m_setup.columns.size() || m_setup.columns.at(lane).hidden == hidden)
        return;
    m_setup.columns[lane].hidden = hidden;
    saveLayout();
}

void Comparison::saveLayout()
{
    HistoryService* history = m_engine.history();
    if (!history || m_record.id.isEmpty() || m_lanes.size() != m_setup.columns.size())
        return;
    QStringList ids;
    for (ComparisonLane* lane : std::as_const(m_lanes))
        ids.append(lane->conversation().id);
    const QString id = m_record.id;
    const QByteArray json = m_setup.toJson();
    m_record.setupJson = json;
    history->write([id, json, ids](ConversationStore& store) { return ComparisonStore(store).saveSetup(id, json, ids); });
}

QString Comparison::authorOf(int lane) const
{
    const ComparisonLane* l = m_lanes.value(lane);
    if (!l)
        return {};
    const MessageRecord* answer = l->shownAnswer();
    return answer && !answer->stats.servedBy.isEmpty() ? answer->stats.servedBy : l->settings().model;
}

void Comparison::rate(int lane, int score)
{
    const ComparisonLane* l = m_lanes.value(lane);
    HistoryService* history = m_engine.history();
    if (!l || !l->shownAnswer() || !history)
        return;
    const QString id = l->shownAnswer()->id;
    const QString model = authorOf(lane);
    history->write([id, model, score](ConversationStore& store) { return ComparisonStore(store).rate(id, model, score); });
}

bool Comparison::recordVotes(const QList<VoteRow>& votes)
{
    if (votes.isEmpty())
        return false;
    if (HistoryService* history = m_engine.history())
        history->write([votes](ConversationStore& store) { return ComparisonStore(store).recordVotes(votes); });
    m_voted = true;
    return true;
}

bool Comparison::voteBest(int best)
{
    if (m_voted || isRunning() || best < 0 || best >= m_lanes.size() || !m_lanes.at(best)->shownAnswer())
        return false;
    const bool blind = !isRevealed();
    QList<VoteRow> votes;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int other = 0; other < m_lanes.size(); ++other) {
        if (other == best || m_setup.columns.at(other).hidden || !m_lanes.at(other)->shownAnswer())
            continue;
        votes.append({m_record.id, m_lanes.at(best)->shownAnswer()->id, m_lanes.at(other)->shownAnswer()->id,
                      {authorOf(best), authorOf(other), PairVote::Result::FirstWins, now}, blind});
    }
    // A best among one visible answer is still the user's choice: it reveals, even with nothing to record.
    if (!recordVotes(votes))
        m_voted = true;
    return true;
}

bool Comparison::voteTie()
{
    if (m_voted || isRunning() || m_lanes.size() < 2)
        return false;
    const bool blind = !isRevealed();
    QList<VoteRow> votes;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int a = 0; a < m_lanes.size(); ++a) {
        for (int b = a + 1; b < m_lanes.size(); ++b) {
            const MessageRecord* first = m_lanes.at(a)->shownAnswer();
            const MessageRecord* second = m_lanes.at(b)->shownAnswer();
            if (!first || !second || m_setup.columns.at(a).hidden || m_setup.columns.at(b).hidden)
                continue;
            votes.append({m_record.id, first->id, second->id,
                          {authorOf(a), authorOf(b), PairVote::Result::Tie, now}, blind});
        }
    }
    return recordVotes(votes);
}

QString Comparison::continueAsChat(int lane)
{
    const ComparisonLane* l = m_lanes.value(lane);
    HistoryService* history = m_engine.history();
    if (!l || !l->shownAnswer() || !history)
        return {};
    Conversation copy;
    copy.record.id = newRecordId();
    copy.record.title = m_record.title;
    copy.record.createdAt = copy.record.updatedAt = QDateTime::currentDateTimeUtc();
    copy.record.settingsJson = l->settings().toJson();
    QString parent;
    for (MessageRecord m : l->shownPath()) {
        m.id = newRecordId();
        m.conversationId = copy.record.id;
        m.parentId = parent;
        parent = m.id;
        copy.messages.append(m);
    }
    copy.record.currentLeafId = parent;
    history->write([copy](ConversationStore& store) { return store.importConversation(copy); });
    return copy.record.id;
}

} // namespace juxta
