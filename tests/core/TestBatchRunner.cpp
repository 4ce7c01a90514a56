// SPDX-License-Identifier: GPL-3.0-or-later
// Batches against fake provider servers over 127.0.0.1 on a virtual clock (a minute of rate limits passes in
// milliseconds; the clock moves only when no request is in flight, so it stamps each request with the moment it
// reached the server): 100 rows at 4 at once and 60 requests per minute; tokens per minute; a 429 that pauses the
// profile and halves its concurrency; two profiles with their own limits; rows without a variable; results in input
// order; cancel and resume without sending a finished row again.
#include "FakeProviderServer.h"
#include "StreamScripts.h"
#include "VirtualTime.h"
#include "answer/AnswerEngine.h"
#include "catalog/ModelCatalog.h"
#include "config/AppConfig.h"
#include "keys/SecretStore.h"
#include "offline/OfflineNetwork.h"
#include "pipeline/BatchRunner.h"
#include "routing/RequestGate.h"
#include "storage/BatchStore.h"
#include "storage/HistoryService.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;
using namespace juxta::test;

namespace {

QString lastUserMessage(const RecordedRequest& r)
{
    const QJsonArray messages = r.json().value(u"messages"_s).toArray();
    return messages.isEmpty() ? QString() : messages.last().toObject().value(u"content"_s).toString();
}

// The most requests any `windowMs` window holds, from sorted arrival times.
int mostInAnyWindow(QList<qint64> arrivals, qint64 windowMs)
{
    std::sort(arrivals.begin(), arrivals.end());
    int most = 0;
    qsizetype first = 0;
    for (qsizetype i = 0; i < arrivals.size(); ++i) {
        while (arrivals.at(i) - arrivals.at(first) >= windowMs)
            ++first;
        most = std::max(most, int(i - first + 1));
    }
    return most;
}

Node node(const QString& name, NodeKind kind)
{
    Node n;
    n.name = name;
    n.kind = kind;
    return n;
}

// topic → one model node per reference → one Output each.
Pipeline pipelineOver(const QStringList& references, std::optional<int> maxTokens = {})
{
    Pipeline p;
    p.name = u"batch"_s;
    p.variables = {{u"topic"_s, {}, {}}};
    Node in = node(u"topic_in"_s, NodeKind::Input);
    in.variable = u"topic"_s;
    p.nodes.append(in);
    for (qsizetype i = 0; i < references.size(); ++i) {
        Node m = node(u"ask%1"_s.arg(i), NodeKind::Model);
        m.model = references.at(i);
        m.prompt = u"About {{topic}}"_s;
        m.maxTokens = maxTokens;
        p.nodes.append(m);
        p.nodes.append(node(u"out%1"_s.arg(i), NodeKind::Output));
        p.edges.append({u"topic_in"_s, m.name, {}, {}});
        p.edges.append({m.name, u"out%1"_s.arg(i), {}, {}});
    }
    return p;
}

struct Server
{
    std::unique_ptr<FakeProviderServer> fake = std::make_unique<FakeProviderServer>();
    QList<qint64> arrivals; // virtual ms
    QList<int> inFlightThen; // requests in flight at the server as each arrived (itself included)
};

} // namespace

class TestBatchRunner : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fourAtOnceAndSixtyPerMinute();
    void tokensPerMinuteCountTheRealUsage();
    void rateLimitPausesTheProfileAndHalvesIt();
    void twoProfilesKeepTheirOwnLimits();
    void rowWithoutAVariableFailsAlone();
    void cancelledBatchResumesWithoutSendingFinishedRowsAgain();

