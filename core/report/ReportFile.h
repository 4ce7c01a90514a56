// SPDX-License-Identifier: GPL-3.0-or-later
// One report format type, chosen by the file's extension or by name, and the one writer of report files: written
// atomically (a reader never sees half a report), Markdown with its charts as SVG files beside it.
#pragma once

#include "report/Report.h"

#include <QStringList>
#include <optional>

namespace juxta {

enum class ReportFormat { Html, Markdown, Csv, Json };

std::optional<ReportFormat> reportFormatFromName(const QString& name);   // "html", "md"/"markdown", "csv", "json"
std::optional<ReportFormat> reportFormatFromPath(const QString& path);   // by extension: .html/.htm, .md, .csv, .json
QString reportFormatName(ReportFormat format);                            // "html", "md", "csv", "json" (the suffix too)

// "answers,charts" → options with only those parts; unknown names are returned in `unknown`.
ReportOptions reportOptionsFromList(const QString& list, QStringList& unknown);
QString reportOptionsList(const ReportOptions& options); // the inverse, for settings and help

struct ReportWriteResult
{
    bool ok = false;
    bool notFound = false; // nothing with that id in the history (nothing was written)
    QString error;        // "cannot write /x/y.html: Permission denied"
    QStringList written;  // every file written, the report first
};

// Writes `report` to `path` in `format`. A Markdown report's charts go beside it as <name>.<chart>.svg unless
// the report leaves charts out.
ReportWriteResult writeReportFile(const Report& report, ReportFormat format, const QString& path);

} // namespace juxta
