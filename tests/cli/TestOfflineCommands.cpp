// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in offline providers from the command line: with no configuration, no key and no server, `juxta ask`
// and `juxta compare` answer through the "echo" and "scripted" presets, with usage, a cost of exactly $0 and the
// "offline" label; the demo script's flaky model falls back from the command line as in the app.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestOfflineCommands : public QObject
{
    Q_OBJECT

private slots:
    void askAnswersWithoutAnyNetwork();
    void compareRunsOfflineModelsSideBySide();
    void scriptedFallsBackFromTheCommandLine();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run juxta(const QStringList& arguments);
    QTemporaryDir m_home;
};

TestOfflineCommands::Run TestOfflineCommands::juxta(const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s)); // no configuration at all
    env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));
    env.insert(u"http_proxy"_s, u"http://127.0.0.1:9"_s); // anything that tried the network would fail
    env.insert(u"https_proxy"_s, u"http://127.0.0.1:9"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(JUXTA_BINARY), arguments);
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        qWarning("juxta hung; stderr: %s", process.readAllStandardError().constData());
        return {};
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

void TestOfflineCommands::askAnswersWithoutAnyNetwork()
{
    const Run run = juxta({u"ask"_s, u"--model"_s, u"echo/echo-upper"_s, u"--json"_s, u"Hello, offline world"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject out = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(out.value(u"text"_s).toString(), u"HELLO, OFFLINE WORLD"_s);
    QCOMPARE(out.value(u"complete"_s).toBool(), true);
    QCOMPARE(out.value(u"usage"_s).toObject().value(u"output_tokens"_s).toInt(), 4); // HELLO , OFFLINE WORLD
    QCOMPARE(out.value(u"cost_usd"_s).toDouble(-1), 0.0); // offline costs nothing, by definition
    const double ttft = out.value(u"metrics"_s).toObject().value(u"ttft_ms"_s).toDouble();
    QVERIFY2(ttft >= 245 && ttft < 250 + 500, qPrintable(QString::number(ttft))); // the preset's 250 ms
}

void TestOfflineCommands::compareRunsOfflineModelsSideBySide()
{
    const Run run = juxta({u"compare"_s, u"--model"_s, u"echo/echo"_s, u"--model"_s, u"echo/echo-reverse"_s,
                           u"--model"_s, u"echo/echo-word-count"_s, u"--json"_s, u"one two three"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonArray results = QJsonDocument::fromJson(run.out).object().value(u"results"_s).toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).toObject().value(u"text"_s).toString(), u"one two three"_s);
    QCOMPARE(results.at(1).toObject().value(u"text"_s).toString(), u"eerht owt eno"_s);
    QCOMPARE(results.at(2).toObject().value(u"text"_s).toString(), u"3 words"_s);
    for (const QJsonValue& r : results) {
        QCOMPARE(r.toObject().value(u"offline"_s).toBool(), true);
        QCOMPARE(r.toObject().value(u"cost"_s).toObject().value(u"price_source"_s).toString(), u"offline"_s);
    }

    const Run table = juxta({u"compare"_s, u"--model"_s, u"echo/echo"_s, u"--model"_s, u"scripted/swift"_s, u"hi"_s});
    QVERIFY2(table.exitCode == 0, table.err.constData());
    QVERIFY2(table.out.contains("echo/echo (offline)") && table.out.contains("scripted/swift (offline)"),
             table.out.constData());
}

void TestOfflineCommands::scriptedFallsBackFromTheCommandLine()
{
    // flaky: a 429 with Retry-After 1 (retried after the wait), then a stream cut after 12 tokens; then slow.
    const Run run = juxta({u"ask"_s, u"--model"_s, u"scripted/flaky"_s, u"--fallback"_s, u"scripted/slow"_s, u"--json"_s,
                           u"Hello"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject out = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(out.value(u"served_by"_s).toString(), u"scripted/slow"_s);
    QVERIFY2(out.value(u"text"_s).toString().startsWith(u"(slow, scripted) You asked: \"Hello\""_s),
             qPrintable(out.value(u"text"_s).toString()));
    const QJsonArray attempts = out.value(u"attempts"_s).toArray();
    QCOMPARE(attempts.size(), 3);
    QCOMPARE(attempts.at(0).toObject().value(u"error_class"_s).toString(), u"rate_limited"_s);
    QCOMPARE(attempts.at(0).toObject().value(u"http_status"_s).toInt(), 429);
    QCOMPARE(attempts.at(1).toObject().value(u"retry"_s).toInt(), 1);
    QCOMPARE(attempts.at(1).toObject().value(u"error_class"_s).toString(), u"network"_s);
    QVERIFY(attempts.at(1).toObject().value(u"partial_text"_s).toString().startsWith(u"Here is my answer"_s));
    QCOMPARE(out.value(u"cost_usd"_s).toDouble(-1), 0.0);
}

QTEST_GUILESS_MAIN(TestOfflineCommands)
#include "TestOfflineCommands.moc"