private:
    void setUp(const QList<RequestLimits>& limits); // one profile (and server) per entry: "p0", "p1", ...
    QString writeRows(int count, const QString& name = u"rows.csv"_s);
    // Runs a batch to its end; the rows' results in the order they were delivered, and the notices.
    bool runBatch(BatchRunner& batch, int timeoutMs = 60'000);
    QList<QJsonObject> readJsonl(const QString& path);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<VirtualScheduler> m_scheduler;
    std::vector<std::unique_ptr<Server>> m_servers;
    AppConfig m_config;
    std::unique_ptr<InsecureFileSecretStore> m_secrets;
    std::unique_ptr<ModelCatalog> m_catalog;
    std::unique_ptr<OfflineNetworkAccessManager> m_network;
    std::unique_ptr<HistoryService> m_history;
    std::unique_ptr<AnswerEngine> m_engine;
    std::function<std::optional<ScriptedResponse>(int server, int index)> m_override;
    QStringList m_notices;
    int m_delayMs = 8;
    int m_promptTokens = 12;
};

void TestBatchRunner::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<ManualClock>();
    m_scheduler = std::make_unique<VirtualScheduler>(*m_clock);
    m_override = nullptr;
    m_notices.clear();
    m_delayMs = 8;
    m_promptTokens = 12;
    m_scheduler->setQuietMs(60);
}

void TestBatchRunner::cleanup()
{
    m_engine.reset();
    m_history.reset();
    m_network.reset();
    m_catalog.reset();
    m_secrets.reset();
    m_servers.clear();
    m_scheduler.reset();
    m_clock.reset();
    m_dir.reset();
}

void TestBatchRunner::setUp(const QList<RequestLimits>& limits)
{
    m_config = AppConfig();
    for (qsizetype i = 0; i < limits.size(); ++i) {
        auto server = std::make_unique<Server>();
        QVERIFY(server->fake->listen());
        Server* s = server.get();
        const int serverIndex = int(i);
        connect(s->fake.get(), &FakeProviderServer::requestReceived, this, [this, s](int) {
            s->arrivals.append(m_scheduler->nowMs());
            s->inFlightThen.append(s->fake->inFlight());
            m_scheduler->touch();
        });
        // The clock waits until the client has had time to take in an answer's end (and send what follows it).
        connect(s->fake.get(), &FakeProviderServer::responseWritten, m_scheduler.get(), &VirtualScheduler::touch);
        s->fake->setResponder([this, serverIndex](const RecordedRequest& request) {
            if (m_override) {
                if (std::optional<ScriptedResponse> r = m_override(serverIndex, int(m_servers[serverIndex]->fake->requests().size()) - 1))
                    return *r;
            }
            StreamScript script;
            script.model = request.json().value(u"model"_s).toString();
            script.delayMs = m_delayMs;
            script.promptTokens = m_promptTokens;
            script.pieces = {u"Answer "_s, u"to: "_s, lastUserMessage(request)};
            return openAiStream(script);
        });
        ProviderProfile p;
        p.id = u"p%1"_s.arg(i);
        p.presetId = u"custom"_s;
        p.dialect = ApiDialect::OpenAi;
        p.baseUrl = s->fake->baseUrl();
        p.auth = AuthStyle::None;
        p.limits = limits.at(i);
        m_config.profiles.append(p);
        m_servers.push_back(std::move(server));
    }
    m_scheduler->setIdle([this] {
        for (const auto& s : m_servers) {
            if (s->fake->inFlight() > 0)
                return false;
        }
        return true;
    });
    m_secrets = std::make_unique<InsecureFileSecretStore>(m_dir->filePath(u"keys.json"_s));
    m_catalog = std::make_unique<ModelCatalog>(m_config);
    m_network = std::make_unique<OfflineNetworkAccessManager>();
    m_history = std::make_unique<HistoryService>(m_dir->filePath(u"history.sqlite"_s));
    m_engine = std::make_unique<AnswerEngine>(m_config, *m_secrets, *m_catalog, *m_network, m_history.get());
    m_engine->setRecordsSpending(false);
    m_engine->setTime(*m_clock, *m_scheduler);
}

QString TestBatchRunner::writeRows(int count, const QString& name)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("topic\r\n");
    for (int i = 0; i < count; ++i)
        file.write(QByteArray("\"topic ") + QByteArray::number(i) + ", with a comma\"\r\n");
    return path;
}

