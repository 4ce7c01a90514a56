// SPDX-License-Identifier: GPL-3.0-or-later
// The one CSV module: RFC 4180 fields (quoted separators, newlines and doubled quotes), CRLF and LF, a byte order
// mark, records written and read back unchanged, clear errors for ragged rows and unclosed quotes, and a 100 MB
// file read a record at a time (the process's peak memory barely moves).
#include "common/Csv.h"
#include "pipeline/RowSource.h"

#include <QBuffer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

QList<QStringList> readAll(const QByteArray& bytes, QString* error = nullptr)
{
    QBuffer buffer;
    buffer.setData(bytes);
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

qint64 statusKiB(const char* key) // from /proc/self/status, e.g. "VmHWM:"
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qstrlen(key)).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

} // namespace

class TestCsv : public QObject
{
    Q_OBJECT

private slots:
    void quotedFieldsKeepSeparatorsNewlinesAndQuotes();
    void byteOrderMarkIsNotPartOfTheHeader();
    void writtenRecordsReadBackUnchanged();
    void malformedRecordsSayWhere();
    void raggedRowIsAClearError();
    void jsonlRowsAndMissingFields();
    void hundredMegabytesAreReadWithoutLoadingThemWhole();
};

void TestCsv::quotedFieldsKeepSeparatorsNewlinesAndQuotes()
{
    QString error;
    const QList<QStringList> records = readAll("name,quote\r\n"
                                               "\"Smith, J.\",\"He said \"\"hi\"\"\r\nthen left\"\r\n"
                                               "plain,\"\"\n"
                                               "last,no newline at the end",
                                               &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(records.size(), 4);
    QCOMPARE(records.at(1), (QStringList{u"Smith, J."_s, u"He said \"hi\"\r\nthen left"_s}));
    QCOMPARE(records.at(2), (QStringList{u"plain"_s, QString()}));
    QCOMPARE(records.at(3), (QStringList{u"last"_s, u"no newline at the end"_s}));
}

void TestCsv::byteOrderMarkIsNotPartOfTheHeader()
{
    const QList<QStringList> records = readAll("\xEF\xBB\xBFtopic,note\ntea,\xC3\xA9t\xC3\xA9\n");
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0).constFirst(), u"topic"_s);
    QCOMPARE(records.at(1).at(1), u"été"_s);
    // Without one, the same.
    QCOMPARE(readAll("topic,note\n").constFirst().constFirst(), u"topic"_s);
}

void TestCsv::writtenRecordsReadBackUnchanged()
{
    // Random fields made of the characters that need care: every record written is read back as it was.
    const QString alphabet = u"ab ,\"\r\n\tü😀;'"_s;
    QRandomGenerator random(2026);
    QList<QStringList> written;
    QByteArray bytes;
    for (int r = 0; r < 400; ++r) {
        QStringList fields;
        const int count = 1 + random.bounded(5);
        for (int f = 0; f < count; ++f) {
            QString field;
            const int length = random.bounded(12);
            for (int i = 0; i < length; ++i) {
                const qsizetype at = random.bounded(alphabet.size());
                if (alphabet.at(at).isHighSurrogate() || alphabet.at(at).isLowSurrogate())
                    field += u"😀"_s;
                else
                    field += alphabet.at(at);
            }
            fields.append(field);
        }
        if (fields == QStringList{QString()})
            fields = {u"x"_s}; // one empty field is a blank line, which readers skip
        written.append(fields);
        bytes += csvRecord(fields);
    }
    QString error;
    QCOMPARE(readAll(bytes, &error), written);
    QVERIFY(error.isEmpty());
    QCOMPARE(csvRecord({u"a"_s, u"b,c"_s, u"say \"x\""_s, u" padded"_s}), "a,\"b,c\",\"say \"\"x\"\"\",\" padded\"\r\n");
}

void TestCsv::malformedRecordsSayWhere()
{
    QString error;
    readAll("a,b\n1,\"never closed\n2,3\n", &error);
    QCOMPARE(error, u"line 2: a quoted field is never closed"_s);
    readAll("a,b\n1,2\n\"x\"y,3\n", &error);
    QCOMPARE(error, u"line 3: text after the closing quote of a field"_s);
}

