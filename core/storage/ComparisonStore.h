// SPDX-License-Identifier: GPL-3.0-or-later
// Comparisons in the history: a comparison row with its setup, one conversation per column (so answers, partial
// saves and the request log work exactly as in the chat), ratings of answers, pairwise votes, and the request
// log's figures for the charts across history.
#pragma once

#include "storage/ConversationStore.h"
#include "storage/PairVote.h"

#include <QHash>

namespace juxta {

struct ComparisonRecord
{
    QString id;
    QString title;
    QDateTime createdAt;
    QDateTime updatedAt;
    QByteArray setupJson; // CompareSetup::toJson()

    bool operator==(const ComparisonRecord&) const = default;
};

struct SavedComparison
{
    ComparisonRecord record;
    QList<Conversation> columns; // in column order
    bool voted = false;          // a vote was cast: blind names may be shown
    QHash<QString, QByteArray> traces; // token-arrival traces of its answers, by message id
};

struct VoteRow
{
    QString comparisonId;
    QString messageA;
    QString messageB;
    PairVote vote; // first = model of A
    bool blind = false;
};

// One served request from the request log, with the rating its answer got (if any).
struct UsagePoint
{
    QString target; // "profile/model"
    std::optional<double> ttftMs;
    std::optional<double> totalMs;
    std::optional<qint64> outputTokens;
    std::optional<double> costUsd;
    std::optional<int> rating; // -1 or +1
    QDateTime startedAt;
};

class ComparisonStore
{
public:
    explicit ComparisonStore(ConversationStore& conversations);

    // The comparison and its (empty) column conversations, in one transaction.
    bool createComparison(const ComparisonRecord& comparison, const QList<ConversationRecord>& columns);
    // New setup (order, hidden columns, settings) with the column conversations in the setup's order.
    bool saveSetup(const QString& id, const QByteArray& setupJson, const QStringList& columnConversationIds);
    bool renameComparison(const QString& id, const QString& title);
    // The comparison, its columns' conversations and messages. Votes, ratings and the request log are kept.
    bool deleteComparison(const QString& id);

    QList<ComparisonRecord> listComparisons(const QString& search = {}) const; // newest first
    QHash<QString, double> costs() const; // what each comparison's answers cost in all, by comparison id
    std::optional<SavedComparison> loadComparison(const QString& id) const;

    // score -1 or +1; 0 removes the rating.
    bool rate(const QString& messageId, const QString& target, int score);
    QHash<QString, int> ratings(const QStringList& messageIds) const;

    bool recordVotes(const QList<VoteRow>& votes);
    QList<PairVote> votes() const; // oldest first, as the leaderboard counts them
    QList<VoteRow> votesOf(const QString& comparisonId) const; // one comparison's, oldest first

    // The newest `limit` served requests (failed attempts say nothing about speed or price).
    QList<UsagePoint> usagePoints(int limit = 5000) const;

    QString lastError() const { return m_lastError; }

private:
    bool exec(const QString& statement, const QVariantList& values);

    ConversationStore& m_conversations;
    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace juxta
