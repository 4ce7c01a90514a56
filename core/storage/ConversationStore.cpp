// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ConversationStore.h"

#include "storage/SqlValues.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace juxta {

using sql::fromMs;
using sql::nullable;
using sql::optionalFrom;
using sql::toMs;

namespace {

// LIKE with the user's text taken literally.
QString likePattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

const QString kConversationColumns =
    u"id, title, created_at, updated_at, pinned, current_leaf, settings, total_cost_usd"_s;

ConversationRecord readConversation(const QSqlQuery& query)
{
    ConversationRecord record;
    record.id = query.value(0).toString();
    record.title = query.value(1).toString();
    record.createdAt = fromMs(query.value(2));
    record.updatedAt = fromMs(query.value(3));
    record.pinned = query.value(4).toBool();
    record.currentLeafId = query.value(5).toString();
    record.settingsJson = query.value(6).toString().toUtf8();
    record.totalCostUsd = query.value(7).toDouble();
    return record;
}

} // namespace

bool ConversationStore::exec(const QString& statement, const QVariantList& values)
{
    return sql::exec(m_db, statement, values, m_lastError);
}

bool ConversationStore::createConversation(const ConversationRecord& c)
{
    return exec(u"INSERT INTO conversations (id, title, created_at, updated_at, pinned, current_leaf, settings,"
                " total_cost_usd) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                {c.id, c.title, toMs(c.createdAt), toMs(c.updatedAt), int(c.pinned), nullable(c.currentLeafId),
                 QString::fromUtf8(c.settingsJson.isEmpty() ? QByteArray("{}") : c.settingsJson), c.totalCostUsd});
}

bool ConversationStore::renameConversation(const QString& id, const QString& title)
{
    return exec(u"UPDATE conversations SET title = ? WHERE id = ?"_s, {title, id});
}

bool ConversationStore::setPinned(const QString& id, bool pinned)
{
    return exec(u"UPDATE conversations SET pinned = ? WHERE id = ?"_s, {int(pinned), id});
}

bool ConversationStore::setCurrentLeaf(const QString& id, const QString& leafId)
{
    return exec(u"UPDATE conversations SET current_leaf = ? WHERE id = ?"_s, {nullable(leafId), id});
}

bool ConversationStore::saveSettings(const QString& id, const QByteArray& settingsJson)
{
    return exec(u"UPDATE conversations SET settings = ? WHERE id = ?"_s, {QString::fromUtf8(settingsJson), id});
}

bool ConversationStore::setDeleted(const QString& id, bool deleted)
{
    return exec(u"UPDATE conversations SET deleted_at = ? WHERE id = ?"_s,
                {deleted ? QVariant(QDateTime::currentMSecsSinceEpoch()) : QVariant(), id});
}

int ConversationStore::purgeDeleted()
{
    QSqlQuery query(m_db);
    // Messages go with their conversation (ON DELETE CASCADE); the request log is kept for statistics.
    if (!query.exec(u"DELETE FROM conversations WHERE deleted_at IS NOT NULL"_s)) {
        m_lastError = query.lastError().text();
        return 0;
    }
    return query.numRowsAffected();
}

QList<ConversationRecord> ConversationStore::listConversations(const QString& search) const
{
    QSqlQuery query(m_db);
    // Compare columns and a pipeline run's model steps are conversations too; they are listed with their
    // comparison or run.
    QString statement = u"SELECT %1 FROM conversations c WHERE deleted_at IS NULL AND comparison_id IS NULL"
                        " AND pipeline_run_id IS NULL"_s.arg(kConversationColumns);
    const QString trimmed = search.trimmed();
    if (!trimmed.isEmpty()) {
        statement += u" AND (c.title LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM messages m WHERE"
               " m.conversation_id = c.id AND m.content LIKE ? ESCAPE '\\'))"_s;
    }
    statement += u" ORDER BY pinned DESC, updated_at DESC"_s;
    query.prepare(statement);
    if (!trimmed.isEmpty()) {
        query.addBindValue(likePattern(trimmed));
        query.addBindValue(likePattern(trimmed));
    }
    QList<ConversationRecord> list;
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return list;
    }
    while (query.next())
        list.append(readConversation(query));
    return list;
}