bool TestBatchRunner::runBatch(BatchRunner& batch, int timeoutMs)
{
    connect(&batch, &BatchRunner::notice, this, [this](const QString& text) { m_notices.append(text); });
    connect(&batch, &BatchRunner::rowFinished, m_scheduler.get(), &VirtualScheduler::touch);
    QSignalSpy finished(&batch, &BatchRunner::finished);
    QString error;
    if (!batch.start(error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return batch.isFinished() || finished.wait(timeoutMs);
}

QList<QJsonObject> TestBatchRunner::readJsonl(const QString& path)
{
    QFile file(path);
    QList<QJsonObject> rows;
    if (!file.open(QIODevice::ReadOnly))
        return rows;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (!line.isEmpty())
            rows.append(QJsonDocument::fromJson(line).object());
    }
    return rows;
}

void TestBatchRunner::fourAtOnceAndSixtyPerMinute()
{
    RequestLimits limits;
    limits.requestsPerMinute = 60;
    setUp({limits});
    BatchRunner::Options options;
    options.input = writeRows(100);
    options.output = m_dir->filePath(u"results.jsonl"_s);
    options.concurrency = 4;
    BatchRunner batch(*m_engine, pipelineOver({u"p0/model-a"_s}), options);
    QVERIFY(runBatch(batch));
    const FakeProviderServer& server = *m_servers[0]->fake;
    QCOMPARE(server.requests().size(), 100);
    QCOMPARE(server.peakInFlight(), 4);
    QCOMPARE(mostInAnyWindow(m_servers[0]->arrivals, 60'000), 60);
    QVERIFY2(m_scheduler->nowMs() >= 60'000, "the 61st request waited for the window");
    QCOMPARE(batch.state(), u"done"_s);
    QCOMPARE(batch.progress().done, 100);

    // One result per row, in input order, with its variables, output, figures and run.
    const QList<QJsonObject> results = readJsonl(options.output);
    QCOMPARE(results.size(), 100);
    for (int i = 0; i < 100; ++i) {
        const QJsonObject& r = results.at(i);
        QCOMPARE(r.value(u"row"_s).toInt(), i);
        QCOMPARE(r.value(u"status"_s).toString(), u"done"_s);
        const QString topic = u"topic %1, with a comma"_s.arg(i);
        QCOMPARE(r.value(u"variables"_s).toObject().value(u"topic"_s).toString(), topic);
        QCOMPARE(r.value(u"outputs"_s).toObject().value(u"out0"_s).toString(), u"Answer to: About "_s + topic);
        QCOMPARE(r.value(u"input_tokens"_s).toInt(), 12);
        QVERIFY(!r.value(u"run_id"_s).toString().isEmpty());
    }
    // Every row is in the history with its result.
    const QString id = batch.id();
    qsizetype recorded = -1;
    m_history->read<qsizetype>([id](ConversationStore& store) { return qsizetype(BatchStore(store).finishedRows(id).size()); },
                               this, [&recorded](qsizetype n) { recorded = n; });
    QTRY_COMPARE(recorded, 100);
}

void TestBatchRunner::tokensPerMinuteCountTheRealUsage()
{
    RequestLimits limits;
    limits.tokensPerMinute = 1000;
    setUp({limits});
    BatchRunner::Options options;
    options.input = writeRows(20);
    options.concurrency = 8;
    // Each request may use its prompt (~10 tokens) + 400; each really uses 197 + 3 = 200.
    m_promptTokens = 197;
    BatchRunner batch(*m_engine, pipelineOver({u"p0/model-a"_s}, 400), options);
    QVERIFY(runBatch(batch));
    QCOMPARE(batch.state(), u"done"_s);
    QList<qint64> arrivals = m_servers[0]->arrivals;
    QCOMPARE(arrivals.size(), 20);
    const QJsonObject body = m_servers[0]->fake->requests().constFirst().json();
    QCOMPARE(body.value(u"max_tokens"_s).toInt() + body.value(u"max_completion_tokens"_s).toInt(), 400);
    // Two fit by their estimates (2 × ~410); once they have ended their real 200 each leave room for a third; the
    // fourth would pass 1000 and waits for the window to move. Without the correction only two a minute would go.
    for (qsizetype i = 0; i < arrivals.size(); ++i)
        arrivals[i] -= m_servers[0]->arrivals.constFirst();
    QCOMPARE(int(std::count_if(arrivals.cbegin(), arrivals.cend(), [](qint64 t) { return t < 60'000; })), 3);
    QCOMPARE(mostInAnyWindow(arrivals, 60'000), 3); // 3 × 200 real tokens: never past 1000 in any minute
    QVERIFY2(arrivals.constLast() >= 6 * 60'000, qPrintable(QString::number(arrivals.constLast())));
}

void TestBatchRunner::rateLimitPausesTheProfileAndHalvesIt()
{
    RequestLimits limits;
    limits.maxConcurrent = 4;
    setUp({limits});
    // The sixth request is turned away for 7 seconds.
    m_override = [](int, int index) -> std::optional<ScriptedResponse> {
        if (index != 5)
            return std::nullopt;
        return ScriptedResponse::fromFixture(u"openai/error_429_rate_limit.http"_s)
            .setHeader("retry-after", "7")
            .setHeader("retry-after-ms", "7000");
    };
    BatchRunner::Options options;
    options.input = writeRows(30);
    options.concurrency = 8;
    BatchRunner batch(*m_engine, pipelineOver({u"p0/model-a"_s}), options);
    FakeProviderServer& server = *m_servers[0]->fake;
    qint64 pausedAt = -1;
    int peakBefore = 0;
    connect(&batch.gate(), &RequestGate::paused, this, [&](const QString& profile, int waitMs) {
        QCOMPARE(profile, u"p0"_s);
        QCOMPARE(waitMs, 7000);
        pausedAt = m_scheduler->nowMs();
        peakBefore = server.peakInFlight();
    });
    QVERIFY(runBatch(batch));
    QCOMPARE(batch.state(), u"done"_s); // the row that got the 429 was sent again and answered
    QCOMPARE(server.requests().size(), 31);
    QVERIFY(pausedAt >= 0);
    QCOMPARE(peakBefore, 4);
    QCOMPARE(batch.gate().concurrency(u"p0"_s), 2);
    // Nothing reached the server while the profile was paused; the first after it was at its end, and from then
    // on never more than two at once (the clock moves only when nothing is in flight: whatever arrives at or after
    // the pause's end was sent after it).
    const QList<qint64>& arrivals = m_servers[0]->arrivals;
    int peakAfter = 0;
    for (qsizetype i = 0; i < arrivals.size(); ++i) {
        if (arrivals.at(i) >= pausedAt + 7000)
            peakAfter = std::max(peakAfter, m_servers[0]->inFlightThen.at(i));
    }
    QCOMPARE(peakAfter, 2);
    QVERIFY(std::none_of(arrivals.cbegin(), arrivals.cend(), [&](qint64 t) { return t > pausedAt && t < pausedAt + 7000; }));
    QVERIFY(std::count(arrivals.cbegin(), arrivals.cend(), pausedAt + 7000) >= 1);
    QVERIFY2(m_notices.size() == 2, qPrintable(m_notices.join(u" | "_s)));
    QCOMPARE(m_notices.at(0), u"p0 answered 429 (rate limited): nothing more is sent to it for 7.0 s"_s);
    QCOMPARE(m_notices.at(1), u"p0: at most 2 requests at once from now on"_s);
}

void TestBatchRunner::twoProfilesKeepTheirOwnLimits()
{
    RequestLimits a;
    a.maxConcurrent = 2;
    RequestLimits b;
    b.maxConcurrent = 3;
    b.requestsPerMinute = 30;
    setUp({a, b});
    BatchRunner::Options options;
    options.input = writeRows(40);
    options.concurrency = 8;
    BatchRunner batch(*m_engine, pipelineOver({u"p0/model-a"_s, u"p1/model-b"_s}), options);
    QVERIFY(runBatch(batch));
    QCOMPARE(batch.state(), u"done"_s);
    QCOMPARE(m_servers[0]->fake->requests().size(), 40);
    QCOMPARE(m_servers[1]->fake->requests().size(), 40);
    QCOMPARE(m_servers[0]->fake->peakInFlight(), 2);
    QCOMPARE(m_servers[1]->fake->peakInFlight(), 3);
    QCOMPARE(mostInAnyWindow(m_servers[1]->arrivals, 60'000), 30);
    // p0 has no per-minute limit: it answered more than 30 in a minute of its own.
    QVERIFY(mostInAnyWindow(m_servers[0]->arrivals, 60'000) > 30);
}

void TestBatchRunner::rowWithoutAVariableFailsAlone()
{
    setUp({RequestLimits()});
    const QString input = m_dir->filePath(u"rows.jsonl"_s);
    QFile file(input);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"topic\": \"tea\"}\n{\"subject\": \"coffee\"}\n{\"topic\": \"cocoa\", \"extra\": 1}\n");
    file.close();
    BatchRunner::Options options;
    options.input = input;
    options.output = m_dir->filePath(u"results.csv"_s);
    BatchRunner batch(*m_engine, pipelineOver({u"p0/model-a"_s}), options);
    QVERIFY(runBatch(batch));
    QCOMPARE(batch.state(), u"failed"_s);
    QCOMPARE(batch.progress().done, 2);
    QCOMPARE(batch.progress().failed, 1);
    QCOMPARE(m_servers[0]->fake->requests().size(), 2);
    QFile csv(options.output);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    QCOMPARE(lines.at(0), "row,topic,out0,status,error_class,error,time_ms,input_tokens,output_tokens,cost_usd,run_id\r");
    QVERIFY(lines.at(1).startsWith("0,tea,Answer to: About tea,done,,,"));
    QVERIFY2(lines.at(2).startsWith("1,,,failed,input,row 2 (line 2): no value for the variable “topic”,0,0,0,0,"),
             lines.at(2).constData());
    QVERIFY(lines.at(3).startsWith("2,cocoa,Answer to: About cocoa,done"));
}

void TestBatchRunner::cancelledBatchResumesWithoutSendingFinishedRowsAgain()
{
    setUp({RequestLimits()});
    BatchRunner::Options options;
    options.input = writeRows(40);
    options.output = m_dir->filePath(u"results.jsonl"_s);
    options.concurrency = 4;
    QString id;
    {
        BatchRunner batch(*m_engine, pipelineOver({u"p0/model-a"_s}), options);
        connect(&batch, &BatchRunner::rowFinished, &batch, [&batch](qint64) {
            if (batch.progress().done == 15)
                batch.cancel();
        });
        QVERIFY(runBatch(batch));
        QCOMPARE(batch.state(), u"cancelled"_s);
        id = batch.id();
    }
    const qsizetype sentFirst = m_servers[0]->fake->requests().size();
    QVERIFY2(sentFirst >= 15 && sentFirst <= 15 + 4, qPrintable(QString::number(sentFirst)));
    QCOMPARE(readJsonl(options.output).size(), 15);

    options.resume = id;
    options.output.clear(); // the batch remembers where its results go
    BatchRunner resumed(*m_engine, pipelineOver({u"p0/model-a"_s}), options);
    QVERIFY(runBatch(resumed));
    QCOMPARE(resumed.state(), u"done"_s);
    QCOMPARE(resumed.progress().resumed, 15);
    QCOMPARE(resumed.progress().done, 40);
    // Only the rows not finished were sent: 25, once each (the cancelled ones once more).
    QCOMPARE(m_servers[0]->fake->requests().size() - sentFirst, 25);
    QSet<QString> prompts;
    for (const RecordedRequest& r : m_servers[0]->fake->requests().mid(sentFirst))
        prompts.insert(lastUserMessage(r));
    QCOMPARE(prompts.size(), 25);
    const QList<QJsonObject> results = readJsonl(m_dir->filePath(u"results.jsonl"_s));
    QCOMPARE(results.size(), 40);
    for (int i = 0; i < 40; ++i)
        QCOMPARE(results.at(i).value(u"row"_s).toInt(), i);
}

QTEST_GUILESS_MAIN(TestBatchRunner)
#include "TestBatchRunner.moc"
