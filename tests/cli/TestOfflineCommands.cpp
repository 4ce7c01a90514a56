// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in echo provider from the command line, toward issue 7: with no configuration, no key and no server,
// `juxta ask` and `juxta compare` answer through the "echo" preset, with usage and a cost of exactly $0.
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
}

QTEST_GUILESS_MAIN(TestOfflineCommands)
#include "TestOfflineCommands.moc"
