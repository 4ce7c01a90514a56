// SPDX-License-Identifier: GPL-3.0-or-later
// Making a report file from the history, the one way the CLI and the views do it: built and written on the
// history's own thread, so the window never waits on the database or the disk.
#pragma once

#include "report/ReportFile.h"

#include <QObject>
#include <functional>

namespace juxta {

class ConversationStore;
class HistoryService;

// On the thread that owns `store`: build the report of `id`, then write it.
ReportWriteResult buildAndWriteReport(ConversationStore& store, ReportKind kind, const QString& id,
                                      const ReportOptions& options, ReportFormat format, const QString& path);

// The same in the background; `done` runs on the caller's thread unless `context` is gone by then.
void writeReportInBackground(HistoryService& history, ReportKind kind, const QString& id, const ReportOptions& options,
                             ReportFormat format, const QString& path, QObject* context,
                             std::function<void(const ReportWriteResult&)> done);

} // namespace juxta
