// SPDX-License-Identifier: GPL-3.0-or-later
// CSV as RFC 4180 has it — quoted fields with embedded separators, newlines and doubled quotes, CRLF or LF line
// ends, UTF-8 with or without a byte order mark — read a record at a time from any QIODevice (a 100 MB file is
// never loaded whole), and written the same way. The one CSV module: batches read rows with it, reports write with it.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QIODevice;

namespace juxta {

class CsvReader
{
public:
    explicit CsvReader(QIODevice& device);

    // The next record into `fields`. False at the end, or with `error` set for a malformed record (an unclosed
    // quote, text after a closing quote).
    bool next(QStringList& fields, QString& error);
    // The line the last record returned began on (1 for the first line of the file).
    qint64 recordLine() const { return m_recordLine; }

private:
    bool fill();

    QIODevice& m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    qint64 m_recordLine = 1;
    bool m_atStart = true;
    bool m_eof = false;
};

// One record, fields quoted when they must be (a separator, a quote, a line end, or spaces at either end), ending in
// CRLF as the RFC says.
QByteArray csvRecord(const QStringList& fields);

} // namespace juxta
