// SPDX-License-Identifier: GPL-3.0-or-later
// Where long messages are cut into transcript parts: only after a blank line outside fenced code, once a part is
// long enough; the same cuts whether the text arrives at once or piece by piece.
#include "chat/MarkdownBlocks.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;

class TestPartScanner : public QObject
{
    Q_OBJECT

private slots:
    void cuts_data();
    void cuts();
    void streamingFindsTheSameCuts_data();
    void streamingFindsTheSameCuts();
};

void TestPartScanner::cuts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("target");
    QTest::addColumn<QList<qsizetype>>("starts");
    QTest::newRow("short: one part") << u"one\n\ntwo\n\nthree"_s << 100 << QList<qsizetype>{};
    QTest::newRow("cut after each long-enough paragraph")
        << u"aaaa\n\nbbbb\n\ncccc"_s << 5 << QList<qsizetype>{6, 12};
    QTest::newRow("too short parts merge") << u"a\n\nb\n\nccccccc\n\nd"_s << 8 << QList<qsizetype>{15};
    QTest::newRow("never inside a code block")
        << u"intro\n\n```\ncode\n\nmore code\n```\n\nafter"_s << 3 << QList<qsizetype>{7, 32};
    QTest::newRow("tilde fence, longer closing fence")
        << u"x\n\n~~~~\ny\n\nz\n~~~~~\n\nw"_s << 2 << QList<qsizetype>{3, 20};
    QTest::newRow("a shorter fence does not close")
        << u"````\na\n```\n\nb\n````\n\nc"_s << 2 << QList<qsizetype>{20};
    QTest::newRow("unclosed fence: no cuts after it") << u"p\n\n```\na\n\nb\n\nc"_s << 2 << QList<qsizetype>{3};
    QTest::newRow("blank line with spaces counts") << u"abcd\n  \nefgh"_s << 4 << QList<qsizetype>{8};
    QTest::newRow("CRLF line ends") << u"abcd\r\n\r\nefgh"_s << 4 << QList<qsizetype>{8};
    QTest::newRow("a blank line at the very end is no cut") << u"abcd\n\n"_s << 2 << QList<qsizetype>{};
}

void TestPartScanner::cuts()
{
    QFETCH(QString, text);
    QFETCH(int, target);
    QFETCH(QList<qsizetype>, starts);
    QCOMPARE(partStarts(text, target), starts);
}

void TestPartScanner::streamingFindsTheSameCuts_data()
{
    QTest::addColumn<int>("pieceSize");
    for (int size : {1, 2, 3, 7, 64})
        QTest::addRow("pieces of %d", size) << size;
}

void TestPartScanner::streamingFindsTheSameCuts()
{
    QFETCH(int, pieceSize);
    QString text;
    for (int i = 0; i < 40; ++i) {
        text += u"Paragraph %1 with some words in it.\n\n"_s.arg(i);
        if (i % 9 == 4)
            text += u"```python\nx = 1\n\ny = 2\n```\n\n"_s;
    }
    const QList<qsizetype> whole = partStarts(text, 120);
    QVERIFY(whole.size() > 5);
    PartScanner scanner(120);
    QList<qsizetype> streamed;
    QString sofar;
    for (qsizetype i = 0; i < text.size(); i += pieceSize) {
        sofar += text.mid(i, pieceSize);
        streamed += scanner.feed(sofar);
    }
    QCOMPARE(streamed, whole);
    for (qsizetype start : whole) // every cut is right after a blank line
        QVERIFY(text.mid(0, start).endsWith(u"\n\n"_s));
}

QTEST_GUILESS_MAIN(TestPartScanner)
#include "TestPartScanner.moc"
