// SPDX-License-Identifier: GPL-3.0-or-later
// A conversation to and from a portable JSON file (every branch), and one branch of it as Markdown.
#pragma once

#include "storage/HistoryRecords.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace juxta {

// {"format":"juxta.conversation","version":1,…}, indented, every branch included.
QByteArray exportConversationJson(const Conversation& conversation);

struct ImportedConversation
{
    std::optional<Conversation> conversation; // null when the file cannot be read; `error` says why
    QString error;
    QStringList warnings;                      // what was skipped or repaired
};

// Gives the conversation and every message new ids (parents and the current leaf follow), so importing a file
// twice never collides. Malformed messages are skipped with their descendants; "streaming" becomes interrupted.
ImportedConversation importConversationJson(const QByteArray& json);

// The branch ending at leafId (an unknown leaf: the latest branch) as a Markdown document.
QString exportConversationMarkdown(const Conversation& conversation, const QString& leafId);

} // namespace juxta
