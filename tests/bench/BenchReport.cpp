// SPDX-License-Identifier: GPL-3.0-or-later
// Reports of a large comparison, from a real history database on disk: 8 models × 10 repeats, each answer about
// 2,000 tokens (8,000 characters) with a 200-point token trace. Measures loading it from the history, building the
// report (figures, verdict, charts) and writing each format; and the HTML's size.
// Targets: the report builds (load + build + HTML) in under a second; the HTML stays under 2 MB. Prints figures;
// asserts correctness only (every answer in, the HTML well-formed).
#include "BenchFigures.h"
#include "ReportChecks.h"

#include "compare/CompareSetup.h"
#include "report/ReportBuilder.h"
#include "report/ReportWriters.h"
#include "storage/HistoryDatabase.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace juxta;
using namespace Qt::StringLiterals;

class BenchReport : public QObject
{
    Q_OBJECT

private slots:
    void eightModelsTenRepeats();
};

void BenchReport::eightModelsTenRepeats()
{
    constexpr int kModels = 8, kRepeats = 10;
    QTemporaryDir dir;
    HistoryDatabase db(dir.filePath(u"history.sqlite"_s));
    QVERIFY(db.open().ok);
    ConversationStore& store = db.conversations();
    ComparisonStore comparisons(store);

    CompareSetup setup;
    QList<ConversationRecord> columns;
    for (int m = 0; m < kModels; ++m) {
        CompareColumnSetup c;
        c.overrides.model = u"provider%1/model-%1"_s.arg(m);
        setup.columns.append(c);
        ConversationRecord r;
        r.id = u"col%1"_s.arg(m);
        columns.append(r);
    }
    setup.repeat = kRepeats;
    QVERIFY(comparisons.createComparison({u"big"_s, u"Support summaries"_s, QDateTime::currentDateTimeUtc(),
                                          QDateTime::currentDateTimeUtc(), setup.toJson()}, columns));
    QString answer;
    while (answer.size() < 8000)
        answer += u"The customer reports that the export fails with a timeout after the upgrade; we reproduced it. "_s;
    QString trace = u"["_s;
    for (int i = 0; i < 200; ++i)
        trace += u"[%1,%2],"_s.arg(0.3 + i * 0.05).arg(i * 10);
    trace.chop(1);
    trace += u']';
    for (int m = 0; m < kModels; ++m) {
        const QString column = u"col%1"_s.arg(m);
        MessageRecord q;
        q.id = u"q"_s + column;
        q.conversationId = column;
        q.content = u"Summarize this ticket."_s;
        QVERIFY(store.saveMessage(q));
        for (int r = 0; r < kRepeats; ++r) {
            MessageRecord a;
            a.id = u"a%1-%2"_s.arg(m).arg(r);
            a.conversationId = column;
            a.parentId = q.id;
            a.role = MessageRole::Assistant;
            a.content = answer;
            a.stats.requestedModel = a.stats.servedBy = setup.columns.at(m).overrides.model;
            a.stats.ttftMs = 200 + 40 * m + r;
            a.stats.totalMs = 3000 + 300 * m + 7 * r;
            a.stats.tokensPerSecond = 2000 / ((*a.stats.totalMs - *a.stats.ttftMs) / 1000);
            a.stats.inputTokens = 900;
            a.stats.outputTokens = 2000;
            a.stats.costUsd = 0.0004 * (m + 1);
            QVERIFY(store.saveMessage(a));
            QVERIFY(store.saveTrace(a.id, trace.toUtf8()));
        }
    }

    QList<double> buildMs, htmlMs, jsonMs, csvMs, mdMs;
    qsizetype htmlBytes = 0, jsonBytes = 0;
    for (int round = 0; round < 5; ++round) {
        QElapsedTimer clock;
        clock.start();
        QString error;
        const std::optional<Report> report = buildReport(store, ReportKind::Comparison, u"big"_s, ReportOptions(), error);
        QVERIFY2(report, qPrintable(error));
        QCOMPARE(report->answers.size(), kModels * kRepeats);
        buildMs.append(clock.nsecsElapsed() / 1e6);
        clock.restart();
        const QByteArray html = reportHtml(*report);
        htmlMs.append(clock.nsecsElapsed() / 1e6);
        clock.restart();
        jsonBytes = reportJson(*report).size();
        jsonMs.append(clock.nsecsElapsed() / 1e6);
        clock.restart();
        reportCsv(*report);
        csvMs.append(clock.nsecsElapsed() / 1e6);
        clock.restart();
        reportMarkdown(*report, u"charts"_s);
        mdMs.append(clock.nsecsElapsed() / 1e6);
        htmlBytes = html.size();
        if (round == 0) {
            const test::HtmlReading reading = test::readReportHtml(html);
            QVERIFY2(reading.error.isEmpty(), qPrintable(reading.error));
        }
    }
    const double build = test::percentile(buildMs, 0.5), html = test::percentile(htmlMs, 0.5);
    std::printf("8 models × 10 repeats × ~2,000-token answers (80 answers, 200-point traces), median of 5:\n"
                "  load from the history + build the report: %7.1f ms\n"
                "  HTML:     %7.1f ms, %lld bytes (%.2f MB; target < 2 MB)\n"
                "  JSON:     %7.1f ms, %lld bytes\n"
                "  CSV:      %7.1f ms\n"
                "  Markdown: %7.1f ms\n"
                "  build + HTML: %.1f ms (target < 1000 ms): %s\n",
                build, html, qlonglong(htmlBytes), htmlBytes / 1048576.0, test::percentile(jsonMs, 0.5),
                qlonglong(jsonBytes), test::percentile(csvMs, 0.5), test::percentile(mdMs, 0.5), build + html,
                build + html < 1000 && htmlBytes < 2 * 1048576 ? "met" : "MISSED");
}

QTEST_GUILESS_MAIN(BenchReport)
#include "BenchReport.moc"
