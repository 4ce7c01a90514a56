// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReportChecks.h"

#include "common/Csv.h"

#include <QBuffer>
#include <QProcess>
#include <QSet>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace juxta::test {

HtmlReading readReportHtml(const QByteArray& html)
{
    // Elements that fetch, embed or run something: none may appear, whatever a model wrote.
    static const QSet<QString> forbidden{u"script"_s, u"img"_s, u"iframe"_s, u"object"_s, u"embed"_s, u"link"_s,
                                         u"base"_s, u"form"_s, u"input"_s, u"audio"_s, u"video"_s, u"source"_s,
                                         u"image"_s, u"use"_s, u"foreignObject"_s, u"applet"_s, u"frame"_s};
    HtmlReading reading;
    QXmlStreamReader xml(html);
    int styles = 0;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::Characters && !xml.isWhitespace())
            reading.text += xml.text();
        if (token == QXmlStreamReader::Characters)
            continue;
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString();
        if (forbidden.contains(name)) {
            reading.error = u"forbidden element <%1> at line %2"_s.arg(name).arg(xml.lineNumber());
            return reading;
        }
        if (name == u"svg"_s && xml.namespaceUri() == u"http://www.w3.org/2000/svg"_s)
            ++reading.svgCount;
        if (name == u"style"_s) {
            const QString css = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (css.contains(u"url("_s) || css.contains(u"@import"_s)) {
                reading.error = u"a style element loads something"_s;
                return reading;
            }
            ++styles;
            continue;
        }
        if (name == u"meta"_s && xml.attributes().value(u"http-equiv"_s).compare(u"refresh"_s, Qt::CaseInsensitive) == 0) {
            reading.error = u"a meta refresh"_s;
            return reading;
        }
        for (const QXmlStreamAttribute& a : xml.attributes()) {
            const QString attribute = a.name().toString().toLower();
            const QString value = a.value().toString().trimmed();
            const bool localReference = value.startsWith(u"url(#"_s) || value.startsWith(u'#');
            if (attribute == u"id"_s)
                reading.ids.append(value);
            if (attribute.startsWith(u"on"_s) || attribute == u"src"_s || attribute == u"srcset"_s
                || attribute == u"background"_s || attribute == u"action"_s || attribute == u"formaction"_s
                || ((attribute == u"href"_s || a.qualifiedName() == u"xlink:href"_s) && !value.startsWith(u'#'))
                || (value.contains(u"url("_s) && !localReference)) {
                reading.error = u"attribute %1=\"%2\" on <%3> at line %4"_s.arg(attribute, value.left(80), name)
                                    .arg(xml.lineNumber());
                return reading;
            }
        }
    }
    if (xml.hasError())
        reading.error = u"not well-formed: %1 at line %2, column %3"_s.arg(xml.errorString()).arg(xml.lineNumber())
                            .arg(xml.columnNumber());
    else if (styles < 1)
        reading.error = u"no inline style"_s;
    return reading;
}

QString schemaProblems(const QString& jsonPath)
{
    QProcess python;
    python.start(u"python3"_s, {QStringLiteral(JUXTA_SCHEMA_CHECKER), QStringLiteral(JUXTA_REPORT_SCHEMA), jsonPath});
    if (!python.waitForFinished(60'000))
        return u"python3 did not finish: "_s + python.errorString();
    if (python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0)
        return QString::fromUtf8(python.readAllStandardOutput() + python.readAllStandardError()).left(4000)
               + u" (exit %1)"_s.arg(python.exitCode());
    return {};
}

QList<QStringList> readCsv(const QByteArray& csv, QString* error)
{
    QByteArray copy = csv;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer);
    QList<QStringList> records;
    QStringList fields;
    QString problem;
    while (reader.next(fields, problem))
        records.append(fields);
    if (error)
        *error = problem;
    return records;
}

} // namespace juxta::test
