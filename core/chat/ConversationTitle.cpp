// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ConversationTitle.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace juxta {

QString conversationTitleFor(const QString& firstMessage, int maxChars)
{
    QString line;
    for (const QString& candidate : firstMessage.split(u'\n')) {
        line = candidate.simplified();
        if (!line.isEmpty())
            break;
    }
    if (line.size() <= maxChars)
        return line;
    qsizetype cut = line.lastIndexOf(u' ', maxChars - 1);
    if (cut < maxChars / 2)
        cut = maxChars - 1;
    return line.left(cut).trimmed() + u'…';
}

} // namespace juxta
