// SPDX-License-Identifier: GPL-3.0-or-later
// The rows of a batch, read one at a time from a CSV file (a header row names the columns) or a JSONL file (one
// JSON object per line): each row's columns are the pipeline's variables. A ragged CSV row or a line that is not
// an object is an error naming its line.
#pragma once

#include <QFile>
#include <QHash>
#include <QStringList>
#include <memory>
#include <optional>

namespace juxta {

class CsvReader;

struct InputRow
{
    qint64 index = 0; // 0 for the first row (the header is not a row)
    qint64 line = 0;  // where it starts in the file
    QHash<QString, QString> values;
};

class RowSource
{
public:
    // .csv, else JSONL (.jsonl, .ndjson, .json). nullptr with `error` when the file cannot be read.
    static std::unique_ptr<RowSource> open(const QString& path, QString& error);
    ~RowSource();

    // The next row; false at the end, or with `error` set for a malformed one.
    bool next(InputRow& row, QString& error);
    QStringList columns() const { return m_columns; } // a CSV's header (empty for JSONL)
    bool isCsv() const { return m_csv != nullptr; }

    // Counts the rows without keeping them (for progress), reading the file once more.
    static std::optional<qint64> countRows(const QString& path, QString& error);

private:
    RowSource() = default;

    QFile m_file;
    std::unique_ptr<CsvReader> m_csv;
    QStringList m_columns;
    qint64 m_next = 0;
    qint64 m_line = 0; // JSONL
};

} // namespace juxta
