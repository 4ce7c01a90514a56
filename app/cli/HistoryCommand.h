// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta history [list|show|export|import]`: the chat history from a terminal — list and search conversations, print
// one as Markdown, export it as JSON or Markdown, import a file. The same database and files as the window.
#pragma once

#include <QStringList>

namespace juxta::cli {

class HistoryCommand
{
public:
    int run(const QStringList& arguments);
};

} // namespace juxta::cli
