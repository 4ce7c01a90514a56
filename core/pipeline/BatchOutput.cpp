// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/BatchOutput.h"

#include "common/Csv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

const QStringList kTrailing{u"status"_s, u"error_class"_s, u"error"_s, u"time_ms"_s, u"input_tokens"_s,
                            u"output_tokens"_s, u"cost_usd"_s, u"run_id"_s};

QString cell(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QLocale::c().toString(v.toDouble(), 'g', 12);
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return {};
}

} // namespace

BatchOutput::BatchOutput(QString path, QStringList variables, QStringList outputs)
    : m_path(std::move(path))
    , m_variables(std::move(variables))
    , m_outputs(std::move(outputs))
    , m_csv(m_path.endsWith(u".csv"_s, Qt::CaseInsensitive))
    , m_file(m_path)
{
}

bool BatchOutput::open(QString& error)
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        error = u"cannot write %1: %2"_s.arg(m_path, m_file.errorString());
        return false;
    }
    if (m_csv) {
        const QStringList header = QStringList{u"row"_s} + m_variables + m_outputs + kTrailing;
        m_file.write(csvRecord(header));
        m_file.flush();
    }
    return true;
}

bool BatchOutput::add(qint64 row, const QJsonObject& result, QString& error)
{
    if (row < m_next)
        return true; // already written
    m_waiting.insert(row, result);
    while (!m_waiting.isEmpty() && m_waiting.firstKey() == m_next) {
        if (!write(m_waiting.take(m_next), error))
            return false;
        ++m_next;
    }
    return true;
}

bool BatchOutput::write(const QJsonObject& result, QString& error)
{
    QByteArray line;
    if (m_csv) {
        QStringList fields{cell(result.value(u"row"_s))};
        const QJsonObject variables = result.value(u"variables"_s).toObject();
        for (const QString& name : m_variables)
            fields.append(cell(variables.value(name)));
        const QJsonObject outputs = result.value(u"outputs"_s).toObject();
        for (const QString& name : m_outputs)
            fields.append(cell(outputs.value(name)));
        for (const QString& name : kTrailing)
            fields.append(cell(result.value(name)));
        line = csvRecord(fields);
    } else {
        line = QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n';
    }
    // Flushed row by row: what is in the file is whole rows, whatever happens next.
    if (m_file.write(line) != line.size() || !m_file.flush()) {
        error = u"cannot write %1: %2"_s.arg(m_path, m_file.errorString());
        return false;
    }
    return true;
}

} // namespace juxta
