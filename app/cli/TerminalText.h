// SPDX-License-Identifier: GPL-3.0-or-later
// Text from models and servers shown on a terminal: control characters and escape sequences in it could move the
// cursor, rewrite earlier lines, set the window title or worse. They are made visible instead (ESC as "^["); the
// exact text stays available through --json, whose escaping keeps it inert.
#pragma once

#include <QString>

#include <cstdio>

namespace juxta::cli {

// C0 controls other than tab and newline, DEL and C1 controls become visible (caret notation, U+FFFD for C1);
// "\r\n" becomes "\n"; bidirectional overrides and isolates (which can disguise text) become U+FFFD.
QString neutralizeForTerminal(const QString& text);

// True when `stream` is a terminal (only then is anything changed).
bool isTerminal(FILE* stream);

// The text as it should be written to `stream`: neutralized on a terminal, unchanged into a file or a pipe.
QString forStream(FILE* stream, const QString& text);

} // namespace juxta::cli
