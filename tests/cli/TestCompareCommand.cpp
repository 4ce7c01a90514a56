// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta compare` as a process against the fake server: three models answering at different speeds (one failing),
// run twice each at once; the JSON has one entry per model with the fields of `ask --json` plus repeat statistics,
// the measured times follow the scripted ones, and the table names every model.
#include "FakeProviderServer.h"
#include "StreamScripts.h"
#include "answer/ChatSettings.h"
#include "compare/CompareSetup.h"
#include "config/ConfigStore.h"
#include "storage/ComparisonStore.h"
#include "storage/HistoryDatabase.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;
using namespace juxta::test;

class TestCompareCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void comparesModelsConcurrently();
    void printsATable();
    void refusesBadUsage();
    void budgetCountsAllModelsTogether();
    void eightModelsOnOneServerStreamAtOnce();
    void savedComparisonIsInTheHistory();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        qint64 elapsedMs = 0;
    };
    Run juxta(const QStringList& arguments);                // juxta compare --config … ARGUMENTS
    Run command(const QStringList& arguments);              // juxta ARGUMENTS

    QTemporaryDir m_home;
    FakeProviderServer m_server;
    int m_mostConnections = 0; // during the last run
};

void TestCompareCommand::initTestCase()
{
    QVERIFY(m_server.listen());
    m_server.setResponder([](const RecordedRequest& request) {
        const QString model = request.json().value(u"model"_s).toString();
        if (model == u"broken"_s)
            return ScriptedResponse::fromFixture(u"openai/error_401_invalid_key.http"_s);
        StreamScript script;
        script.model = model;
        script.pieces = {u"One"_s, u" two"_s, u" three"_s, u" four."_s};
        script.delayMs = model == u"slow"_s ? 150 : 10; // the first text arrives after two delays
        return openAiStream(script);
    });
    ConfigStore store(m_home.filePath(u"config.json"_s));
    store.load();
    QVERIFY(store.update([this](AppConfig& config) {
        ProviderProfile p;
        p.id = u"fake"_s;
        p.presetId = u"custom"_s;
        p.baseUrl = m_server.baseUrl();
        p.auth = AuthStyle::None;
        config.profiles = {p};
    }));
}

TestCompareCommand::Run TestCompareCommand::juxta(const QStringList& arguments)
{
    return command(QStringList{u"compare"_s, u"--config"_s, m_home.filePath(u"config.json"_s)} + arguments);
}

TestCompareCommand::Run TestCompareCommand::command(const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(JUXTA_BINARY), arguments);
    m_mostConnections = 0;
    while (!process.waitForFinished(10)) { // the fake server lives on this thread
        QCoreApplication::processEvents();
        m_mostConnections = std::max(m_mostConnections, m_server.openConnections());
        if (timer.elapsed() > 60'000) { // a hang fails here, with the child's output, not as a suite timeout
            process.kill();
            process.waitForFinished();
            qWarning("juxta hung; stderr: %s", process.readAllStandardError().constData());
            return {-2, {}, {}, timer.elapsed()};
        }
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError(), timer.elapsed()};
}

