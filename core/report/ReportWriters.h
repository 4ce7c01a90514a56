// SPDX-License-Identifier: GPL-3.0-or-later
// A report in each of its formats. Model output is untrusted throughout: in HTML it is escaped text (no markup of
// its own survives, so a <script>, a remote image, a javascript: link or a CSS url() does nothing), in Markdown its
// raw HTML, images and script links are escaped so a renderer shows them as text, in CSV a cell that a spreadsheet
// would run as a formula is prefixed with ', and JSON holds it as a string.
#pragma once

#include "report/Report.h"

#include <QByteArray>
#include <QString>

namespace juxta {

// One self-contained XHTML-compatible HTML5 file: inline CSS and SVG, no script, no external request.
QByteArray reportHtml(const Report& report);
// Markdown for pull requests and wikis. Charts are linked as `<chartStem>.<chart id>.svg` (files the caller writes
// beside it, see ReportFile) — or left out when `chartStem` is empty.
QString reportMarkdown(const Report& report, const QString& chartStem);
// One row per answer (a run: per model step): see the header line for the columns; numbers in the C locale.
QByteArray reportCsv(const Report& report);
// {"format": "juxta.report", "version": 1, …} — resources/report.schema.json describes it.
QByteArray reportJson(const Report& report);

} // namespace juxta
