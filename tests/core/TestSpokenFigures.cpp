// SPDX-License-Identifier: GPL-3.0-or-later
// The figures a screen reader speaks: the same numbers as the shown figures, in words and without symbols.
#include "report/FigureFormat.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;

class TestSpokenFigures : public QObject
{
    Q_OBJECT

private slots:
    void anAnswerInWords();
    void fallbackOfflineAndErrors();
    void repeatsInWords();
};

namespace {

AnswerStats fullStats()
{
    AnswerStats s;
    s.requestedModel = u"openai/gpt-4o-mini"_s;
    s.servedBy = u"openai/gpt-4o-mini"_s;
    s.ttftMs = 320;
    s.totalMs = 1600;
    s.tokensPerSecond = 42.04;
    s.inputTokens = 1200;
    s.outputTokens = 9;
    s.costUsd = 0.0002;
    s.finishReason = u"stop"_s;
    return s;
}

void verifyNoSymbols(const QString& spoken)
{
    for (const QString& symbol : {u"TTFT"_s, u"tok/s"_s, u"·"_s, u"→"_s, u" / "_s, u" ms"_s, u"—"_s, u"_"_s})
        QVERIFY2(!spoken.contains(symbol), qPrintable(spoken));
}

} // namespace

void TestSpokenFigures::anAnswerInWords()
{
    const QLocale c(QLocale::English, QLocale::UnitedStates);
    const QString spoken = answerFiguresSpoken(fullStats(), c);
    QCOMPARE(spoken, u"Served by openai/gpt-4o-mini. Time to first token 320 milliseconds. 42.0 tokens per second. "
                     "Total time 1.60 seconds. 1,200 input tokens, 9 output tokens. Cost $0.0002. "
                     "Finish reason: stop."_s);
    verifyNoSymbols(spoken.section(u". "_s, 1)); // the model's own name may hold a slash
    // The same numbers as the shown line, never others.
    const QString shown = answerFiguresLine(fullStats(), c);
    for (const QString& figure : {u"320"_s, u"42.0"_s, u"1.60"_s, u"1,200"_s, u"$0.0002"_s})
        QVERIFY2(shown.contains(figure) && spoken.contains(figure), qPrintable(figure));

    AnswerStats tooShort = fullStats(); // no honest rate over 80 ms of generation: none spoken either
    tooShort.totalMs = 400;
    QVERIFY(!answerFiguresSpoken(tooShort, c).contains(u"per second"_s));
    AnswerStats estimate = fullStats();
    estimate.costIsEstimate = true;
    estimate.inputTokens.reset();
    QVERIFY(answerFiguresSpoken(estimate, c).contains(u"Estimated cost $0.0002"_s));
    QVERIFY(answerFiguresSpoken(estimate, c).contains(u"an unknown number of input tokens, 9 output tokens"_s));
    QCOMPARE(answerFiguresSpoken(AnswerStats(), c), QString());
}

void TestSpokenFigures::fallbackOfflineAndErrors()
{
    const QLocale c(QLocale::English, QLocale::UnitedStates);
    AnswerStats fallback = fullStats();
    fallback.servedBy = u"groq/llama-3.1-8b"_s;
    fallback.fallbackNotes = {u"openai/gpt-4o-mini: rate limited (HTTP 429)"_s};
    fallback.costUsd.reset();
    const QString spoken = answerFiguresSpoken(fallback, c);
    QVERIFY2(spoken.startsWith(u"Served by groq/llama-3.1-8b, as a fallback from openai/gpt-4o-mini. "
                               "1 failed attempt before."_s), qPrintable(spoken));
    QVERIFY(spoken.contains(u"Price unknown."_s));

    AnswerStats offline;
    offline.servedBy = u"offline/echo"_s;
    offline.offline = true;
    offline.outputTokens = 4;
    offline.inputTokens = 4;
    QVERIFY(answerFiguresSpoken(offline, c).contains(u"free by definition"_s));
    QVERIFY(!answerFiguresSpoken(offline, c).contains(u"$"_s));

    AnswerStats failed;
    failed.errorClass = u"rate_limited"_s;
    failed.errorMessage = u"Too many requests"_s;
    failed.totalMs = 12'400;
    const QString error = answerFiguresSpoken(failed, c);
    QCOMPARE(error, u"Total time 12.4 seconds. Error, rate limited: Too many requests."_s);
    verifyNoSymbols(error);
}

void TestSpokenFigures::repeatsInWords()
{
    const QLocale c(QLocale::English, QLocale::UnitedStates);
    RepeatStats r;
    r.runs = 5;
    r.succeeded = 4;
    r.ttftMs = Distribution{};
    r.ttftMs->median = 210;
    r.ttftMs->p95 = 260;
    r.totalMs = Distribution{};
    r.totalMs->median = 1800;
    r.totalMs->p95 = 2100;
    r.totalMs->min = 1500;
    r.totalMs->max = 2200;
    const QString spoken = repeatStatsSpoken(r, c);
    QCOMPARE(spoken, u"5 runs, 4 succeeded. Time to first token: median 210 milliseconds, 95th percentile 260 "
                     "milliseconds. Total time: median 1.80 seconds, 95th percentile 2.10 seconds, from 1.50 seconds "
                     "to 2.20 seconds."_s);
    verifyNoSymbols(spoken);
}

QTEST_MAIN(TestSpokenFigures)
#include "TestSpokenFigures.moc"
