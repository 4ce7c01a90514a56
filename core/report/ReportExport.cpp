// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/ReportExport.h"

#include "report/ReportBuilder.h"
#include "storage/HistoryService.h"

namespace juxta {

ReportWriteResult buildAndWriteReport(ConversationStore& store, ReportKind kind, const QString& id,
                                      const ReportOptions& options, ReportFormat format, const QString& path)
{
    QString error;
    const std::optional<Report> report = buildReport(store, kind, id, options, error);
    if (!report) {
        ReportWriteResult failed;
        failed.notFound = true;
        failed.error = error;
        return failed;
    }
    return writeReportFile(*report, format, path);
}

void writeReportInBackground(HistoryService& history, ReportKind kind, const QString& id, const ReportOptions& options,
                             ReportFormat format, const QString& path, QObject* context,
                             std::function<void(const ReportWriteResult&)> done)
{
    history.read<ReportWriteResult>(
        [=](ConversationStore& store) { return buildAndWriteReport(store, kind, id, options, format, path); }, context,
        [done = std::move(done)](ReportWriteResult result) { done(result); });
}

} // namespace juxta
