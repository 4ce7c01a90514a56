// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta report --comparison ID | --run ID | --conversation ID -o FILE`: a report of anything in the history, as
// HTML, Markdown, CSV or JSON (by the file's extension or --format). `compare --report` and `run --report` write
// theirs through writeReportFromHistory once what they ran is saved.
#pragma once

#include "report/Report.h"

#include <QStringList>

namespace juxta {
class HistoryService;
}

namespace juxta::cli {

class ReportCommand
{
public:
    int run(const QStringList& arguments);
};

// False (and said) when `path` names no report format: checked before anything runs.
bool reportPathUsable(const QString& path, const QString& command);
// Builds the report of `id` from `history` (after every write posted so far) and writes it to `path`, in the
// format its extension names. Errors are printed as `command`'s. Returns an exit code.
int writeReportFromHistory(HistoryService& history, ReportKind kind, const QString& id, const QString& path,
                           const QString& command);

} // namespace juxta::cli
