// SPDX-License-Identifier: GPL-3.0-or-later
// A batch survives SIGKILL: `juxta run --input` over 100 rows against the fake provider server is killed once at
// least 30 rows are recorded in the history; `--resume` finishes it. The results file then has every row exactly
// once, in input order, and the server received at most 100 + concurrency requests in all (finished rows are never
// sent again; only those in flight at the kill are). The progress goes to stderr as plain lines off a terminal,
// and the exit status says whether every row succeeded.
#include "FakeProviderServer.h"
#include "StreamScripts.h"
#include "config/ConfigStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace juxta;
using namespace juxta::test;

namespace {

constexpr int kRows = 100;
constexpr int kConcurrency = 4;

const char* kPipeline = R"({
  "format": "juxta.pipeline",
  "version": 1,
  "name": "One question per row",
  "variables": [{"name": "topic"}],
  "nodes": [
    {"name": "topic_in", "kind": "input", "source": "variable", "variable": "topic"},
    {"name": "answer", "kind": "model", "model": "fake/model-a", "prompt": "One line about {{topic}}"},
    {"name": "result", "kind": "output"}
  ],
  "edges": [{"from": "topic_in", "to": "answer"}, {"from": "answer", "to": "result"}]
})";

QString lastUserMessage(const RecordedRequest& r)
{
    const QJsonArray messages = r.json().value(u"messages"_s).toArray();
    return messages.isEmpty() ? QString() : messages.last().toObject().value(u"content"_s).toString();
}

} // namespace

class TestBatchResume : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedBatchIsResumed();
    void failedRowsSetTheExitStatus();

private:
    QString write(const QString& name, const QByteArray& text);
    // Runs juxta to its end while this test's event loop serves the fake provider.
    // `juxta run` with these arguments; another command when the first argument is "history".
    int juxta(const QStringList& arguments, QByteArray* err = nullptr, QByteArray* out = nullptr);
    QList<int> recordedRows(const QString& batchId) const; // the rows' indices

    QTemporaryDir m_home;
    FakeProviderServer m_server;
    QProcessEnvironment m_env;
    QString m_config;
};

void TestBatchResume::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY(m_server.listen());
    m_server.setResponder([](const RecordedRequest& request) {
        StreamScript script;
        script.model = request.json().value(u"model"_s).toString();
        script.delayMs = 15;
        const QString prompt = lastUserMessage(request);
        script.pieces = {u"Answer "_s, u"to: "_s, prompt};
        if (prompt.endsWith(u"broken"_s))
            return ScriptedResponse::fromFixture(u"openai/error_401_invalid_key.http"_s);
        return openAiStream(script);
    });
    m_config = m_home.filePath(u"config.json"_s);
    ConfigStore store(m_config);
    store.load();
    QVERIFY(store.update([this](AppConfig& config) {
        ProviderProfile p;
        p.id = u"fake"_s;
        p.presetId = u"custom"_s;
        p.dialect = ApiDialect::OpenAi;
        p.auth = AuthStyle::None;
        p.baseUrl = m_server.baseUrl();
        p.limits.maxConcurrent = 8;
        config.profiles = {p};
    }));
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    m_env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));
    m_env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"xdg-config"_s));
}

