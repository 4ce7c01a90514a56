// SPDX-License-Identifier: GPL-3.0-or-later
// Reading reports back the way the issue asks: HTML through QXmlStreamReader (and checked inert: no script, no
// element or attribute that could load or run anything), JSON against the shipped schema with python3-jsonschema,
// CSV with the app's own CSV reader.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace juxta::test {

struct HtmlReading
{
    QString error;       // empty when well-formed and inert
    QString text;        // every text node, in order (what a reader sees, unescaped)
    int svgCount = 0;
    QStringList ids;     // every id attribute
};
HtmlReading readReportHtml(const QByteArray& html);

// Empty when `jsonPath` is valid against resources/report.schema.json; otherwise the validator's complaints.
QString schemaProblems(const QString& jsonPath);

// Every record of a CSV document; `error` set on a malformed one.
QList<QStringList> readCsv(const QByteArray& csv, QString* error = nullptr);

} // namespace juxta::test
