// SPDX-License-Identifier: GPL-3.0-or-later
// Where a message stands among its versions (edits and regenerations of the same turn): "2 / 3"; and which part
// of a long message a transcript row shows.
#pragma once

#include "chat/ConversationTree.h"

#include <QString>
#include <QtGlobal>

namespace juxta {

struct BranchPosition
{
    int index = 0; // 0-based among the message's siblings
    int count = 1;
};

// Where `messageId` stands among its versions in `tree`.
inline BranchPosition branchPositionOf(const ConversationTree& tree, const QString& messageId)
{
    const QStringList siblings = tree.siblingsOf(messageId);
    return {int(qMax<qsizetype>(0, siblings.indexOf(messageId))), int(qMax<qsizetype>(1, siblings.size()))};
}

// A long message is shown as several rows; the first has the header, the last the figures and actions.
struct MessagePart
{
    qsizetype start = 0;
    qsizetype end = -1; // -1: to the end of the text (the last part, which grows while streaming)
    bool first = true;
    bool last = true;
};

// Which of a message's actions a view offers (a compare column has no editing and no model switch).
struct MessageActions
{
    bool edit = true;
    bool anotherModel = true;
    QString anonymousAuthor; // blind comparisons: answers carry this name, and no model name or figures
};

} // namespace juxta
