// SPDX-License-Identifier: GPL-3.0-or-later
// Ollama's native /api/chat over real loopback HTTP: NDJSON split anywhere, thinking, tool calls, done_reason,
// server-side speed from eval_duration, plain-string errors, /api/tags.
#include "ProviderHarness.h"
#include "providers/OllamaProvider.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace juxta;
using namespace juxta::test;
using namespace Qt::StringLiterals;
using Ending = ScriptedResponse::Ending;

Q_DECLARE_METATYPE(juxta::test::ScriptedResponse)

namespace {

ScriptedResponse fixture(const char* name)
{
    return ScriptedResponse::fromFixture(u"ollama/"_s + QLatin1StringView(name));
}

} // namespace

class TestOllamaProvider : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void scripted_data();
    void scripted();
    void requestUsesOptions();
    void serverSpeedIsReported();
    void baseUrlForms_data();
    void baseUrlForms();
    void tags();

private:
    CallOutcome run(const ChatRequest& request, CallOptions options = {});
    FakeProviderServer* m_server = nullptr;
};

void TestOllamaProvider::init()
{
    m_server = new FakeProviderServer(this);
    QVERIFY(m_server->listen());
}

void TestOllamaProvider::cleanup()
{
    delete m_server;
}

CallOutcome TestOllamaProvider::run(const ChatRequest& request, CallOptions options)
{
    return ProviderHarness(*m_server).run(ApiDialect::Ollama, request, options, {}, QString());
}

void TestOllamaProvider::scripted_data()
{
    QTest::addColumn<ScriptedResponse>("response");
    QTest::addColumn<int>("idleTimeoutMs");
    QTest::addColumn<ExpectedOutcome>("expected");

    ExpectedOutcome text(u"The sky is blue — 蓝色."_s);
    text.inputTokens = 26;
    text.outputTokens = 8;
    text.servedModel = u"llama3.2"_s;
    QTest::newRow("text, one write per line") << fixture("chat_text.http").splitAfterLines() << 5000 << text;
    QTest::newRow("text, every byte") << fixture("chat_text.http").splitEvery(1) << 5000 << text;
    QTest::newRow("text, 9-byte writes 1 ms apart") << fixture("chat_text.http").splitEvery(9).delayEach(1) << 5000
                                                    << text;
    QTest::newRow("text, CRLF") << fixture("chat_text.http").lineEndings("\r\n").splitEvery(31) << 5000 << text;

    ExpectedOutcome thinking(u"4"_s);
    thinking.reasoning = u"Okay, the user wants 2+2."_s;
    thinking.outputTokens = 20;
    QTest::newRow("thinking") << fixture("chat_thinking.http").splitEvery(13) << 5000 << thinking;
    ExpectedOutcome tools(QString(), u"tool_calls"_s);
    tools.toolCalls = 1;
    tools.outputTokens = 25;
    QTest::newRow("tool calls") << fixture("chat_tool_calls.http") << 5000 << tools;
    ExpectedOutcome length(u"Truncated by num_predict"_s, u"length"_s);
    length.outputTokens = 3;
    QTest::newRow("done_reason length") << fixture("chat_length.http").splitAfterLines() << 5000 << length;

    ExpectedOutcome midError(u"Partial"_s, u"error"_s, false, u"server"_s, 200);
    midError.messagePart = u"unexpected EOF"_s;
    QTest::newRow("error line mid-stream") << fixture("chat_error_midstream.http").splitAfterLines() << 5000
                                           << midError;
    ExpectedOutcome cut(u"No final record"_s, u"error"_s, false, u"network"_s, 200);
    cut.messagePart = u"done"_s;
    QTest::newRow("no done record") << fixture("chat_cut.http").splitAfterLines() << 5000 << cut;
    ScriptedResponse truncated = fixture("chat_text.http");
    truncated.truncateBodyAt(int(truncated.body().indexOf("blue")));
    ExpectedOutcome truncatedExpect(u"The sky"_s, u"error"_s, false, u"malformed"_s, 200);
    truncatedExpect.messagePart = u"cut off"_s;
    QTest::newRow("last line cut in the middle") << truncated.splitEvery(20) << 5000 << truncatedExpect;
    ScriptedResponse stalled = fixture("chat_text.http").splitAfterLines();
    stalled.writes = stalled.writes.mid(0, 2);
    stalled.endWith(Ending::Stall);
    QTest::newRow("stall") << stalled << 300 << ExpectedOutcome(u"The sky"_s, u"error"_s, false, u"timeout"_s, 200);

    QTest::newRow("404 model not pulled") << fixture("error_404_model.http") << 5000
                                          << ExpectedOutcome::error("not_found", 404, "try pulling it first");
    QTest::newRow("400 bad request") << fixture("error_400_bad_options.http") << 5000
                                     << ExpectedOutcome::error("bad_request", 400, "cannot unmarshal");
}

