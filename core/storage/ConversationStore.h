// SPDX-License-Identifier: GPL-3.0-or-later
// Reads and writes conversations, messages and the request log on an open history connection.
#pragma once

#include "storage/HistoryRecords.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>

namespace juxta {

class ConversationStore
{
public:
    explicit ConversationStore(QSqlDatabase db) : m_db(std::move(db)) {}

    bool createConversation(const ConversationRecord& conversation);
    bool renameConversation(const QString& id, const QString& title);
    bool setPinned(const QString& id, bool pinned);
    bool setCurrentLeaf(const QString& id, const QString& leafId);
    bool saveSettings(const QString& id, const QByteArray& settingsJson);
    // Deletion is undoable until purgeDeleted(): the row is only marked.
    bool setDeleted(const QString& id, bool deleted);
    int purgeDeleted();

    // Not deleted; pinned first, then most recently updated. `search` matches titles and message text.
    QList<ConversationRecord> listConversations(const QString& search = {}) const;
    std::optional<Conversation> loadConversation(const QString& id) const;

    // Insert or replace; touches the conversation's updated_at and running cost.
    bool saveMessage(const MessageRecord& message);
    // The partial text of an answer that is still streaming: cheap, called about once a second.
    bool savePartial(const QString& messageId, const QString& content, const QString& reasoning);
    // Messages this process is streaming. A "streaming" row nobody streams is read back as Interrupted.
    void setLive(const QString& messageId, bool live);

    // An answer's token-arrival trace (ThroughputTrace::toJson()), replacing an earlier one.
    bool saveTrace(const QString& messageId, const QByteArray& pointsJson);
    QHash<QString, QByteArray> traces(const QStringList& messageIds) const; // the ones that have a trace

    bool logAttempts(const QList<AttemptLogRow>& rows);
    QList<AttemptLogRow> attemptsFor(const QString& messageId) const;

    // A whole conversation in one transaction (import).
    bool importConversation(const Conversation& conversation);

    QString lastError() const { return m_lastError; }
    QSqlDatabase database() const { return m_db; } // for the other stores on the same connection (ComparisonStore)

private:
    bool exec(const QString& sql, const QVariantList& values);
    bool insertMessage(const MessageRecord& message, const QString& conversationId, bool replace);
    bool refreshTotals(const QString& conversationId);

    QSqlDatabase m_db;
    QSet<QString> m_live;
    mutable QString m_lastError;
};

} // namespace juxta
