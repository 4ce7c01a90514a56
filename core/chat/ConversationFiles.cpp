// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ConversationFiles.h"

#include "chat/MarkdownImport.h"

#include "common/BoundedRead.h"

#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace juxta {

bool writeConversationFile(ConversationStore& store, const QString& conversationId, const QString& path,
                           ConversationFormat format, const QString& leafId, QString& error)
{
    const std::optional<Conversation> c = store.loadConversation(conversationId);
    if (!c) {
        error = u"the conversation is not in the history"_s;
        return false;
    }
    const QByteArray bytes = format == ConversationFormat::Markdown
        ? exportConversationMarkdown(*c, leafId.isEmpty() ? c->record.currentLeafId : leafId).toUtf8()
        : exportConversationJson(*c);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        error = file.errorString();
        return false;
    }
    return true;
}

ConversationImport readConversationFile(ConversationStore& store, const QString& path)
{
    ConversationImport result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.imported.error = file.errorString();
        return result;
    }
    const std::optional<QByteArray> read = readAtMost(file, kMaxConversationImportBytes, result.imported.error);
    if (!read) {
        result.imported.error = u"%1 is %2, too large to import"_s.arg(path, result.imported.error);
        return result;
    }
    const QByteArray& bytes = *read;
    const bool markdown = path.endsWith(u".md"_s, Qt::CaseInsensitive) || path.endsWith(u".markdown"_s, Qt::CaseInsensitive);
    result.imported = markdown ? importConversationMarkdown(QString::fromUtf8(bytes)) : importConversationJson(bytes);
    if (result.imported.conversation) {
        result.stored = store.importConversation(*result.imported.conversation);
        if (!result.stored)
            result.imported.error = store.lastError();
    }
    return result;
}

} // namespace juxta
