// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Csv.h"

#include <QIODevice>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr qint64 kChunk = 64 * 1024;
constexpr qsizetype kMaxField = 64 * 1024 * 1024; // a quote never closed must not read the whole disk into memory

} // namespace

CsvReader::CsvReader(QIODevice& device)
    : m_device(device)
{
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    if (m_pos > 0) { // keep only what is not consumed yet
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    const QByteArray more = m_device.read(kChunk);
    if (more.isEmpty()) {
        m_eof = true;
        return false;
    }
    m_buffer += more;
    return true;
}

bool CsvReader::next(QStringList& fields, QString& error)
{
    fields.clear();
    error.clear();
    if (m_atStart) { // a byte order mark is not part of the first field
        while (m_buffer.size() < 3 && fill()) {
        }
        if (m_buffer.startsWith("\xEF\xBB\xBF"))
            m_pos = 3;
        m_atStart = false;
    }
    if (m_pos >= m_buffer.size() && !fill())
        return false;
    m_recordLine = m_line;
    QByteArray field;
    bool quoted = false;     // inside a quoted field
    bool wasQuoted = false;  // the current field was quoted (text may not follow its closing quote)
    while (true) {
        if (m_pos >= m_buffer.size() && !fill()) { // the end of the file ends the record
            if (quoted) {
                error = u"line %1: a quoted field is never closed"_s.arg(m_recordLine);
                return false;
            }
            fields.append(QString::fromUtf8(field));
            return true;
        }
        const char c = m_buffer.at(m_pos++);
        if (quoted) {
            if (c == '"') {
                if (m_pos >= m_buffer.size())
                    fill();
                if (m_pos < m_buffer.size() && m_buffer.at(m_pos) == '"') { // a doubled quote is one quote
                    field += '"';
                    ++m_pos;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++m_line;
                field += c;
                if (field.size() > kMaxField) {
                    error = u"line %1: a field is larger than 64 MiB (a quote never closed?)"_s.arg(m_recordLine);
                    return false;
                }
            }
            continue;
        }
        if (c == ',') {
            fields.append(QString::fromUtf8(field));
            field.clear();
            wasQuoted = false;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r') { // CRLF (or a lone CR) ends the record
                if (m_pos >= m_buffer.size())
                    fill();
                if (m_pos < m_buffer.size() && m_buffer.at(m_pos) == '\n')
                    ++m_pos;
            }
            ++m_line;
            fields.append(QString::fromUtf8(field));
            return true;
        } else if (c == '"' && field.isEmpty() && !wasQuoted) {
            quoted = true;
            wasQuoted = true;
        } else if (wasQuoted) {
            error = u"line %1: text after the closing quote of a field"_s.arg(m_recordLine);
            return false;
        } else {
            field += c;
        }
    }
}

QByteArray csvRecord(const QStringList& fields)
{
    QByteArray out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        const QString& f = fields.at(i);
        const bool quote = f.contains(u',') || f.contains(u'"') || f.contains(u'\n') || f.contains(u'\r')
                           || (!f.isEmpty() && (f.front().isSpace() || f.back().isSpace()));
        if (quote)
            out += '"' + QString(f).replace(u"\""_s, u"\"\""_s).toUtf8() + '"';
        else
            out += f.toUtf8();
    }
    return out + "\r\n";
}

} // namespace juxta
