// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta run FILE [--var name=value …] [--from NODE] [--cache] [--estimate] [--validate] [--allow-read PATH]
// [--json]`: runs a .juxta pipeline headless on the same engine as the editor, records the run in the history and
// prints its Output nodes' text (or, with --json, the run record).
#pragma once

#include <QStringList>

namespace juxta::cli {

class RunCommand
{
public:
    int run(const QStringList& arguments);
};

} // namespace juxta::cli
