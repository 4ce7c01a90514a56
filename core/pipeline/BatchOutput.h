// SPDX-License-Identifier: GPL-3.0-or-later
// A batch's results file, JSONL or CSV by its name: one row per input row, in input order, written as soon as the
// rows before it are in (so a crash leaves a valid file as far as it goes). Each row: its variables, each Output,
// status, error class and message, time, tokens, cost and the run id.
#pragma once

#include <QFile>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace juxta {

class BatchOutput
{
public:
    // `variables` and `outputs` name the CSV's columns (JSONL carries them as objects).
    BatchOutput(QString path, QStringList variables, QStringList outputs);

    bool open(QString& error); // truncates: a resumed batch writes every row again, in order
    // The result of input row `row` (the JSON the history keeps); written once every row before it is.
    bool add(qint64 row, const QJsonObject& result, QString& error);
    qint64 written() const { return m_next; }
    bool isCsv() const { return m_csv; }

private:
    bool write(const QJsonObject& result, QString& error);

    QString m_path;
    QStringList m_variables;
    QStringList m_outputs;
    bool m_csv = false;
    QFile m_file;
    QMap<qint64, QJsonObject> m_waiting; // finished before a row ahead of them
    qint64 m_next = 0;
};

} // namespace juxta
