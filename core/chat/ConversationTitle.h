// SPDX-License-Identifier: GPL-3.0-or-later
// The title a new conversation gets from its first message, until the user renames it.
#pragma once

#include <QString>

namespace juxta {

// The first non-empty line, whitespace collapsed, at most `maxChars` characters (cut at a word, with "…").
QString conversationTitleFor(const QString& firstMessage, int maxChars = 60);

} // namespace juxta