void TestCompareCommand::comparesModelsConcurrently()
{
    const int before = int(m_server.requests().size());
    const Run run = juxta({u"--model"_s, u"fake/fast"_s, u"--model"_s, u"fake/slow"_s, u"--model"_s,
                           u"fake/broken"_s, u"--repeat"_s, u"2"_s, u"--json"_s, u"Count to four"_s});
    QCOMPARE(run.exitCode, 1); // one model failed; the others are still reported
    QCOMPARE(int(m_server.requests().size()) - before, 6);
    const QJsonObject out = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(out.value(u"prompt"_s).toString(), u"Count to four"_s);
    const QJsonArray results = out.value(u"results"_s).toArray();
    QCOMPARE(results.size(), 3);
    const QJsonObject fast = results.at(0).toObject();
    const QJsonObject slow = results.at(1).toObject();
    const QJsonObject broken = results.at(2).toObject();
    QCOMPARE(fast.value(u"compared_model"_s).toString(), u"fake/fast"_s);
    QCOMPARE(fast.value(u"text"_s).toString(), u"One two three four."_s); // the fields of `ask --json`
    QCOMPARE(fast.value(u"complete"_s).toBool(), true);
    QVERIFY(fast.contains(u"usage"_s) && fast.contains(u"metrics"_s) && fast.contains(u"cost_usd"_s));
    QCOMPARE(fast.value(u"runs"_s).toArray().size(), 2);
    const QJsonObject fastRepeat = fast.value(u"repeat"_s).toObject();
    QCOMPARE(fastRepeat.value(u"runs"_s).toInt(), 2);
    QCOMPARE(fastRepeat.value(u"succeeded"_s).toInt(), 2);
    const QJsonObject slowTtft = slow.value(u"repeat"_s).toObject().value(u"ttft_ms"_s).toObject();
    const QJsonObject fastTtft = fastRepeat.value(u"ttft_ms"_s).toObject();
    QCOMPARE(slowTtft.value(u"samples"_s).toInt(), 2);
    // Scripted: the first text 150 ms (slow) and 10 ms (fast) after the role chunk.
    const double slowMedian = slowTtft.value(u"median"_s).toDouble();
    QVERIFY2(slowMedian >= 140, qPrintable(QString::number(slowMedian)));
    QVERIFY2(fastTtft.value(u"median"_s).toDouble() < slowMedian - 100,
             qPrintable(QString::number(fastTtft.value(u"median"_s).toDouble())));
    QVERIFY(slowTtft.value(u"p95"_s).toDouble() >= slowTtft.value(u"median"_s).toDouble());
    QCOMPARE(broken.value(u"complete"_s).toBool(), false);
    QCOMPARE(broken.value(u"error"_s).toObject().value(u"class"_s).toString(), u"auth"_s);
    QCOMPARE(broken.value(u"repeat"_s).toObject().value(u"succeeded"_s).toInt(), 0);
    QVERIFY(broken.value(u"repeat"_s).toObject().value(u"ttft_ms"_s).isNull());
    // Concurrently: the slow lane's two runs (~0.8 s each) take the time, not the sum of every lane.
    QVERIFY2(run.elapsedMs < 5000, qPrintable(QString::number(run.elapsedMs)));
}

void TestCompareCommand::printsATable()
{
    const Run run = juxta({u"--model"_s, u"fake/fast"_s, u"--model"_s, u"fake/fast"_s, u"Count"_s});
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY(out.contains(u"MODEL"_s) && out.contains(u"TTFT"_s) && out.contains(u"COST"_s));
    QCOMPARE(out.count(u"fake/fast"_s), 4); // the same model twice: two answers, two rows
    QVERIFY(out.contains(u"One two three four."_s));
}

void TestCompareCommand::refusesBadUsage()
{
    QCOMPARE(juxta({u"Count"_s}).exitCode, 2); // no model
    QStringList nine;
    for (int i = 0; i < 9; ++i)
        nine << u"--model"_s << u"fake/fast"_s;
    QCOMPARE(juxta(nine + QStringList{u"Count"_s}).exitCode, 2);
    QCOMPARE(juxta({u"--model"_s, u"fake/fast"_s, u"--repeat"_s, u"0"_s, u"Count"_s}).exitCode, 2);
    const Run unknown = juxta({u"--model"_s, u"nosuch/model"_s, u"Count"_s});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains("nosuch"));
}

void TestCompareCommand::budgetCountsAllModelsTogether()
{
    ConfigStore store(m_home.filePath(u"config.json"_s));
    store.load();
    const AppConfig before = store.config();
    // Each answer may cost up to 1,000 × $10/M = $0.01 (plus a few input tokens): one fits under $0.015, two do not.
    QVERIFY(store.update([](AppConfig& config) {
        ModelPrice price;
        price.base.input = 1;
        price.base.output = 10;
        config.priceOverrides.insert(u"fake/fast"_s, price);
        config.priceOverrides.insert(u"fake/slow"_s, price);
        config.budget.perRequestUsd = 0.015;
        config.budget.action = BudgetLimits::Action::Block;
    }));
    const int requestsBefore = int(m_server.requests().size());
    const Run one = juxta({u"--model"_s, u"fake/fast"_s, u"--max-tokens"_s, u"1000"_s, u"Count"_s});
    QCOMPARE(one.exitCode, 0);
    const Run two = juxta({u"--model"_s, u"fake/fast"_s, u"--model"_s, u"fake/slow"_s, u"--max-tokens"_s, u"1000"_s,
                           u"Count"_s});
    QCOMPARE(two.exitCode, 3);
    QVERIFY2(two.err.contains("all models together"), two.err.constData());
    QCOMPARE(int(m_server.requests().size()) - requestsBefore, 1); // nothing was sent for the blocked comparison
    QVERIFY(store.update([&before](AppConfig& config) { config = before; }));
}

