// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ConversationTree.h"

#include <QSet>
#include <algorithm>

namespace juxta {

ConversationTree::ConversationTree(const QList<MessageRecord>& messages)
{
    m_messages.reserve(messages.size());
    QHash<QString, qsizetype> seen;
    for (const MessageRecord& m : messages) {
        const auto it = seen.constFind(m.id);
        if (it != seen.cend()) {
            m_messages[*it] = m;
        } else {
            seen.insert(m.id, m_messages.size());
            m_messages.append(m);
        }
    }
    rebuildIndex();
}

void ConversationTree::rebuildIndex()
{
    m_byId.clear();
    m_children.clear();
    m_byId.reserve(m_messages.size());
    for (qsizetype i = 0; i < m_messages.size(); ++i) {
        m_byId.insert(m_messages[i].id, i);
        m_children[m_messages[i].parentId].append(i);
    }
}

bool ConversationTree::isLater(qsizetype a, qsizetype b) const
{
    const MessageRecord& ma = m_messages[a];
    const MessageRecord& mb = m_messages[b];
    if (ma.createdAt != mb.createdAt)
        return ma.createdAt > mb.createdAt;
    return ma.id > mb.id;
}

qsizetype ConversationTree::latestOf(const QList<qsizetype>& indices) const
{
    qsizetype best = -1;
    for (qsizetype i : indices) {
        if (best < 0 || isLater(i, best))
            best = i;
    }
    return best;
}

QList<MessageRecord> ConversationTree::pathTo(const QString& leafId) const
{
    auto it = m_byId.constFind(leafId);
    if (it == m_byId.cend()) {
        it = m_byId.constFind(latestLeaf());
        if (it == m_byId.cend())
            return {};
    }

    QList<MessageRecord> path;
    QSet<qsizetype> visited;
    qsizetype current = *it;
    while (!visited.contains(current)) {
        visited.insert(current);
        path.append(m_messages[current]);
        const QString& parent = m_messages[current].parentId;
        if (parent.isEmpty())
            break;
        const auto parentIt = m_byId.constFind(parent);
        if (parentIt == m_byId.cend())
            break; // an orphan counts as a root
        current = *parentIt;
    }
    std::reverse(path.begin(), path.end());
    return path;
}

QStringList ConversationTree::siblingsOf(const QString& id) const
{
    const auto it = m_byId.constFind(id);
    if (it == m_byId.cend())
        return {};
    QList<qsizetype> indices = m_children.value(m_messages[*it].parentId);
    std::sort(indices.begin(), indices.end(), [this](qsizetype a, qsizetype b) { return isLater(b, a); });
    QStringList ids;
    ids.reserve(indices.size());
    for (qsizetype i : indices)
        ids.append(m_messages[i].id);
    return ids;
}

QString ConversationTree::latestLeafUnder(const QString& id) const
{
    const auto it = m_byId.constFind(id);
    if (it == m_byId.cend())
        return {};
    QSet<qsizetype> visited;
    qsizetype current = *it;
    visited.insert(current);
    for (;;) {
        const auto children = m_children.constFind(m_messages[current].id);
        if (children == m_children.cend())
            break;
        const qsizetype next = latestOf(*children);
        if (next < 0 || visited.contains(next))
            break; // a cycle in the parent links: stop where it closes
        visited.insert(next);
        current = next;
    }
    return m_messages[current].id;
}

QString ConversationTree::latestLeaf() const
{
    // Roots: no parent, or a parent that is not here (a damaged history still shows something).
    qsizetype best = -1;
    for (qsizetype i = 0; i < m_messages.size(); ++i) {
        const QString& parent = m_messages[i].parentId;
        if (!parent.isEmpty() && m_byId.contains(parent))
            continue;
        if (best < 0 || isLater(i, best))
            best = i;
    }
    return best < 0 ? QString() : latestLeafUnder(m_messages[best].id);
}

const MessageRecord* ConversationTree::find(const QString& id) const
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.cend() ? nullptr : &m_messages[*it];
}

void ConversationTree::upsert(const MessageRecord& message)
{
    const auto it = m_byId.constFind(message.id);
    if (it == m_byId.cend()) {
        m_byId.insert(message.id, m_messages.size());
        m_children[message.parentId].append(m_messages.size());
        m_messages.append(message);
        return;
    }
    const bool reparented = m_messages[*it].parentId != message.parentId;
    m_messages[*it] = message;
    if (reparented)
        rebuildIndex();
}

QString ConversationTree::leafOrLatest(const QString& leafId) const
{
    return find(leafId) ? leafId : latestLeaf();
}

} // namespace juxta
