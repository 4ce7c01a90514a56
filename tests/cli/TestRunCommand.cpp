// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta run` as a process: the shipped examples run with no key and no network (the built-in scripted provider
// answers them) and print their outputs; --json is the run record; --validate, --estimate, --var, --from, --cache
// and --allow-read do what they say; exit statuses 0, 1, 2, 3 and 4; the run is listed by `juxta history`.
#include "config/ConfigStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

const QString kExamples = QStringLiteral(JUXTA_EXAMPLES_DIR);

} // namespace

class TestRunCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void examplesRunOffline_data();
    void examplesRunOffline();
    void jsonIsTheRunRecordAndHistoryListsIt();
    void variablesCacheAndFrom();
    void validateAndEstimate();
    void exitStatuses();
    void readsOutsideTheFolderOnlyWhenAllowed();
    void ctrlCStopsTheRunWith130();
    void helpShowsTheRealPaths();
    void aPipelineFileOpensInTheWindow();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    QProcessEnvironment environment() const; // this test's own XDG folders
    Run juxta(const QStringList& arguments);
    QString write(const QString& name, const QByteArray& text);

    QTemporaryDir m_home;
};

void TestRunCommand::initTestCase()
{
    QVERIFY(m_home.isValid());
}

QProcessEnvironment TestRunCommand::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));
    return env;
}

TestRunCommand::Run TestRunCommand::juxta(const QStringList& arguments)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(JUXTA_BINARY), arguments);
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        return {-2, process.readAllStandardOutput(), process.readAllStandardError()};
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

QString TestRunCommand::write(const QString& name, const QByteArray& text)
{
    const QString path = m_home.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestRunCommand::examplesRunOffline_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QTest::newRow("summarize, then format") << u"summarize-then-format.juxta"_s << u"**Juxta in brief**"_s;
    QTest::newRow("draft, critique, revise") << u"draft-critique-revise.juxta"_s << u"Keep the winner"_s;
    QTest::newRow("map-reduce") << u"map-reduce-summary.juxta"_s << u"measure before you choose"_s;
    QTest::newRow("ask three, judge") << u"ask-three-judge.juxta"_s << u"The judge chose B"_s;
}

void TestRunCommand::examplesRunOffline()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const Run run = juxta({u"run"_s, QDir(kExamples).filePath(file)});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(QString::fromUtf8(run.out).contains(expected), run.out.constData());
    QVERIFY2(run.err.contains("0 failed") && run.err.contains("$0.00"), run.err.constData());
}