std::optional<Conversation> ConversationStore::loadConversation(const QString& id) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT %1 FROM conversations WHERE id = ?"_s.arg(kConversationColumns));
    query.addBindValue(id);
    if (!query.exec() || !query.next()) {
        m_lastError = query.lastError().text();
        return std::nullopt;
    }
    Conversation conversation;
    conversation.record = readConversation(query);

    QSqlQuery messages(m_db);
    messages.setForwardOnly(true);
    messages.prepare(u"SELECT id, parent_id, role, content, reasoning, tool_calls, state, stats, created_at"
                     " FROM messages WHERE conversation_id = ? ORDER BY created_at, rowid"_s);
    messages.addBindValue(id);
    if (!messages.exec()) {
        m_lastError = messages.lastError().text();
        return std::nullopt;
    }
    while (messages.next()) {
        MessageRecord m;
        m.id = messages.value(0).toString();
        m.conversationId = id;
        m.parentId = messages.value(1).toString();
        m.role = messageRoleFromName(messages.value(2).toString()).value_or(MessageRole::User);
        m.content = messages.value(3).toString();
        m.reasoning = messages.value(4).toString();
        m.toolCallsJson = messages.value(5).toString();
        m.state = messageStateFromName(messages.value(6).toString()).value_or(MessageState::Interrupted);
        if (m.state == MessageState::Streaming && !m_live.contains(m.id))
            m.state = MessageState::Interrupted; // its writer is gone: a crash, a kill, a power cut
        m.stats = answerStatsFromJson(QJsonDocument::fromJson(messages.value(7).toString().toUtf8()).object());
        m.createdAt = fromMs(messages.value(8));
        conversation.messages.append(std::move(m));
    }
    return conversation;
}

bool ConversationStore::insertMessage(const MessageRecord& m, const QString& conversationId, bool replace)
{
    const QString stats = QString::fromUtf8(QJsonDocument(answerStatsToJson(m.stats)).toJson(QJsonDocument::Compact));
    return exec(u"INSERT%1 INTO messages (id, conversation_id, parent_id, role, content, reasoning, tool_calls, state,"
                " stats, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(replace ? u" OR REPLACE"_s : QString()),
                {m.id, conversationId, nullable(m.parentId), messageRoleName(m.role), m.content, m.reasoning,
                 m.toolCallsJson, messageStateName(m.state), stats, toMs(m.createdAt)});
}

bool ConversationStore::saveMessage(const MessageRecord& m)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return sql::inTransaction(m_db, [&] {
        return insertMessage(m, m.conversationId, true)
               && exec(u"UPDATE conversations SET updated_at = ?, current_leaf = ? WHERE id = ?"_s,
                       {now, m.id, m.conversationId})
               && refreshTotals(m.conversationId);
    }, m_lastError);
}

bool ConversationStore::refreshTotals(const QString& conversationId)
{
    return exec(u"UPDATE conversations SET total_cost_usd = COALESCE((SELECT SUM(json_extract(stats, '$.cost_usd'))"
                " FROM messages WHERE conversation_id = ?), 0) WHERE id = ?"_s,
                {conversationId, conversationId});
}

bool ConversationStore::savePartial(const QString& messageId, const QString& content, const QString& reasoning)
{
    return exec(u"UPDATE messages SET content = ?, reasoning = ? WHERE id = ?"_s, {content, reasoning, messageId});
}

void ConversationStore::setLive(const QString& messageId, bool live)
{
    if (live)
        m_live.insert(messageId);
    else
        m_live.remove(messageId);
}

