// SPDX-License-Identifier: GPL-3.0-or-later
// SseParser against hand-written WHATWG cases and every provider fixture, fed whole, split at every byte
// boundary, byte by byte, and with CRLF / CR line endings.
#include "ScriptedResponse.h"
#include "streaming/SseParser.h"

#include <QDir>
#include <QJsonDocument>
#include <QTest>

using namespace juxta;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(QList<QByteArray>)

namespace {

// One event per line: "type|data|id" with '\n' inside data shown as "\\n".
QList<QByteArray> describe(const QList<SseEvent>& events)
{
    QList<QByteArray> out;
    for (const SseEvent& e : events)
        out.append(e.type + '|' + QByteArray(e.data).replace('\n', "\\n") + '|' + e.lastEventId);
    return out;
}

QList<QByteArray> parseInPieces(const QByteArray& input, const QList<qsizetype>& cuts, QList<SseEvent>* salvaged = nullptr,
                                SseParser::Tail* tail = nullptr)
{
    SseParser parser;
    QList<SseEvent> events;
    qsizetype start = 0;
    for (qsizetype cut : cuts) {
        parser.feed(QByteArrayView(input).sliced(start, cut - start), events);
        start = cut;
    }
    parser.feed(QByteArrayView(input).sliced(start), events);
    const SseParser::Tail t = parser.finish(salvaged);
    if (tail)
        *tail = t;
    return describe(events);
}

QList<QByteArray> parseByteByByte(const QByteArray& input)
{
    SseParser parser;
    QList<SseEvent> events;
    for (qsizetype i = 0; i < input.size(); ++i)
        parser.feed(QByteArrayView(input).sliced(i, 1), events);
    parser.finish();
    return describe(events);
}

// Every two-piece split, every byte alone, and a few three-piece splits must match the whole-input parse.
void verifySplitInvariance(const QByteArray& input, const QList<QByteArray>& expected)
{
    for (qsizetype cut = 0; cut <= input.size(); ++cut) {
        const QList<QByteArray> got = parseInPieces(input, {cut});
        if (got != expected)
            QFAIL(qPrintable(u"differs when split at byte %1 of %2"_s.arg(cut).arg(input.size())));
    }
    QCOMPARE(parseByteByByte(input), expected);
    for (qsizetype a = 1; a < input.size(); a += 7) {
        for (qsizetype b = a; b < input.size(); b += 13) {
            if (parseInPieces(input, {a, b}) != expected)
                QFAIL(qPrintable(u"differs when split at bytes %1 and %2"_s.arg(a).arg(b)));
        }
    }
}

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private slots:
    void whatwgRules_data();
    void whatwgRules();
    void providerFixtures_data();
    void providerFixtures();
    void retryField();
    void unterminatedTailIsReportedAndSalvageable();
    void undispatchedEventIsReported();
    void commentsAreCounted();
    void endlessLineIsBounded();
    void endlessErrorFieldIsBounded();
};

void TestSseParser::whatwgRules_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QByteArray>>("expected");
    using L = QList<QByteArray>;
    QTest::newRow("simple") << QByteArray("data: hello\n\n") << L{"message|hello|"};
    QTest::newRow("no space after colon") << QByteArray("data:hello\n\n") << L{"message|hello|"};
    QTest::newRow("only one space stripped") << QByteArray("data:  hello\n\n") << L{"message| hello|"};
    QTest::newRow("multi-line data joined with LF")
        << QByteArray("data: a\ndata: b\ndata:\n\n") << L{"message|a\\nb\\n|"};
    QTest::newRow("event type") << QByteArray("event: ping\ndata: {}\n\n") << L{"ping|{}|"};
    QTest::newRow("event type resets after dispatch")
        << QByteArray("event: a\ndata: 1\n\ndata: 2\n\n") << L{"a|1|", "message|2|"};
    QTest::newRow("id persists") << QByteArray("id: 7\ndata: x\n\ndata: y\n\n") << L{"message|x|7", "message|y|7"};
    QTest::newRow("id with NUL ignored")
        << QByteArray::fromRawData("id: 1\ndata: a\n\nid: 2\0x\ndata: b\n\n", 32) << L{"message|a|1", "message|b|1"};
    QTest::newRow("bare id resets") << QByteArray("id: 5\ndata: a\n\nid\ndata: b\n\n") << L{"message|a|5", "message|b|"};
    QTest::newRow("comments dispatch nothing")
        << QByteArray(": keep-alive\n\n: another\ndata: x\n\n") << L{"message|x|"};
    QTest::newRow("event without data dispatches nothing")
        << QByteArray("event: e\n\ndata: z\n\n") << L{"message|z|"};
    QTest::newRow("field without colon") << QByteArray("data\n\n") << L{"message||"};
    QTest::newRow("unknown field ignored") << QByteArray("foo: bar\ndata: q\n\n") << L{"message|q|"};
    QTest::newRow("leading BOM dropped") << QByteArray("\xEF\xBB\xBF" "data: bom\n\n") << L{"message|bom|"};
    QTest::newRow("only the first BOM dropped")
        << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF" "data: x\n\n") << L{};
    QTest::newRow("partial BOM is data")
        << QByteArray("\xEF\xBB" "data: x\n\ndata: y\n\n") << L{"message|y|"};
    QTest::newRow("CR line endings") << QByteArray("data: a\rdata: b\r\r") << L{"message|a\\nb|"};
    QTest::newRow("CRLF line endings") << QByteArray("data: a\r\ndata: b\r\n\r\n") << L{"message|a\\nb|"};
    QTest::newRow("mixed line endings")
        << QByteArray("data: a\n\rdata: b\r\n\ndata: c\r\r") << L{"message|a|", "message|b|", "message|c|"};
    QTest::newRow("multi-byte UTF-8") << QByteArray("data: 世界👋é\n\n") << L{"message|世界👋é|"};
    QTest::newRow("colon inside value") << QByteArray("data: a: b\n\n") << L{"message|a: b|"};
    QTest::newRow("value starting with colon") << QByteArray("data::x\n\n") << L{"message|:x|"};
    QTest::newRow("space-only value") << QByteArray("data: \n\n") << L{"message||"};
    QTest::newRow("no final blank line: not dispatched") << QByteArray("data: x\n\ndata: y\n") << L{"message|x|"};
    QTest::newRow("event named error") << QByteArray("event: error\ndata: {\"e\":1}\n\n") << L{"error|{\"e\":1}|"};
    QTest::newRow("blank lines between events")
        << QByteArray("\n\n\ndata: a\n\n\n\ndata: b\n\n") << L{"message|a|", "message|b|"};
}