void TestCsv::raggedRowIsAClearError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"rows.csv"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("topic,tone\ntea,warm\n\"multi\nline\",calm\ncoffee\n");
    file.close();
    QString error;
    QVERIFY(!RowSource::countRows(path, error));
    QCOMPARE(error, u"line 5: 1 fields, and the header has 2"_s);

    std::unique_ptr<RowSource> rows = RowSource::open(path, error);
    QVERIFY(rows);
    QCOMPARE(rows->columns(), (QStringList{u"topic"_s, u"tone"_s}));
    InputRow row;
    QVERIFY(rows->next(row, error));
    QVERIFY(rows->next(row, error));
    QCOMPARE(row.values.value(u"topic"_s), u"multi\nline"_s);
    QCOMPARE(row.line, 3);
    QCOMPARE(row.index, 1);
    QVERIFY(!rows->next(row, error));
    QVERIFY(error.startsWith(u"line 5"_s));

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("topic,topic\n");
    file.close();
    QVERIFY(!RowSource::open(path, error));
    QVERIFY2(error.contains(u"repeated column"_s), qPrintable(error));
}

void TestCsv::jsonlRowsAndMissingFields()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"rows.jsonl"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"topic\": \"tea\", \"n\": 3, \"ratio\": 0.5, \"tags\": [\"a\"]}\n\n{\"topic\": \"coffee\"}\n[1, 2]\n");
    file.close();
    QString error;
    std::unique_ptr<RowSource> rows = RowSource::open(path, error);
    QVERIFY(rows);
    InputRow row;
    QVERIFY(rows->next(row, error));
    QCOMPARE(row.values.value(u"n"_s), u"3"_s);
    QCOMPARE(row.values.value(u"ratio"_s), u"0.5"_s);
    QCOMPARE(row.values.value(u"tags"_s), u"[\"a\"]"_s);
    QVERIFY(rows->next(row, error));
    QCOMPARE(row.index, 1);
    QCOMPARE(row.line, 3);
    QVERIFY(!row.values.contains(u"n"_s));
    QVERIFY(!rows->next(row, error));
    QCOMPARE(error, u"line 4: not a JSON object"_s);
}

void TestCsv::hundredMegabytesAreReadWithoutLoadingThemWhole()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"big.csv"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("id,text\n");
    const QByteArray text = "\"a field with, a comma and \"\"quotes\"\"\nand a second line " + QByteArray(120, 'x') + '"';
    qint64 written = 0;
    qint64 rows = 0;
    QByteArray block;
    while (written < 100LL * 1024 * 1024) {
        block.clear();
        for (int i = 0; i < 1000; ++i, ++rows)
            block += QByteArray::number(rows) + ',' + text + "\r\n";
        QCOMPARE(file.write(block), block.size());
        written += block.size();
    }
    file.close();
    block = QByteArray();

    const qint64 rssBefore = statusKiB("VmRSS:");
    QString error;
    std::unique_ptr<RowSource> source = RowSource::open(path, error);
    QVERIFY(source);
    InputRow row;
    qint64 seen = 0;
    QString lastText;
    while (source->next(row, error)) {
        lastText = row.values.value(u"text"_s);
        if (row.index != seen || row.values.value(u"id"_s).toLongLong() != seen)
            QFAIL(qPrintable(u"row %1 read as %2"_s.arg(seen).arg(row.values.value(u"id"_s))));
        ++seen;
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(seen, rows);
    QVERIFY(lastText.startsWith(u"a field with, a comma and \"quotes\"\nand a second line"_s));
    // The peak resident size of the whole process grew by far less than the file: it was never held whole.
    const qint64 peakGrowthKiB = statusKiB("VmHWM:") - rssBefore;
    qInfo("read %lld rows (%lld MB); peak memory grew by %lld KiB", seen, written / 1'000'000, peakGrowthKiB);
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer holds freed blocks in quarantine (256 MB by default): the peak measures that, not the reader.
    // The ordinary build checks the bound.
    qInfo("AddressSanitizer build: the memory bound is checked in the ordinary build");
#else
    QVERIFY2(peakGrowthKiB < 16 * 1024, qPrintable(QString::number(peakGrowthKiB)));
#endif
}

QTEST_GUILESS_MAIN(TestCsv)
#include "TestCsv.moc"