QString TestBatchResume::write(const QString& name, const QByteArray& text)
{
    const QString path = m_home.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

int TestBatchResume::juxta(const QStringList& arguments, QByteArray* err, QByteArray* out)
{
    QProcess process;
    process.setProcessEnvironment(m_env);
    const bool history = arguments.value(0) == u"history"_s;
    process.start(QStringLiteral(JUXTA_BINARY),
                  history ? arguments : QStringList{u"run"_s, u"--config"_s, m_config} + arguments);
    QElapsedTimer waited;
    waited.start();
    while (process.state() != QProcess::NotRunning && waited.elapsed() < 90'000)
        QTest::qWait(20);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
    }
    if (err)
        *err = process.readAllStandardError();
    if (out)
        *out = process.readAllStandardOutput();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QList<int> TestBatchResume::recordedRows(const QString& batchId) const
{
    const QString name = u"peek"_s;
    QList<int> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_home.filePath(u"data/juxta/history.sqlite"_s));
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"_s);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(u"SELECT row FROM batch_rows WHERE batch_id = ? ORDER BY row"_s);
            q.addBindValue(batchId);
            if (q.exec()) {
                while (q.next())
                    rows.append(q.value(0).toInt());
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

void TestBatchResume::killedBatchIsResumed()
{
    const QString pipeline = write(u"rows.juxta"_s, kPipeline);
    QByteArray rows = "topic\n";
    for (int i = 0; i < kRows; ++i)
        rows += "topic " + QByteArray::number(i) + "\n";
    const QString input = write(u"rows.csv"_s, rows);
    const QString output = m_home.filePath(u"results.jsonl"_s);

    QProcess child;
    child.setProcessEnvironment(m_env);
    child.start(QStringLiteral(JUXTA_BINARY),
                {u"run"_s, u"--config"_s, m_config, pipeline, u"--input"_s, input, u"--concurrency"_s,
                 QString::number(kConcurrency), u"--output"_s, output});
    QVERIFY(child.waitForStarted());
    // The batch's id is the first thing it says; then wait for 30 recorded rows and kill it.
    QString batchId;
    QByteArray err;
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 60'000 && child.state() == QProcess::Running) {
        QTest::qWait(10);
        err += child.readAllStandardError();
        if (batchId.isEmpty()) {
            const QRegularExpressionMatch m = QRegularExpression(u"--resume (\\S+)\\)"_s).match(QString::fromUtf8(err));
            if (m.hasMatch())
                batchId = m.captured(1);
        }
        if (!batchId.isEmpty() && recordedRows(batchId).size() >= 30)
            break;
    }
    QVERIFY2(!batchId.isEmpty(), err.constData());
    QVERIFY2(child.state() == QProcess::Running, "the batch ended before it could be killed");
    ::kill(pid_t(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(5000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    const QList<int> recordedAtKill = recordedRows(batchId);
    QVERIFY2(recordedAtKill.size() >= 30 && recordedAtKill.size() < kRows, qPrintable(QString::number(recordedAtKill.size())));
    // The file so far holds whole rows only.
    QFile partial(output);
    QVERIFY(partial.open(QIODevice::ReadOnly));
    const QByteArray soFar = partial.readAll();
    QVERIFY(soFar.isEmpty() || soFar.endsWith('\n'));
    partial.close();

    // The history lists it as interrupted, with the rows it has.
    const auto listed = [this](const QString& kind) {
        QByteArray listing;
        QByteArray problems;
        const int status = juxta({u"history"_s, u"--kind"_s, kind, u"--json"_s}, &problems, &listing);
        if (status != 0)
            qWarning("%s", problems.constData());
        return QJsonDocument::fromJson(listing).array();
    };
    QJsonArray batches = listed(u"batch"_s);
    QCOMPARE(batches.size(), 1);
    QCOMPARE(batches.at(0)[u"id"_s].toString(), batchId);
    QCOMPARE(batches.at(0)[u"state"_s].toString(), u"interrupted"_s);
    QCOMPARE(batches.at(0)[u"rows"_s].toString(), u"%1/100 rows"_s.arg(recordedAtKill.size()));

    // Resumed (with the results file it remembers): the rest, and only the rest.
    QByteArray resumeErr;
    const int status = juxta({pipeline, u"--input"_s, input, u"--concurrency"_s, QString::number(kConcurrency),
                              u"--resume"_s, batchId},
                             &resumeErr);
    QVERIFY2(status == 0, resumeErr.constData());
    QVERIFY2(resumeErr.contains(QByteArray("batch " + batchId.toUtf8() + " done: 100/100 rows, 0 failed (")), resumeErr.constData());
    QVERIFY2(!resumeErr.contains('\r'), "progress off a terminal is plain lines");
    // Every row was sent; a row finished before the kill never again; only the few in flight at the kill twice.
    const qsizetype sent = m_server.requests().size();
    QVERIFY2(sent <= kRows + kConcurrency, qPrintable(u"%1 requests, %2 rows recorded at the kill"_s.arg(sent).arg(recordedAtKill.size())));
    QHash<QString, int> timesSent;
    for (const RecordedRequest& r : m_server.requests())
        timesSent[lastUserMessage(r)] += 1;
    QCOMPARE(timesSent.size(), kRows);
    for (const int row : recordedAtKill)
        QCOMPARE(timesSent.value(u"One line about topic %1"_s.arg(row)), 1);
    QCOMPARE(int(sent) - kRows, int(std::count(timesSent.cbegin(), timesSent.cend(), 2)));

    QFile results(output);
    QVERIFY(results.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = results.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), kRows);
    for (int i = 0; i < kRows; ++i) {
        const QJsonObject r = QJsonDocument::fromJson(lines.at(i)).object();
        QCOMPARE(r.value(u"row"_s).toInt(), i);
        QCOMPARE(r.value(u"status"_s).toString(), u"done"_s);
        QCOMPARE(r.value(u"outputs"_s).toObject().value(u"result"_s).toString(),
                 u"Answer to: One line about topic %1"_s.arg(i));
    }
    QCOMPARE(recordedRows(batchId).size(), kRows);

    batches = listed(u"batch"_s);
    QCOMPARE(batches.at(0)[u"state"_s].toString(), u"done"_s);
    QCOMPARE(batches.at(0)[u"rows"_s].toString(), u"100/100 rows"_s);
    // The rows' runs are the batch's, not runs of their own in the list; only those cut off by the kill remain.
    const QJsonArray runs = listed(u"run"_s);
    QVERIFY2(runs.size() <= kConcurrency, qPrintable(QString::number(runs.size())));
    for (const QJsonValue& run : runs)
        QCOMPARE(run[u"state"_s].toString(), u"interrupted"_s);
}

void TestBatchResume::failedRowsSetTheExitStatus()
{
    const QString pipeline = write(u"rows.juxta"_s, kPipeline);
    const QString input = write(u"some-fail.jsonl"_s, "{\"topic\": \"fine\"}\n{\"topic\": \"broken\"}\n{\"topic\": 3}\n");
    const QString output = m_home.filePath(u"some-fail.csv"_s);
    QByteArray err;
    QByteArray out;
    QCOMPARE(juxta({pipeline, u"--input"_s, input, u"--output"_s, output, u"--json"_s}, &err, &out), 1);
    QVERIFY2(err.contains("failed: 3/3 rows, 1 failed"), err.constData());
    const QJsonObject summary = QJsonDocument::fromJson(out).object();
    QCOMPARE(summary.value(u"state"_s).toString(), u"failed"_s);
    QCOMPARE(summary.value(u"failed"_s).toInt(), 1);
    QFile csv(output);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    QVERIFY(lines.at(2).startsWith("1,broken,,failed,auth,"));
    QVERIFY(lines.at(3).startsWith("2,3,Answer to: One line about 3,done"));

    // Bad usage: a ragged file is refused before anything is sent.
    const qsizetype before = m_server.requests().size();
    const QString ragged = write(u"ragged.csv"_s, "topic,tone\nfine,calm\nbroken\n");
    QCOMPARE(juxta({pipeline, u"--input"_s, ragged}, &err), 2);
    QVERIFY2(err.contains("line 3: 1 fields, and the header has 2"), err.constData());
    QCOMPARE(juxta({pipeline, u"--output"_s, output}, &err), 2);
    QVERIFY2(err.contains("go with --input"), err.constData());
    QCOMPARE(m_server.requests().size(), before);
}

QTEST_GUILESS_MAIN(TestBatchResume)
#include "TestBatchResume.moc"
