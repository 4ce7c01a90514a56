// SPDX-License-Identifier: GPL-3.0-or-later
// Word-level diff: units, the shortest edit on known cases, every diff rebuilds both texts exactly, and very
// different long texts fall back to one removal and one addition within the budget.
#include "compare/WordDiff.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;

Q_DECLARE_METATYPE(juxta::DiffSpan)

namespace {

QString side(const WordDiff& diff, DiffSpan::Kind skip)
{
    QString text;
    for (const DiffSpan& span : diff.spans) {
        if (span.kind != skip)
            text += span.text;
    }
    return text;
}

QString render(const WordDiff& diff)
{
    QString out;
    for (const DiffSpan& span : diff.spans) {
        switch (span.kind) {
        case DiffSpan::Kind::Same: out += span.text; break;
        case DiffSpan::Kind::Removed: out += u"[-"_s + span.text + u"-]"_s; break;
        case DiffSpan::Kind::Added: out += u"{+"_s + span.text + u"+}"_s; break;
        }
    }
    return out;
}

} // namespace

class TestWordDiff : public QObject
{
    Q_OBJECT

private slots:
    void units();
    void knownDiffs_data();
    void knownDiffs();
    void rebuildsBothTexts();
    void veryDifferentTextsStayWithinBudget();
};

void TestWordDiff::units()
{
    const QList<QStringView> u = diffUnits(u"Hello,  wörld 👋 x_1!"_s);
    QStringList got;
    for (QStringView v : u)
        got.append(v.toString());
    QCOMPARE(got, (QStringList{u"Hello"_s, u","_s, u"  "_s, u"wörld"_s, u" "_s, u"👋"_s, u" "_s, u"x_1"_s, u"!"_s}));
}

void TestWordDiff::knownDiffs_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("rendered");
    QTest::newRow("same") << u"a b"_s << u"a b"_s << u"a b"_s;
    QTest::newRow("one word changed") << u"the quick fox"_s << u"the slow fox"_s << u"the [-quick-]{+slow+} fox"_s;
    QTest::newRow("word added") << u"the fox"_s << u"the red fox"_s << u"the {+red +}fox"_s;
    QTest::newRow("word removed at the end") << u"I agree."_s << u"I agree"_s << u"I agree[-.-]"_s;
    QTest::newRow("from nothing") << QString() << u"new"_s << u"{+new+}"_s;
    QTest::newRow("to nothing") << u"old"_s << QString() << u"[-old-]"_s;
    QTest::newRow("moved word") << u"a b c"_s << u"b c a"_s << u"[-a -]b c{+ a+}"_s;
}

void TestWordDiff::knownDiffs()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, rendered);
    const WordDiff diff = diffWords(before, after);
    QVERIFY(!diff.approximate);
    QCOMPARE(render(diff), rendered);
}

void TestWordDiff::rebuildsBothTexts()
{
    QRandomGenerator random(42);
    const QStringList words{u"alpha"_s, u"beta"_s, u"gamma"_s, u","_s, u"."_s, u"delta"_s, u"\n"_s};
    for (int round = 0; round < 200; ++round) {
        QString a, b;
        for (int i = 0; i < 40; ++i) {
            const QString w = words.at(random.bounded(int(words.size())));
            if (random.bounded(10) < 8)
                a += w + u' ';
            if (random.bounded(10) < 8)
                b += w + u' ';
        }
        const WordDiff diff = diffWords(a, b);
        QCOMPARE(side(diff, DiffSpan::Kind::Added), a);
        QCOMPARE(side(diff, DiffSpan::Kind::Removed), b);
        for (qsizetype i = 1; i < diff.spans.size(); ++i)
            QVERIFY(diff.spans.at(i).kind != diff.spans.at(i - 1).kind); // merged
    }
}

void TestWordDiff::veryDifferentTextsStayWithinBudget()
{
    QString a, b;
    for (int i = 0; i < 20'000; ++i) {
        a += u"x%1 "_s.arg(i);
        b += u"y%1 "_s.arg(i);
    }
    a = u"Same start. "_s + a + u"Same end."_s;
    b = u"Same start. "_s + b + u"Same end."_s;
    const WordDiff diff = diffWords(a, b, 200);
    QVERIFY(diff.approximate);
    QCOMPARE(diff.spans.size(), 4); // same, removed, added, same
    QCOMPARE(diff.spans.constFirst().text, u"Same start. "_s);
    QCOMPARE(side(diff, DiffSpan::Kind::Added), a);
    QCOMPARE(side(diff, DiffSpan::Kind::Removed), b);
}

QTEST_GUILESS_MAIN(TestWordDiff)
#include "TestWordDiff.moc"
