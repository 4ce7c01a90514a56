// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta compare --model A --model B [...] [--repeat N] [--json] PROMPT`: one prompt to several models at once,
// a table (or one JSON entry per model, the fields of `juxta ask --json` plus repeat statistics).
#pragma once

#include <QStringList>

namespace juxta::cli {

class CompareCommand
{
public:
    int run(const QStringList& arguments);
};

} // namespace juxta::cli
