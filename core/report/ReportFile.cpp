// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/ReportFile.h"

#include "report/ReportWriters.h"
#include "report/SvgChart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

bool writeAtomically(const QString& path, const QByteArray& bytes, QString& error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        error = QCoreApplication::translate("Report", "cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

std::optional<ReportFormat> reportFormatFromName(const QString& name)
{
    const QString n = name.toLower();
    if (n == u"html"_s || n == u"htm"_s || n == u"xhtml"_s)
        return ReportFormat::Html;
    if (n == u"md"_s || n == u"markdown"_s)
        return ReportFormat::Markdown;
    if (n == u"csv"_s)
        return ReportFormat::Csv;
    if (n == u"json"_s)
        return ReportFormat::Json;
    return std::nullopt;
}

std::optional<ReportFormat> reportFormatFromPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix();
    return suffix.isEmpty() ? std::nullopt : reportFormatFromName(suffix);
}

QString reportFormatName(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Html: return u"html"_s;
    case ReportFormat::Markdown: return u"md"_s;
    case ReportFormat::Csv: return u"csv"_s;
    case ReportFormat::Json: return u"json"_s;
    }
    return {};
}

ReportOptions reportOptionsFromList(const QString& list, QStringList& unknown)
{
    ReportOptions o{false, false, false, false, false};
    for (const QString& part : list.split(u',', Qt::SkipEmptyParts)) {
        const QString p = part.trimmed().toLower();
        if (p == u"answers"_s)
            o.answers = true;
        else if (p == u"reasoning"_s)
            o.reasoning = true;
        else if (p == u"charts"_s)
            o.charts = true;
        else if (p == u"parameters"_s)
            o.parameters = true;
        else if (p == u"diff"_s)
            o.diff = true;
        else
            unknown.append(part.trimmed());
    }
    return o;
}

QString reportOptionsList(const ReportOptions& o)
{
    QStringList parts;
    if (o.answers)
        parts.append(u"answers"_s);
    if (o.reasoning)
        parts.append(u"reasoning"_s);
    if (o.charts)
        parts.append(u"charts"_s);
    if (o.parameters)
        parts.append(u"parameters"_s);
    if (o.diff)
        parts.append(u"diff"_s);
    return parts.join(u',');
}

ReportWriteResult writeReportFile(const Report& report, ReportFormat format, const QString& path)
{
    ReportWriteResult result;
    QByteArray bytes;
    QList<std::pair<QString, QByteArray>> beside;
    switch (format) {
    case ReportFormat::Html: bytes = reportHtml(report); break;
    case ReportFormat::Csv: bytes = reportCsv(report); break;
    case ReportFormat::Json: bytes = reportJson(report); break;
    case ReportFormat::Markdown: {
        const QFileInfo info(path);
        const QString stem = report.options.charts ? info.completeBaseName() : QString();
        bytes = reportMarkdown(report, stem).toUtf8() + '\n';
        if (!stem.isEmpty())
            for (const ChartSpec& c : report.charts)
                if (!c.empty())
                    beside.append({info.dir().filePath(stem + u'.' + c.id + u".svg"_s), chartSvg(c).toUtf8() + '\n'});
        break;
    }
    }
    if (!writeAtomically(path, bytes, result.error))
        return result;
    result.written.append(path);
    for (const auto& [file, svg] : beside) {
        if (!writeAtomically(file, svg, result.error))
            return result;
        result.written.append(file);
    }
    result.ok = true;
    return result;
}

} // namespace juxta