void TestCompareCommand::eightModelsOnOneServerStreamAtOnce()
{
    // One network manager opens at most six HTTP/1.1 connections per server: eight lanes need more than one.
    QStringList arguments;
    for (int i = 0; i < 8; ++i)
        arguments << u"--model"_s << u"fake/slow"_s;
    const Run run = juxta(arguments + QStringList{u"--json"_s, u"Count"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(run.out).object().value(u"results"_s).toArray().size(), 8);
    QVERIFY2(m_mostConnections >= 8, QByteArray::number(m_mostConnections).constData());
}

void TestCompareCommand::savedComparisonIsInTheHistory()
{
    const Run run = juxta({u"--model"_s, u"fake/fast"_s, u"--model"_s, u"fake/slow"_s, u"--repeat"_s, u"2"_s,
                           u"--save"_s, u"--json"_s, u"Count to four"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject out = QJsonDocument::fromJson(run.out).object();
    const QString id = out.value(u"comparison_id"_s).toString();
    QVERIFY2(!id.isEmpty(), run.out.constData());

    // Listed beside conversations, with its kind and models; --kind picks one kind; the columns are not listed.
    const QJsonArray all = QJsonDocument::fromJson(command({u"history"_s, u"--json"_s}).out).array();
    QJsonObject listed;
    for (const QJsonValue& entry : all) {
        if (entry.toObject().value(u"id"_s).toString() == id)
            listed = entry.toObject();
    }
    QCOMPARE(listed.value(u"kind"_s).toString(), u"comparison"_s);
    QCOMPARE(listed.value(u"title"_s).toString(), u"Count to four"_s);
    QCOMPARE(listed.value(u"models"_s).toArray(), QJsonArray({u"fake/fast"_s, u"fake/slow"_s}));
    const QJsonArray conversations =
        QJsonDocument::fromJson(command({u"history"_s, u"--json"_s, u"--kind"_s, u"conversation"_s}).out).array();
    for (const QJsonValue& entry : conversations)
        QCOMPARE(entry.toObject().value(u"kind"_s).toString(), u"conversation"_s);
    QCOMPARE(conversations.size(), all.size() - 1);
    const QJsonArray comparisons =
        QJsonDocument::fromJson(command({u"history"_s, u"--json"_s, u"--kind"_s, u"comparison"_s}).out).array();
    QCOMPARE(comparisons.size(), 1);
    QCOMPARE(command({u"history"_s, u"--kind"_s, u"chats"_s}).exitCode, 2);
    QVERIFY(command({u"history"_s}).out.contains(("comparison    Count to four [fake/fast, fake/slow]")));

    // `history show ID` prints it; `history export ID` writes the compare view's JSON export.
    const Run shown = command({u"history"_s, u"show"_s, id});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY2(shown.out.contains("## fake/fast") && shown.out.contains("## fake/slow"), shown.out.constData());
    QVERIFY(shown.out.contains("One two three four."));
    const Run exported = command({u"history"_s, u"export"_s, id, u"--format"_s, u"json"_s});
    QCOMPARE(exported.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(exported.out).object().value(u"format"_s).toString(), u"juxta-comparison"_s);

    // Recorded as the compare view records it: the columns as conversations, every run a version of the answer
    // with its figures, the request log, and each answer's token-arrival trace.
    HistoryDatabase db(m_home.filePath(u"data/juxta/history.sqlite"_s));
    QVERIFY(db.open().ok);
    const std::optional<SavedComparison> saved = ComparisonStore(db.conversations()).loadComparison(id);
    QVERIFY(saved);
    const CompareSetup setup = CompareSetup::fromJson(saved->record.setupJson);
    QCOMPARE(setup.repeat, 2);
    QCOMPARE(setup.columns.size(), 2);
    QCOMPARE(saved->columns.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const Conversation& column = saved->columns.at(i);
        QCOMPARE(ChatSettings::fromJson(column.record.settingsJson).model, setup.columns.at(i).overrides.model);
        QCOMPARE(column.messages.size(), 3);
        const MessageRecord& question = column.messages.at(0);
        QCOMPARE(question.content, u"Count to four"_s);
        for (int version = 1; version <= 2; ++version) {
            const MessageRecord& answer = column.messages.at(version);
            QCOMPARE(answer.parentId, question.id);
            QCOMPARE(answer.state, MessageState::Complete);
            QCOMPARE(answer.content, u"One two three four."_s);
            QVERIFY(answer.stats.ttftMs && answer.stats.totalMs && answer.stats.outputTokens);
            QCOMPARE(db.conversations().attemptsFor(answer.id).size(), 1);
            QVERIFY(saved->traces.contains(answer.id));
        }
        QCOMPARE(column.record.currentLeafId, column.messages.at(2).id); // the last run is the one shown
    }
    const QJsonArray results = out.value(u"results"_s).toArray();
    QCOMPARE(results.at(0).toObject().value(u"conversation_id"_s).toString(), saved->columns.at(0).record.id);
}

QTEST_GUILESS_MAIN(TestCompareCommand)
#include "TestCompareCommand.moc"
