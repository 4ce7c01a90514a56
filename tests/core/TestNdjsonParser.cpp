// SPDX-License-Identifier: GPL-3.0-or-later
// NdjsonParser: complete lines out, the tail kept; identical results for every split point.
#include "streaming/NdjsonParser.h"

#include <QTest>

using namespace juxta;

Q_DECLARE_METATYPE(QList<QByteArray>)

namespace {

struct Parsed
{
    QList<QByteArray> lines;
    QByteArray tail;
    bool operator==(const Parsed&) const = default;
};

Parsed parse(const QByteArray& input, const QList<qsizetype>& cuts)
{
    NdjsonParser parser;
    Parsed p;
    qsizetype start = 0;
    for (qsizetype cut : cuts) {
        parser.feed(QByteArrayView(input).sliced(start, cut - start), p.lines);
        start = cut;
    }
    parser.feed(QByteArrayView(input).sliced(start), p.lines);
    p.tail = parser.finish();
    return p;
}

} // namespace

class TestNdjsonParser : public QObject
{
    Q_OBJECT

private slots:
    void lines_data();
    void lines();
};

void TestNdjsonParser::lines_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QByteArray>>("expected");
    QTest::addColumn<QByteArray>("tail");
    using L = QList<QByteArray>;
    QTest::newRow("two records") << QByteArray("{\"a\":1}\n{\"b\":2}\n") << L{"{\"a\":1}", "{\"b\":2}"} << QByteArray();
    QTest::newRow("CRLF") << QByteArray("{\"a\":1}\r\n{\"b\":2}\r\n") << L{"{\"a\":1}", "{\"b\":2}"} << QByteArray();
    QTest::newRow("blank lines skipped") << QByteArray("\n{\"a\":1}\n\n  \n{\"b\":2}\n") << L{"{\"a\":1}", "{\"b\":2}"}
                                         << QByteArray();
    QTest::newRow("unterminated last record") << QByteArray("{\"a\":1}\n{\"done\":true}") << L{"{\"a\":1}"}
                                              << QByteArray("{\"done\":true}");
    QTest::newRow("multi-byte UTF-8") << QByteArray("{\"t\":\"世界👋\"}\n") << L{"{\"t\":\"世界👋\"}"} << QByteArray();
    const QByteArray ollama =
        "{\"model\":\"llama3.2\",\"created_at\":\"2026-11-24T10:00:00.1Z\",\"message\":{\"role\":\"assistant\","
        "\"content\":\"Hé\"},\"done\":false}\n"
        "{\"model\":\"llama3.2\",\"created_at\":\"2026-11-24T10:00:00.2Z\",\"message\":{\"role\":\"assistant\","
        "\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"total_duration\":4883583458,"
        "\"prompt_eval_count\":26,\"eval_count\":2,\"eval_duration\":4709213000}\n";
    QTest::newRow("ollama chat stream") << ollama << ollama.trimmed().split('\n') << QByteArray();
}

void TestNdjsonParser::lines()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QByteArray>, expected);
    QFETCH(QByteArray, tail);
    const Parsed whole = parse(input, {});
    QCOMPARE(whole.lines, expected);
    QCOMPARE(whole.tail, tail);
    for (qsizetype cut = 0; cut <= input.size(); ++cut) {
        if (!(parse(input, {cut}) == whole))
            QFAIL(qPrintable(QStringLiteral("differs when split at byte %1").arg(cut)));
    }
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < input.size(); ++i)
        everyByte.append(i);
    QVERIFY(parse(input, everyByte) == whole);
}

QTEST_GUILESS_MAIN(TestNdjsonParser)
#include "TestNdjsonParser.moc"
