// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ComparisonStore.h"

#include "storage/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace juxta {

using sql::fromMs;
using sql::nullable;
using sql::optionalFrom;
using sql::toMs;

namespace {

QString resultName(PairVote::Result result)
{
    switch (result) {
    case PairVote::Result::FirstWins: return u"a"_s;
    case PairVote::Result::SecondWins: return u"b"_s;
    case PairVote::Result::Tie: break;
    }
    return u"tie"_s;
}

PairVote::Result resultFromName(const QString& name)
{
    if (name == u"a"_s)
        return PairVote::Result::FirstWins;
    if (name == u"b"_s)
        return PairVote::Result::SecondWins;
    return PairVote::Result::Tie;
}

ComparisonRecord readComparison(const QSqlQuery& query)
{
    ComparisonRecord record;
    record.id = query.value(0).toString();
    record.title = query.value(1).toString();
    record.createdAt = fromMs(query.value(2));
    record.updatedAt = fromMs(query.value(3));
    record.setupJson = query.value(4).toString().toUtf8();
    return record;
}

} // namespace

ComparisonStore::ComparisonStore(ConversationStore& conversations)
    : m_conversations(conversations)
    , m_db(conversations.database())
{
}

bool ComparisonStore::exec(const QString& statement, const QVariantList& values)
{
    return sql::exec(m_db, statement, values, m_lastError);
}

bool ComparisonStore::createComparison(const ComparisonRecord& c, const QList<ConversationRecord>& columns)
{
    return sql::inTransaction(m_db, [&] {
        if (!exec(u"INSERT INTO comparisons (id, title, created_at, updated_at, setup) VALUES (?, ?, ?, ?, ?)"_s,
                  {c.id, c.title, toMs(c.createdAt), toMs(c.updatedAt), QString::fromUtf8(c.setupJson)}))
            return false;
        for (int slot = 0; slot < columns.size(); ++slot) {
            if (!m_conversations.createConversation(columns.at(slot))) {
                m_lastError = m_conversations.lastError();
                return false;
            }
            if (!exec(u"UPDATE conversations SET comparison_id = ?, comparison_slot = ? WHERE id = ?"_s,
                      {c.id, slot, columns.at(slot).id}))
                return false;
        }
        return true;
    }, m_lastError);
}

bool ComparisonStore::saveSetup(const QString& id, const QByteArray& setupJson, const QStringList& columnIds)
{
    return sql::inTransaction(m_db, [&] {
        if (!exec(u"UPDATE comparisons SET setup = ?, updated_at = ? WHERE id = ?"_s,
                  {QString::fromUtf8(setupJson), QDateTime::currentMSecsSinceEpoch(), id}))
            return false;
        for (int slot = 0; slot < columnIds.size(); ++slot) {
            if (!exec(u"UPDATE conversations SET comparison_slot = ? WHERE id = ? AND comparison_id = ?"_s,
                      {slot, columnIds.at(slot), id}))
                return false;
        }
        return true;
    }, m_lastError);
}

bool ComparisonStore::renameComparison(const QString& id, const QString& title)
{
    return exec(u"UPDATE comparisons SET title = ? WHERE id = ?"_s, {title, id});
}

bool ComparisonStore::deleteComparison(const QString& id)
{
    // Messages go with their conversations (ON DELETE CASCADE).
    return sql::inTransaction(m_db, [&] {
        return exec(u"DELETE FROM conversations WHERE comparison_id = ?"_s, {id})
               && exec(u"DELETE FROM comparisons WHERE id = ?"_s, {id});
    }, m_lastError);
}

QList<ComparisonRecord> ComparisonStore::listComparisons(const QString& search) const
{
    QSqlQuery query(m_db);
    QString statement = u"SELECT id, title, created_at, updated_at, setup FROM comparisons"_s;
    const QString trimmed = search.trimmed();
    if (!trimmed.isEmpty())
        statement += u" WHERE instr(lower(title), lower(?)) > 0 OR instr(lower(setup), lower(?)) > 0"_s;
    statement += u" ORDER BY updated_at DESC"_s;
    query.prepare(statement);
    if (!trimmed.isEmpty()) {
        query.addBindValue(trimmed);
        query.addBindValue(trimmed);
    }
    QList<ComparisonRecord> list;
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return list;
    }
    while (query.next())
        list.append(readComparison(query));
    return list;
}

QHash<QString, double> ComparisonStore::costs() const
{
    QHash<QString, double> out;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT comparison_id, SUM(total_cost_usd) FROM conversations WHERE comparison_id IS NOT NULL"
                    " GROUP BY comparison_id"_s)) {
        m_lastError = query.lastError().text();
        return out;
    }
    while (query.next())
        out.insert(query.value(0).toString(), query.value(1).toDouble());
    return out;
}

