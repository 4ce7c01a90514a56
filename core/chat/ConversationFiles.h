// SPDX-License-Identifier: GPL-3.0-or-later
// A conversation to and from a file: export and import as JSON (lossless) or Markdown (".md": one branch). Meant to run on the history
// thread, so neither a big conversation nor a slow disk stalls the window.
#pragma once

#include "chat/ConversationExport.h"
#include "storage/ConversationStore.h"

namespace juxta {

enum class ConversationFormat { Json, Markdown };

// Markdown exports the branch ending at `leafId` (empty: the conversation's current one). Written atomically.
bool writeConversationFile(ConversationStore& store, const QString& conversationId, const QString& path,
                           ConversationFormat format, const QString& leafId, QString& error);

struct ConversationImport
{
    ImportedConversation imported; // warnings, and the conversation as stored (with its fresh ids)
    bool stored = false;
};
ConversationImport readConversationFile(ConversationStore& store, const QString& path);

} // namespace juxta
