// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/RowSource.h"

#include "common/Csv.h"
#include "common/JsonNesting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace juxta {

RowSource::~RowSource() = default;

std::unique_ptr<RowSource> RowSource::open(const QString& path, QString& error)
{
    std::unique_ptr<RowSource> source(new RowSource);
    source->m_file.setFileName(path);
    if (!source->m_file.open(QIODevice::ReadOnly)) {
        error = u"cannot read %1: %2"_s.arg(path, source->m_file.errorString());
        return nullptr;
    }
    if (path.endsWith(u".csv"_s, Qt::CaseInsensitive)) {
        source->m_csv = std::make_unique<CsvReader>(source->m_file);
        QStringList header;
        if (!source->m_csv->next(header, error)) {
            if (error.isEmpty())
                error = u"%1 is empty: a CSV needs a header row naming its columns"_s.arg(path);
            return nullptr;
        }
        for (QString& name : header)
            name = name.trimmed();
        if (header.contains(QString()) || header.removeDuplicates() > 0) {
            error = u"%1: the header row has an empty or repeated column name"_s.arg(path);
            return nullptr;
        }
        source->m_columns = header;
    }
    return source;
}

bool RowSource::next(InputRow& row, QString& error)
{
    row = InputRow();
    error.clear();
    if (m_csv) {
        QStringList fields;
        while (true) {
            if (!m_csv->next(fields, error))
                return false;
            if (!(fields.size() == 1 && fields.constFirst().isEmpty()))
                break; // a blank line is not a row
        }
        row.line = m_csv->recordLine();
        if (fields.size() != m_columns.size()) {
            error = u"line %1: %2 fields, and the header has %3"_s.arg(row.line).arg(fields.size()).arg(m_columns.size());
            return false;
        }
        for (qsizetype i = 0; i < fields.size(); ++i)
            row.values.insert(m_columns.at(i), fields.at(i));
        row.index = m_next++;
        return true;
    }
    while (!m_file.atEnd()) {
        const QByteArray line = m_file.readLine().trimmed();
        ++m_line;
        if (line.isEmpty())
            continue;
        if (jsonNesting(line, kMaxJsonNesting) > kMaxJsonNesting) {
            error = u"line %1: nested too deeply"_s.arg(m_line);
            return false;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (!doc.isObject()) {
            error = u"line %1: not a JSON object"_s.arg(m_line);
            return false;
        }
        const QJsonObject object = doc.object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QJsonValue v = it.value();
            QString text;
            if (v.isString())
                text = v.toString();
            else if (v.isDouble()) // 3 as "3", 0.1 as "0.1"
                text = v.toDouble() == std::trunc(v.toDouble()) && std::abs(v.toDouble()) < 1e15
                           ? QString::number(qint64(v.toDouble()))
                           : QString::number(v.toDouble(), 'g', 15);
            else if (v.isBool())
                text = v.toBool() ? u"true"_s : u"false"_s;
            else if (v.isArray())
                text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
            else if (v.isObject())
                text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
            row.values.insert(it.key(), text);
        }
        row.line = m_line;
        row.index = m_next++;
        return true;
    }
    return false;
}

std::optional<qint64> RowSource::countRows(const QString& path, QString& error)
{
    std::unique_ptr<RowSource> source = open(path, error);
    if (!source)
        return std::nullopt;
    qint64 count = 0;
    InputRow row;
    while (source->next(row, error))
        ++count;
    if (!error.isEmpty())
        return std::nullopt;
    return count;
}

} // namespace juxta
