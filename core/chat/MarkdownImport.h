// SPDX-License-Identifier: GPL-3.0-or-later
// Reads a conversation back from Markdown as Juxta exports it ("# Title", "## You", "## Assistant (model)", …) or
// as a person writes it in that shape. Best effort by nature: text can look like a heading; JSON is the lossless
// format. Headings inside fenced code are text.
#pragma once

#include "chat/ConversationExport.h"

namespace juxta {

ImportedConversation importConversationMarkdown(const QString& markdown);

} // namespace juxta