void TestOllamaProvider::scripted()
{
    QFETCH(ScriptedResponse, response);
    QFETCH(int, idleTimeoutMs);
    QFETCH(ExpectedOutcome, expected);
    m_server->enqueue(response);
    CallOptions options;
    options.idleTimeoutMs = idleTimeoutMs;
    QVERIFY(verifyOutcome(run(ProviderHarness::simpleRequest(u"llama3.2"_s), options), expected));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestOllamaProvider::requestUsesOptions()
{
    m_server->enqueue(fixture("chat_text.http"));
    ChatRequest r = ProviderHarness::simpleRequest(u"llama3.2"_s);
    r.systemPrompt = u"Be brief."_s;
    r.temperature = 0.2;
    r.topP = 0.7;
    r.maxTokens = 64;
    r.seed = 5;
    r.stop = QStringList{u"###"_s};
    QVERIFY(run(r).complete);
    const RecordedRequest& req = m_server->requests().constFirst();
    QCOMPARE(req.path, QByteArray("/api/chat"));
    QVERIFY(req.header("Authorization").isNull());
    const QJsonObject body = req.json();
    QCOMPARE(body.value(u"stream"_s).toBool(), true);
    const QJsonObject options = body.value(u"options"_s).toObject();
    QCOMPARE(options.value(u"temperature"_s).toDouble(), 0.2);
    QCOMPARE(options.value(u"top_p"_s).toDouble(), 0.7);
    QCOMPARE(options.value(u"num_predict"_s).toInt(), 64);
    QCOMPARE(options.value(u"seed"_s).toInt(), 5);
    QCOMPARE(options.value(u"stop"_s).toArray()[0].toString(), u"###"_s);
    QCOMPARE(body.value(u"messages"_s).toArray()[0].toObject().value(u"role"_s).toString(), u"system"_s);
}

void TestOllamaProvider::serverSpeedIsReported()
{
    m_server->enqueue(fixture("chat_text.http"));
    const CallOutcome o = run(ProviderHarness::simpleRequest(u"llama3.2"_s));
    QVERIFY(o.metrics.serverOutputTokensPerSecond.has_value());
    QCOMPARE(*o.metrics.serverOutputTokensPerSecond, 20.0); // 8 tokens in 0.4 s of eval_duration
}

void TestOllamaProvider::baseUrlForms_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("expected");
    QTest::newRow("root") << u"http://127.0.0.1:11434"_s << u"http://127.0.0.1:11434/api/chat"_s;
    QTest::newRow("root slash") << u"http://127.0.0.1:11434/"_s << u"http://127.0.0.1:11434/api/chat"_s;
    QTest::newRow("openai /v1") << u"http://127.0.0.1:11434/v1"_s << u"http://127.0.0.1:11434/api/chat"_s;
    QTest::newRow("/api") << u"http://127.0.0.1:11434/api/"_s << u"http://127.0.0.1:11434/api/chat"_s;
    QTest::newRow("behind a proxy path") << u"https://gpu.example/ollama"_s << u"https://gpu.example/ollama/api/chat"_s;
}

void TestOllamaProvider::baseUrlForms()
{
    QFETCH(QString, base);
    QFETCH(QString, expected);
    QCOMPARE(OllamaProvider::apiUrl(QUrl(base), u"chat").toString(), expected);
}

void TestOllamaProvider::tags()
{
    m_server->enqueue(fixture("tags.http"));
    QNetworkAccessManager network;
    SteadyClock clock;
    ChatClient client(network, clock);
    ProviderProfile profile;
    profile.dialect = ApiDialect::Ollama;
    profile.baseUrl = m_server->baseUrl(u"/v1"_s);
    ModelListCall* call = client.listModels(profile, {});
    QSignalSpy finished(call, &ModelListCall::finished);
    QVERIFY(finished.wait(10'000));
    QVERIFY(!call->error());
    QCOMPARE(call->models().size(), 2);
    QCOMPARE(call->models()[1].id, u"qwen3:8b"_s);
    QCOMPARE(m_server->requests()[0].path, QByteArray("/api/tags"));
}

QTEST_GUILESS_MAIN(TestOllamaProvider)
#include "TestOllamaProvider.moc"