void TestRunCommand::jsonIsTheRunRecordAndHistoryListsIt()
{
    const Run run = juxta({u"run"_s, QDir(kExamples).filePath(u"map-reduce-summary.juxta"_s), u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject r = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(r.value(u"state"_s).toString(), u"done"_s);
    QCOMPARE(r.value(u"pipeline"_s).toString(), u"Map-reduce summary of a long text"_s);
    QVERIFY(r.value(u"wall_ms"_s).toDouble() > 0);
    const QJsonObject totals = r.value(u"totals"_s).toObject();
    QCOMPARE(totals.value(u"cost_usd"_s).toDouble(-1), 0.0); // offline: $0 by definition, known
    QVERIFY(totals.value(u"output_tokens"_s).toDouble() > 0);
    QCOMPARE(totals.value(u"nodes"_s).toInt(), 6);
    QVERIFY(r.value(u"critical_path"_s).toObject().value(u"nodes"_s).toArray().size() >= 5);
    QVERIFY(r.value(u"outputs"_s).toObject().value(u"summary"_s).toString().contains(u"measure before you choose"_s));
    QJsonObject summaries;
    for (const QJsonValue& n : r.value(u"nodes"_s).toArray()) {
        if (n.toObject().value(u"name"_s).toString() == u"summaries"_s)
            summaries = n.toObject();
    }
    QVERIFY(summaries.value(u"items"_s).toInt() >= 3);
    QCOMPARE(summaries.value(u"output"_s).toArray().size(), summaries.value(u"items"_s).toInt());
    QVERIFY(summaries.value(u"ttft_ms"_s).toDouble() > 100); // the script's pace: 150 ms to the first token
    QCOMPARE(summaries.value(u"served_by"_s).toArray(), QJsonArray{u"scripted/brief"_s});
    QVERIFY(summaries.value(u"trace"_s).toArray().size() >= 2);

    const QString id = r.value(u"id"_s).toString();
    const QJsonArray runs = QJsonDocument::fromJson(juxta({u"history"_s, u"--kind"_s, u"run"_s, u"--json"_s}).out).array();
    bool listed = false;
    for (const QJsonValue& entry : runs)
        listed = listed || (entry.toObject().value(u"id"_s).toString() == id
                            && entry.toObject().value(u"state"_s).toString() == u"done"_s);
    QVERIFY(listed);
    const Run shown = juxta({u"history"_s, u"show"_s, id});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY2(shown.out.contains("| summaries | model | done |"), shown.out.constData());
    const QJsonObject exported = QJsonDocument::fromJson(juxta({u"history"_s, u"export"_s, id}).out).object();
    QCOMPARE(exported.value(u"nodes"_s).toArray().size(), 6);
    QCOMPARE(exported.value(u"outputs"_s), r.value(u"outputs"_s));
}

void TestRunCommand::variablesCacheAndFrom()
{
    const QString file = QDir(kExamples).filePath(u"summarize-then-format.juxta"_s);
    Run run = juxta({u"run"_s, file, u"--var"_s, u"input=A short text."_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    QJsonObject r = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(r.value(u"variables"_s).toObject().value(u"input"_s).toString(), u"A short text."_s);
    const auto states = [](const QJsonObject& record) {
        QStringList list;
        for (const QJsonValue& n : record.value(u"nodes"_s).toArray())
            list.append(n.toObject().value(u"name"_s).toString() + u'=' + n.toObject().value(u"state"_s).toString());
        return list;
    };
    run = juxta({u"run"_s, file, u"--var"_s, u"input=A short text."_s, u"--cache"_s, u"--json"_s});
    r = QJsonDocument::fromJson(run.out).object();
    // Inputs are read again every time; what depends on them, unchanged, comes from the cache.
    QCOMPARE(states(r), (QStringList{u"article=done"_s, u"summary=cached"_s, u"formatted=cached"_s, u"result=cached"_s}));
    run = juxta({u"run"_s, file, u"--var"_s, u"input=A short text."_s, u"--from"_s, u"formatted"_s, u"--json"_s});
    r = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(states(r), (QStringList{u"article=done"_s, u"summary=cached"_s, u"formatted=done"_s, u"result=done"_s}));
}

void TestRunCommand::validateAndEstimate()
{
    const QString file = QDir(kExamples).filePath(u"ask-three-judge.juxta"_s);
    Run run = juxta({u"run"_s, file, u"--validate"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("valid (11 nodes)"));
    run = juxta({u"run"_s, file, u"--estimate"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject e = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(e.value(u"nodes"_s).toArray().size(), 4); // the four model steps
    QCOMPARE(e.value(u"max_usd"_s).toDouble(-1), 0.0);
    const QString broken = write(u"broken.juxta"_s, R"J({"format": "juxta.pipeline", "version": 1, "name": "b",
        "nodes": [{"name": "a", "kind": "template", "text": "{{ghost}}"}, {"name": "out", "kind": "output"}],
        "edges": []})J");
    run = juxta({u"run"_s, broken, u"--validate"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 4);
    const QJsonObject v = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(v.value(u"valid"_s).toBool(true), false);
    QStringList problems;
    for (const QJsonValue& p : v.value(u"problems"_s).toArray())
        problems.append(p.toObject().value(u"node"_s).toString() + u": "_s + p.toObject().value(u"message"_s).toString());
    QVERIFY2(problems.contains(u"a: template: {{ghost}} is neither a node nor a variable"_s), qPrintable(problems.join(u'\n')));
    QVERIFY2(problems.contains(u"out: nothing is connected to its input"_s), qPrintable(problems.join(u'\n')));
    QVERIFY(run.err.contains("a: template: {{ghost}}"));
}

void TestRunCommand::exitStatuses()
{
    const QString example = QDir(kExamples).filePath(u"summarize-then-format.juxta"_s);
    QCOMPARE(juxta({u"run"_s}).exitCode, 2);
    QCOMPARE(juxta({u"run"_s, m_home.filePath(u"nowhere.juxta"_s)}).exitCode, 2);
    QCOMPARE(juxta({u"run"_s, example, u"--var"_s, u"nope=1"_s}).exitCode, 2);
    QCOMPARE(juxta({u"run"_s, example, u"--var"_s, u"novalue"_s}).exitCode, 2);
    QCOMPARE(juxta({u"run"_s, example, u"--from"_s, u"nowhere"_s}).exitCode, 2);
    const Run invalid = juxta({u"run"_s, write(u"bad.juxta"_s, "{\"format\": \"juxta.pipeline\", \"version\": 9}")});
    QCOMPARE(invalid.exitCode, 4);
    QVERIFY(invalid.err.contains("newer Juxta"));
    // A node fails (a script throws): 1, with the error on stderr; the rest of the run is still reported.
    const QString failing = write(u"fails.juxta"_s, R"J({"format": "juxta.pipeline", "version": 1, "name": "f",
        "nodes": [{"name": "a", "kind": "input", "source": "text", "text": "x"},
                  {"name": "boom", "kind": "transform", "op": "script", "script": "throw new Error('no way')"},
                  {"name": "ok", "kind": "output"}],
        "edges": [{"from": "a", "to": "boom"}, {"from": "a", "to": "ok"}]})J");
    const Run failed = juxta({u"run"_s, failing});
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.err.contains("boom: Error: no way") || failed.err.contains("boom: no way"), failed.err.constData());
    QCOMPARE(failed.out, QByteArray("x\n"));
    // Over a blocking budget: 3, and nothing is sent (the model's server does not even exist).
    ConfigStore store(m_home.filePath(u"config/juxta/config.json"_s));
    store.load();
    QVERIFY(store.update([](AppConfig& config) {
        ProviderProfile p;
        p.id = u"paid"_s;
        p.presetId = u"custom"_s;
        p.auth = AuthStyle::None;
        p.baseUrl = QUrl(u"http://127.0.0.1:9/v1"_s);
        config.profiles = {p};
        ModelPrice price;
        price.base.input = 10;
        price.base.output = 30;
        config.priceOverrides.insert(u"paid/big"_s, price);
        config.budget.perRequestUsd = 0.001;
        config.budget.action = BudgetLimits::Action::Block;
    }));
    const QString paid = write(u"paid.juxta"_s, R"J({"format": "juxta.pipeline", "version": 1, "name": "p",
        "nodes": [{"name": "ask", "kind": "model", "model": "paid/big", "prompt": "Write a book", "max_tokens": 100000}],
        "edges": []})J");
    const Run blocked = juxta({u"run"_s, paid});
    QCOMPARE(blocked.exitCode, 3);
    QVERIFY2(blocked.err.contains("budget") || blocked.err.contains("limit"), blocked.err.constData());
    QVERIFY(store.update([](AppConfig& config) { config = AppConfig(); }));
}

void TestRunCommand::readsOutsideTheFolderOnlyWhenAllowed()
{
    const QString secret = write(u"private/secret.txt"_s, "the secret");
    const QString pipeline = write(u"shared/reads.juxta"_s, QByteArray(R"({"format": "juxta.pipeline", "version": 1,
        "name": "r", "nodes": [{"name": "f", "kind": "input", "source": "file", "file": "../private/secret.txt"},
        {"name": "out", "kind": "output"}], "edges": [{"from": "f", "to": "out"}]})"));
    const Run refused = juxta({u"run"_s, pipeline});
    QCOMPARE(refused.exitCode, 4);
    QVERIFY2(refused.err.contains("outside the pipeline's folder"), refused.err.constData());
    QVERIFY(!refused.out.contains("the secret"));
    const Run allowed = juxta({u"run"_s, pipeline, u"--allow-read"_s, QFileInfo(secret).absolutePath()});
    QCOMPARE(allowed.exitCode, 0);
    QCOMPARE(allowed.out, QByteArray("the secret\n"));
}

void TestRunCommand::ctrlCStopsTheRunWith130()
{
    // A slow offline echo (5 tokens/s): Ctrl+C half-way keeps what arrived, records the run as cancelled, and the
    // process exits 130 as the shell expects of an interrupted program.
    ConfigStore store(m_home.filePath(u"config/juxta/config.json"_s));
    store.load();
    QVERIFY(store.update([](AppConfig& config) {
        ProviderProfile p;
        p.id = u"slow"_s;
        p.presetId = u"echo"_s;
        p.auth = AuthStyle::None;
        p.baseUrl = QUrl(u"juxta-offline://echo/v1?ttft_ms=0&tokens_per_second=5&token_unit=word"_s);
        config.profiles = {p};
    }));
    const QString slow = write(u"slow.juxta"_s, R"J({"format": "juxta.pipeline", "version": 1, "name": "s",
        "nodes": [{"name": "say", "kind": "model", "model": "slow/echo",
                   "prompt": "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"},
                  {"name": "out", "kind": "output"}],
        "edges": [{"from": "say", "to": "out"}]})J");
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(JUXTA_BINARY), {u"run"_s, slow, u"--json"_s});
    QVERIFY(process.waitForStarted());
    QTest::qWait(1200); // a few words have streamed
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(20'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    const QJsonObject r = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QCOMPARE(r.value(u"state"_s).toString(), u"cancelled"_s);
    const QJsonArray nodes = r.value(u"nodes"_s).toArray();
    QVERIFY(!nodes.isEmpty());
    QVERIFY(store.update([](AppConfig& config) { config = AppConfig(); }));
}

void TestRunCommand::helpShowsTheRealPaths()
{
    // The files as they are on this machine ($XDG_CONFIG_HOME, $XDG_DATA_HOME honoured), not a guess like ~/.config.
    const QString config = m_home.filePath(u"config/juxta/config.json"_s);
    for (const QStringList& command : {QStringList{u"--help"_s}, QStringList{u"ask"_s, u"--help"_s},
                                       QStringList{u"key"_s, u"--help"_s}, QStringList{u"budget"_s, u"--help"_s}}) {
        const Run help = juxta(command);
        QCOMPARE(help.exitCode, 0);
        const QString text = QString::fromUtf8(help.out).remove(QRegularExpression(u"\\s"_s)); // help wraps lines
        QVERIFY2(text.contains(config), qPrintable(text));
        QVERIFY(!text.contains(u"~/.config"_s));
    }
    const Run history = juxta({u"history"_s, u"--help"_s});
    const QString historyHelp = QString::fromUtf8(history.out).remove(QRegularExpression(u"\\s"_s));
    QVERIFY2(historyHelp.contains(m_home.filePath(u"data/juxta/history.sqlite"_s)), history.out.constData());
}

void TestRunCommand::aPipelineFileOpensInTheWindow()
{
    // What a file manager does with a *.juxta (Exec=juxta %F): the window opens it in the Pipeline view, which
    // files it under recent pipelines in the app's settings — beside config.json, in the lower-case folder.
    const QString example = QDir(kExamples).filePath(u"summarize-then-format.juxta"_s);
    QProcess process;
    QProcessEnvironment env = environment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(JUXTA_BINARY), {example});
    QVERIFY(process.waitForStarted());
    const QString settings = m_home.filePath(u"config/juxta/juxta.conf"_s);
    const auto opened = [&settings, &example] {
        QFile file(settings);
        return file.open(QIODevice::ReadOnly) && file.readAll().contains(QFileInfo(example).canonicalFilePath().toUtf8());
    };
    QTRY_VERIFY_WITH_TIMEOUT(opened(), 15'000);
    process.terminate();
    process.waitForFinished(5000);
    QVERIFY(!QFile::exists(m_home.filePath(u"config/Juxta"_s)));
}

QTEST_GUILESS_MAIN(TestRunCommand)
#include "TestRunCommand.moc"