std::optional<SavedComparison> ComparisonStore::loadComparison(const QString& id) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT id, title, created_at, updated_at, setup FROM comparisons WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec() || !query.next()) {
        m_lastError = query.lastError().text();
        return std::nullopt;
    }
    SavedComparison saved;
    saved.record = readComparison(query);

    QSqlQuery columns(m_db);
    columns.prepare(u"SELECT id FROM conversations WHERE comparison_id = ? ORDER BY comparison_slot, created_at"_s);
    columns.addBindValue(id);
    if (!columns.exec()) {
        m_lastError = columns.lastError().text();
        return std::nullopt;
    }
    QStringList ids;
    while (columns.next())
        ids.append(columns.value(0).toString());
    for (const QString& columnId : std::as_const(ids)) {
        std::optional<Conversation> conversation = m_conversations.loadConversation(columnId);
        if (!conversation) {
            m_lastError = m_conversations.lastError();
            return std::nullopt;
        }
        saved.columns.append(std::move(*conversation));
    }
    QSqlQuery voted(m_db);
    voted.prepare(u"SELECT 1 FROM votes WHERE comparison_id = ? LIMIT 1"_s);
    voted.addBindValue(id);
    saved.voted = voted.exec() && voted.next();
    QSqlQuery traces(m_db);
    traces.setForwardOnly(true);
    traces.prepare(u"SELECT t.message_id, t.points FROM answer_traces t JOIN messages m ON m.id = t.message_id"
                   " JOIN conversations c ON c.id = m.conversation_id WHERE c.comparison_id = ?"_s);
    traces.addBindValue(id);
    if (traces.exec()) {
        while (traces.next())
            saved.traces.insert(traces.value(0).toString(), traces.value(1).toString().toUtf8());
    }
    return saved;
}

bool ComparisonStore::rate(const QString& messageId, const QString& target, int score)
{
    if (score == 0)
        return exec(u"DELETE FROM ratings WHERE message_id = ?"_s, {messageId});
    return exec(u"INSERT OR REPLACE INTO ratings (message_id, target, score, rated_at) VALUES (?, ?, ?, ?)"_s,
                {messageId, target, score > 0 ? 1 : -1, QDateTime::currentMSecsSinceEpoch()});
}

QHash<QString, int> ComparisonStore::ratings(const QStringList& messageIds) const
{
    QHash<QString, int> scores;
    QSqlQuery query(m_db);
    query.prepare(u"SELECT score FROM ratings WHERE message_id = ?"_s);
    for (const QString& id : messageIds) {
        query.addBindValue(id);
        if (query.exec() && query.next())
            scores.insert(id, query.value(0).toInt());
    }
    return scores;
}

bool ComparisonStore::recordVotes(const QList<VoteRow>& votes)
{
    return sql::inTransaction(m_db, [&] {
        for (const VoteRow& v : votes) {
            if (!exec(u"INSERT INTO votes (comparison_id, message_a, message_b, model_a, model_b, result, blind,"
                      " voted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                      {nullable(v.comparisonId), nullable(v.messageA), nullable(v.messageB), v.vote.first,
                       v.vote.second, resultName(v.vote.result), int(v.blind), toMs(v.vote.at)}))
                return false;
        }
        return true;
    }, m_lastError);
}

QList<PairVote> ComparisonStore::votes() const
{
    QList<PairVote> list;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT model_a, model_b, result, voted_at FROM votes ORDER BY voted_at, id"_s)) {
        m_lastError = query.lastError().text();
        return list;
    }
    while (query.next()) {
        list.append({query.value(0).toString(), query.value(1).toString(),
                     resultFromName(query.value(2).toString()), fromMs(query.value(3))});
    }
    return list;
}

QList<VoteRow> ComparisonStore::votesOf(const QString& comparisonId) const
{
    QList<VoteRow> list;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT message_a, message_b, model_a, model_b, result, blind, voted_at FROM votes"
                  " WHERE comparison_id = ? ORDER BY voted_at, id"_s);
    query.addBindValue(comparisonId);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return list;
    }
    while (query.next()) {
        list.append({comparisonId, query.value(0).toString(), query.value(1).toString(),
                     {query.value(2).toString(), query.value(3).toString(), resultFromName(query.value(4).toString()),
                      fromMs(query.value(6))},
                     query.value(5).toBool()});
    }
    return list;
}

QList<UsagePoint> ComparisonStore::usagePoints(int limit) const
{
    QList<UsagePoint> points;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT r.target, r.ttft_ms, r.total_ms, r.output_tokens, r.cost_usd, g.score, r.started_at"
                  " FROM request_log r LEFT JOIN ratings g ON g.message_id = r.message_id"
                  " WHERE r.error_class = '' ORDER BY r.started_at DESC LIMIT ?"_s);
    query.addBindValue(limit);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return points;
    }
    while (query.next()) {
        UsagePoint p;
        p.target = query.value(0).toString();
        p.ttftMs = optionalFrom<double>(query.value(1));
        p.totalMs = optionalFrom<double>(query.value(2));
        p.outputTokens = optionalFrom<qint64>(query.value(3));
        p.costUsd = optionalFrom<double>(query.value(4));
        p.rating = optionalFrom<int>(query.value(5));
        p.startedAt = fromMs(query.value(6));
        points.append(std::move(p));
    }
    return points;
}

} // namespace juxta
