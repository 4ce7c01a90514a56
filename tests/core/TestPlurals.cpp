// SPDX-License-Identifier: GPL-3.0-or-later
// English plurals without an English translation: "1 failed attempt", "2 failed attempts", never "attempt(s)".
#include "common/Plurals.h"
#include "report/FigureFormat.h"

#include <QCoreApplication>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

// Stands in for a real translation (German) installed after the English rule.
class OneGermanText final : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char*, const char* source, const char*, int n) const override
    {
        if (qstrcmp(source, "%n file(s)") == 0)
            return n == 1 ? u"%n Datei"_s : u"%n Dateien"_s;
        return {};
    }
};

} // namespace

class TestPlurals : public QObject
{
    Q_OBJECT

private slots:
    void theRule();
    void coreTextsNeedNoTranslator();
    void widgetTextsThroughTheTranslator();
};

void TestPlurals::theRule()
{
    QCOMPARE(withEnglishPlurals(u"1 answer(s)"_s, 1), u"1 answer"_s);
    QCOMPARE(withEnglishPlurals(u"0 answer(s)"_s, 0), u"0 answers"_s);
    QCOMPARE(withEnglishPlurals(u"2 row(s) of 2 row(s)"_s, 2), u"2 rows of 2 rows"_s);
    QCOMPARE(withEnglishPlurals(u"time (s)"_s, -1), u"time (s)"_s); // no count: a unit, left alone
}

void TestPlurals::coreTextsNeedNoTranslator()
{
    AnswerStats s;
    s.fallbackNotes = {u"a: rate limited"_s};
    QVERIFY2(answerFigureLines(s).contains(u"1 failed attempt before"_s), qPrintable(answerFigureLines(s).join(u'|')));
    s.fallbackNotes.append(u"b: overloaded"_s);
    QVERIFY(answerFigureLines(s).contains(u"2 failed attempts before"_s));
    QCOMPARE(translated("Report", "%n vote(s) cast in this comparison.", 1), u"1 vote cast in this comparison."_s);
}

void TestPlurals::widgetTextsThroughTheTranslator()
{
    QCOMPARE(QCoreApplication::translate("x", "%n file(s)", nullptr, 1), u"1 file(s)"_s); // Qt alone
    EnglishPlurals english;
    QVERIFY(QCoreApplication::installTranslator(&english));
    QCOMPARE(QCoreApplication::translate("x", "%n file(s)", nullptr, 1), u"1 file"_s);
    QCOMPARE(QCoreApplication::translate("x", "%n file(s)", nullptr, 3), u"3 files"_s);
    QCOMPARE(QCoreApplication::translate("x", "Save"), u"Save"_s); // other texts pass through
    OneGermanText german;
    QVERIFY(QCoreApplication::installTranslator(&german));
    QCOMPARE(QCoreApplication::translate("x", "%n file(s)", nullptr, 3), u"3 Dateien"_s); // the translation first
    QCOMPARE(QCoreApplication::translate("x", "%n row(s)", nullptr, 3), u"3 rows"_s);     // untranslated: English
    QCoreApplication::removeTranslator(&german);
    QCoreApplication::removeTranslator(&english);
}

QTEST_MAIN(TestPlurals)
#include "TestPlurals.moc"