bool ConversationStore::saveTrace(const QString& messageId, const QByteArray& pointsJson)
{
    return exec(u"INSERT OR REPLACE INTO answer_traces (message_id, points) VALUES (?, ?)"_s,
                {messageId, QString::fromUtf8(pointsJson)});
}

QHash<QString, QByteArray> ConversationStore::traces(const QStringList& messageIds) const
{
    QHash<QString, QByteArray> out;
    QSqlQuery query(m_db);
    query.prepare(u"SELECT points FROM answer_traces WHERE message_id = ?"_s);
    for (const QString& id : messageIds) {
        query.addBindValue(id);
        if (!query.exec()) {
            m_lastError = query.lastError().text();
            return out;
        }
        if (query.next())
            out.insert(id, query.value(0).toString().toUtf8());
        query.finish();
    }
    return out;
}

bool ConversationStore::logAttempts(const QList<AttemptLogRow>& rows)
{
    return sql::inTransaction(m_db, [&] {
        for (const AttemptLogRow& r : rows) {
            const bool ok = exec(
                u"INSERT INTO request_log (message_id, conversation_id, attempt, target, parameters, started_at, ttft_ms,"
                " total_ms, input_tokens, output_tokens, reasoning_tokens, cached_input_tokens, cost_usd, error_class,"
                " http_status, error_message, served_model) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                {nullable(r.messageId), nullable(r.conversationId), r.attempt, r.target,
                 r.parametersJson.isEmpty() ? u"{}"_s : r.parametersJson, toMs(r.startedAt), nullable(r.ttftMs),
                 nullable(r.totalMs), nullable(r.inputTokens), nullable(r.outputTokens), nullable(r.reasoningTokens),
                 nullable(r.cachedInputTokens), nullable(r.costUsd), r.errorClass, r.httpStatus, r.errorMessage,
                 r.servedModel});
            if (!ok)
                return false;
        }
        return true;
    }, m_lastError);
}

QList<AttemptLogRow> ConversationStore::attemptsFor(const QString& messageId) const
{
    QList<AttemptLogRow> rows;
    QSqlQuery query(m_db);
    query.prepare(u"SELECT message_id, conversation_id, attempt, target, parameters, started_at, ttft_ms, total_ms,"
                  " input_tokens, output_tokens, reasoning_tokens, cached_input_tokens, cost_usd, error_class,"
                  " http_status, error_message, served_model FROM request_log WHERE message_id = ? ORDER BY attempt"_s);
    query.addBindValue(messageId);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return rows;
    }
    while (query.next()) {
        AttemptLogRow r;
        r.messageId = query.value(0).toString();
        r.conversationId = query.value(1).toString();
        r.attempt = query.value(2).toInt();
        r.target = query.value(3).toString();
        r.parametersJson = query.value(4).toString();
        r.startedAt = fromMs(query.value(5));
        r.ttftMs = optionalFrom<double>(query.value(6));
        r.totalMs = optionalFrom<double>(query.value(7));
        r.inputTokens = optionalFrom<qint64>(query.value(8));
        r.outputTokens = optionalFrom<qint64>(query.value(9));
        r.reasoningTokens = optionalFrom<qint64>(query.value(10));
        r.cachedInputTokens = optionalFrom<qint64>(query.value(11));
        r.costUsd = optionalFrom<double>(query.value(12));
        r.errorClass = query.value(13).toString();
        r.httpStatus = query.value(14).toInt();
        r.errorMessage = query.value(15).toString();
        r.servedModel = query.value(16).toString();
        rows.append(r);
    }
    return rows;
}

bool ConversationStore::importConversation(const Conversation& conversation)
{
    return sql::inTransaction(m_db, [&] {
        if (!createConversation(conversation.record))
            return false;
        for (const MessageRecord& m : conversation.messages) {
            if (!insertMessage(m, conversation.record.id, false))
                return false;
        }
        return refreshTotals(conversation.record.id);
    }, m_lastError);
}

} // namespace juxta