void TestSseParser::whatwgRules()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QByteArray>, expected);
    QCOMPARE(parseInPieces(input, {}), expected);
    verifySplitInvariance(input, expected);
}

void TestSseParser::providerFixtures_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("eol");
    const QDir dir(test::fixturePath(u"openai"_s));
    int streams = 0;
    for (const QString& name : dir.entryList({u"stream_*.http"_s}, QDir::Files, QDir::Name)) {
        const QByteArray body = test::ScriptedResponse::fromFixture(u"openai/"_s + name).body();
        for (const char* eol : {"\n", "\r\n", "\r"})
            QTest::addRow("%s eol=%s", qPrintable(name), QByteArray(eol).toPercentEncoding().constData())
                << body << QByteArray(eol);
        ++streams;
    }
    QVERIFY2(streams >= 10, "the stream fixtures were not found");
}

void TestSseParser::providerFixtures()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, eol);
    const QList<QByteArray> baseline = parseInPieces(body, {});
    QVERIFY(!baseline.isEmpty());
    // Fixture JSON never contains raw newlines, so every line-ending style must yield identical events.
    const QByteArray input = QByteArray(body).replace("\n", eol);
    QCOMPARE(parseInPieces(input, {}), baseline);
    verifySplitInvariance(input, baseline);
    // Every event is either [DONE] or one JSON document, except in the fixtures that are broken on purpose.
    for (const QByteArray& line : baseline) {
        const QByteArray data = line.split('|').value(1);
        if (data == "[DONE]" || !body.contains("\"model\"") || body.contains("oops") || body.contains("\xff"))
            continue;
        QJsonParseError error{};
        QJsonDocument::fromJson(data, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
    }
}

void TestSseParser::retryField()
{
    SseParser parser;
    QList<SseEvent> events;
    parser.feed("retry: 3000\ndata: r\n\nretry: 3x\n\nretry:\n\n", events);
    QCOMPARE(events.size(), 1);
    QCOMPARE(parser.reconnectionTimeMs(), 3000);
}

void TestSseParser::unterminatedTailIsReportedAndSalvageable()
{
    QList<SseEvent> salvaged;
    SseParser::Tail tail{};
    const QList<QByteArray> events = parseInPieces("data: x\n\ndata: [DONE]", {}, &salvaged, &tail);
    QCOMPARE(events, QList<QByteArray>{"message|x|"});
    QCOMPARE(tail, SseParser::Tail::UnterminatedLine);
    QCOMPARE(describe(salvaged), QList<QByteArray>{"message|[DONE]|"});
}

void TestSseParser::undispatchedEventIsReported()
{
    SseParser parser;
    QList<SseEvent> events;
    parser.feed("data: a\n\ndata: b\n", events);
    QCOMPARE(events.size(), 1);
    QCOMPARE(parser.finish(), SseParser::Tail::UndispatchedEvent);
    parser.feed("data: c\n\n", events);
    QCOMPARE(parser.finish(), SseParser::Tail::Clean);
}

void TestSseParser::commentsAreCounted()
{
    SseParser parser;
    QList<SseEvent> events;
    parser.feed(": OPENROUTER PROCESSING\n\n:\n\n", events);
    QVERIFY(events.isEmpty());
    QCOMPARE(parser.commentCount(), 2);
}

void TestSseParser::endlessLineIsBounded()
{
    SseParser parser;
    QList<SseEvent> events;
    const QByteArray mebibyte(1024 * 1024, 'x');
    parser.feed("data: ", events);
    for (int i = 0; i < 17 && !parser.hasOverflowed(); ++i)
        parser.feed(mebibyte, events);
    QVERIFY(parser.hasOverflowed());
    parser.feed("\n\n", events); // nothing more is accepted once the limit was hit
    QVERIFY(events.isEmpty());
}

void TestSseParser::endlessErrorFieldIsBounded()
{
    // Many short "error:" lines in one event, never a blank line: the event must not grow past the limit.
    SseParser parser;
    QList<SseEvent> events;
    QByteArray chunk;
    for (int i = 0; i < 1024; ++i)
        chunk += "error: " + QByteArray(1000, 'e') + '\n';
    for (int i = 0; i < 20 && !parser.hasOverflowed(); ++i)
        parser.feed(chunk, events);
    QVERIFY(parser.hasOverflowed());
    parser.feed("\n", events);
    QVERIFY(events.isEmpty());
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "TestSseParser.moc"
