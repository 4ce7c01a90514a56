// SPDX-License-Identifier: GPL-3.0-or-later
// A conversation's messages as the tree they form (edits and regenerations branch): paths, siblings, latest leaves.
#pragma once

#include "storage/HistoryRecords.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace juxta {

class ConversationTree
{
public:
    ConversationTree() = default;
    // Every branch; a repeated id keeps the last record.
    explicit ConversationTree(const QList<MessageRecord>& messages);

    // Root → leaf following parentId. An unknown leaf gives the path to latestLeaf(). Stops at a cycle.
    QList<MessageRecord> pathTo(const QString& leafId) const;
    // Ids sharing id's parent (roots share the empty parent), by createdAt then id, id included. Empty if unknown.
    QStringList siblingsOf(const QString& id) const;
    // From id, always the most recently created child until a message has none; id itself when it has none.
    QString latestLeafUnder(const QString& id) const;
    // latestLeafUnder() of the most recent root; empty without messages.
    QString latestLeaf() const;
    // `leafId` when it is in the tree (a conversation's saved branch), else latestLeaf().
    QString leafOrLatest(const QString& leafId) const;

    // Valid until the next upsert().
    const MessageRecord* find(const QString& id) const;
    bool isEmpty() const { return m_messages.isEmpty(); }
    qsizetype size() const { return m_messages.size(); }
    // Inserts or replaces by id.
    void upsert(const MessageRecord& message);

private:
    void rebuildIndex();
    bool isLater(qsizetype a, qsizetype b) const;
    qsizetype latestOf(const QList<qsizetype>& indices) const;

    QList<MessageRecord> m_messages;
    QHash<QString, qsizetype> m_byId;
    QHash<QString, QList<qsizetype>> m_children; // parentId → message indices; roots under the empty id
};

} // namespace juxta
