// SPDX-License-Identifier: GPL-3.0-or-later
// The report commands end to end, offline: `compare --report` and `run --report` write theirs once what they ran is
// saved; `juxta report` makes any of them again from the history (ids from `juxta history --json`) in every format,
// and its figures are the stored ones. Bad usage exits 2 before anything runs.
#include "ReportChecks.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta::test;

class TestReportCli : public QObject
{
    Q_OBJECT

private slots:
    void compareReportThenReportAgain();
    void runReportAsMarkdownAndCsv();
    void conversationReport();
    void badUsageExitsTwoBeforeRunning();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run juxta(const QStringList& arguments);
    QString idOf(const QString& kind);
    QByteArray read(const QString& name) const;
    QTemporaryDir m_home;
};

TestReportCli::Run TestReportCli::juxta(const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));
    env.insert(u"http_proxy"_s, u"http://127.0.0.1:9"_s); // anything that tried the network would fail
    env.insert(u"https_proxy"_s, u"http://127.0.0.1:9"_s);
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_home.path());
    process.start(QStringLiteral(JUXTA_BINARY), arguments);
    if (!process.waitForFinished(90'000)) {
        process.kill();
        process.waitForFinished();
        qWarning("juxta hung; stderr: %s", process.readAllStandardError().constData());
        return {};
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

QString TestReportCli::idOf(const QString& kind)
{
    const Run list = juxta({u"history"_s, u"--json"_s, u"--kind"_s, kind});
    const QJsonArray entries = QJsonDocument::fromJson(list.out).array();
    return entries.isEmpty() ? QString() : entries.first().toObject().value(u"id"_s).toString();
}

QByteArray TestReportCli::read(const QString& name) const
{
    QFile f(m_home.filePath(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestReportCli::compareReportThenReportAgain()
{
    const Run compare = juxta({u"compare"_s, u"--model"_s, u"scripted/swift"_s, u"--model"_s, u"scripted/steady"_s,
                               u"--repeat"_s, u"2"_s, u"--system"_s, u"Be brief."_s, u"--report"_s, u"cmp.html"_s,
                               u"Why write tests?"_s});
    QVERIFY2(compare.exitCode == 0, compare.err.constData());
    QVERIFY(compare.err.contains("report written to cmp.html"));
    const HtmlReading html = readReportHtml(read(u"cmp.html"_s));
    QVERIFY2(html.error.isEmpty(), qPrintable(html.error));
    QVERIFY(html.text.contains(u"Why write tests?"_s) && html.text.contains(u"Be brief."_s));
    QVERIFY(html.text.contains(u"Fastest: scripted/swift"_s));
    QVERIFY(html.svgCount >= 2);

    const QString id = idOf(u"comparison"_s);
    QVERIFY(!id.isEmpty());
    const Run again = juxta({u"report"_s, u"--comparison"_s, id, u"-o"_s, u"again.json"_s, u"--include"_s,
                             u"answers,parameters,reasoning"_s});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(again.out.trimmed(), QByteArray("again.json"));
    const QString problems = schemaProblems(m_home.filePath(u"again.json"_s));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));

    // Each answer's figures are the stored ones (the history's own export says what was stored).
    const Run stored = juxta({u"history"_s, u"export"_s, id, u"--format"_s, u"json"_s});
    QHash<QString, QJsonObject> statsById;
    for (const QJsonValue& column : QJsonDocument::fromJson(stored.out).object().value(u"columns"_s).toArray())
        for (const QJsonValue& m : column.toObject().value(u"messages"_s).toArray())
            statsById.insert(m.toObject().value(u"id"_s).toString(), m.toObject().value(u"stats"_s).toObject());
    const QJsonObject report = QJsonDocument::fromJson(read(u"again.json"_s)).object();
    const QJsonArray outputs = report.value(u"outputs"_s).toArray();
    QCOMPARE(outputs.size(), 4);
    for (const QJsonValue& v : outputs) {
        const QJsonObject o = v.toObject();
        const QJsonObject s = statsById.value(o.value(u"id"_s).toString());
        QVERIFY2(!s.isEmpty(), qPrintable(o.value(u"id"_s).toString()));
        QCOMPARE(o.value(u"total_ms"_s).toDouble(), s.value(u"total_ms"_s).toDouble());
        QCOMPARE(o.value(u"ttft_ms"_s).toDouble(), s.value(u"ttft_ms"_s).toDouble());
        QCOMPARE(o.value(u"output_tokens"_s).toInteger(), s.value(u"output_tokens"_s).toInteger());
        QVERIFY(!o.value(u"content"_s).toString().isEmpty());
    }
    QCOMPARE(report.value(u"inputs"_s).toObject().value(u"system_prompt"_s).toString(), u"Be brief."_s);
    QCOMPARE(report.value(u"totals"_s).toObject().value(u"cost_usd"_s).toDouble(), 0.0); // offline: $0 by definition

    // A file that cannot be written is a failure (1), not bad usage, and says why.
    const Run unwritable = juxta({u"report"_s, u"--comparison"_s, id, u"-o"_s, m_home.filePath(u"no/such/dir/r.html"_s)});
    QCOMPARE(unwritable.exitCode, 1);
    QVERIFY2(unwritable.err.contains("cannot write"), unwritable.err.constData());
}

void TestReportCli::runReportAsMarkdownAndCsv()
{
    const QString pipeline = QStringLiteral(JUXTA_EXAMPLES_DIR "/summarize-then-format.juxta");
    const Run run = juxta({u"run"_s, pipeline, u"--report"_s, u"run.md"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString md = QString::fromUtf8(read(u"run.md"_s));
    QVERIFY(md.contains(u"| summary | model | done |"_s));
    QVERIFY(md.contains(u"![Timeline: where the time went](<run.timeline.svg>)"_s));
    QVERIFY(QFile::exists(m_home.filePath(u"run.timeline.svg"_s)));

    const QString id = idOf(u"run"_s);
    QVERIFY(!id.isEmpty());
    const Run csv = juxta({u"report"_s, u"--run"_s, id, u"-o"_s, u"run.csv"_s});
    QVERIFY2(csv.exitCode == 0, csv.err.constData());
    QString error;
    const QList<QStringList> rows = readCsv(read(u"run.csv"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.size(), 5); // header + four nodes
    const int node = int(rows.at(0).indexOf(u"node"_s));
    QStringList nodes;
    for (const QStringList& r : rows.mid(1))
        nodes.append(r.at(node));
    QCOMPARE(nodes, (QStringList{u"article"_s, u"summary"_s, u"formatted"_s, u"result"_s}));

    const Run html = juxta({u"report"_s, u"--run"_s, id, u"-o"_s, u"run.xhtml"_s, u"--format"_s, u"html"_s});
    QVERIFY2(html.exitCode == 0, html.err.constData());
    const HtmlReading reading = readReportHtml(read(u"run.xhtml"_s));
    QVERIFY2(reading.error.isEmpty(), qPrintable(reading.error));
    QVERIFY(reading.ids.contains(u"graph"_s) && reading.ids.contains(u"chart-timeline"_s));

    // A batch is reported by its id: per node and model, and its rows.
    QFile inputRows(m_home.filePath(u"rows.csv"_s));
    QVERIFY(inputRows.open(QIODevice::WriteOnly));
    inputRows.write("input\n\"First text, with a comma.\"\nSecond text.\n");
    inputRows.close();
    const Run batch = juxta({u"run"_s, pipeline, u"--input"_s, u"rows.csv"_s, u"--output"_s, u"rows.jsonl"_s});
    QVERIFY2(batch.exitCode == 0, batch.err.constData());
    const QString batchId = idOf(u"batch"_s);
    QVERIFY(!batchId.isEmpty());
    const Run batchReport = juxta({u"report"_s, u"--run"_s, batchId, u"-o"_s, u"batch.html"_s});
    QVERIFY2(batchReport.exitCode == 0, batchReport.err.constData());
    const HtmlReading batchHtml = readReportHtml(read(u"batch.html"_s));
    QVERIFY2(batchHtml.error.isEmpty(), qPrintable(batchHtml.error));
    QVERIFY(batchHtml.ids.contains(u"rows"_s));
    QVERIFY2(batchHtml.text.contains(u"Batch done: 2 of 2 rows done, 0 failed."_s), qPrintable(batchHtml.text.left(800)));
}

void TestReportCli::conversationReport()
{
    const Run ask = juxta({u"ask"_s, u"--model"_s, u"scripted/swift"_s, u"--save"_s, u"Say hello"_s});
    QVERIFY2(ask.exitCode == 0, ask.err.constData());
    const QString id = idOf(u"conversation"_s);
    QVERIFY(!id.isEmpty());
    const Run report = juxta({u"report"_s, u"--conversation"_s, id, u"-o"_s, u"chat.json"_s});
    QVERIFY2(report.exitCode == 0, report.err.constData());
    const QString problems = schemaProblems(m_home.filePath(u"chat.json"_s));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    const QJsonObject json = QJsonDocument::fromJson(read(u"chat.json"_s)).object();
    QCOMPARE(json.value(u"messages"_s).toArray().size(), 2);
    QCOMPARE(json.value(u"messages"_s).toArray().at(0).toObject().value(u"content"_s).toString(), u"Say hello"_s);
    // --json: the files written, as data.
    const Run again = juxta({u"report"_s, u"--conversation"_s, id, u"-o"_s, u"chat.md"_s, u"--json"_s});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    const QJsonArray files = QJsonDocument::fromJson(again.out).object().value(u"files"_s).toArray();
    QCOMPARE(files.size(), 1);
    QVERIFY(files.at(0).toString().endsWith(u"chat.md"_s));
}

void TestReportCli::badUsageExitsTwoBeforeRunning()
{
    const Run unknown = juxta({u"report"_s, u"--comparison"_s, u"no-such-id"_s, u"-o"_s, u"x.html"_s});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("no comparison no-such-id in the history"), unknown.err.constData());
    QVERIFY(!QFile::exists(m_home.filePath(u"x.html"_s)));
    const Run pdf = juxta({u"report"_s, u"--comparison"_s, u"x"_s, u"-o"_s, u"x.pdf"_s});
    QCOMPARE(pdf.exitCode, 2);
    QVERIFY(pdf.err.contains("cannot tell the format"));
    QCOMPARE(juxta({u"report"_s, u"-o"_s, u"x.html"_s}).exitCode, 2);
    QCOMPARE(juxta({u"report"_s, u"--run"_s, u"a"_s, u"--conversation"_s, u"b"_s, u"-o"_s, u"x.html"_s}).exitCode, 2);
    QCOMPARE(juxta({u"report"_s, u"--run"_s, u"a"_s, u"-o"_s, u"x.html"_s, u"--include"_s, u"everything"_s}).exitCode, 2);
    QElapsedTimer clock;
    clock.start();
    const Run compare = juxta({u"compare"_s, u"--model"_s, u"scripted/slow"_s, u"--model"_s, u"scripted/steady"_s,
                               u"--report"_s, u"cmp.txt"_s, u"Hi"_s});
    QCOMPARE(compare.exitCode, 2);
    QVERIFY(compare.err.contains("cannot tell the format"));
    QVERIFY(clock.elapsed() < 1400); // refused before the slow model was asked (it takes 1.4 s to its first token)
    QCOMPARE(juxta({u"report"_s, u"--help"_s}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestReportCli)
#include "TestReportCli.moc"
