// SPDX-License-Identifier: GPL-3.0-or-later
// The Anthropic Messages provider over real loopback HTTP: typed SSE events, thinking, tool use, usage with
// cache reads and writes, stop reasons, mid-stream and HTTP errors, arbitrary splits.
#include "ProviderHarness.h"

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
    return ScriptedResponse::fromFixture(u"anthropic/"_s + QLatin1StringView(name));
}

const QString kModel = u"claude-sonnet-4-5-20250929"_s;

} // namespace

class TestAnthropicProvider : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void scripted_data();
    void scripted();
    void requestFollowsTheMessagesApi();
    void maxTokensAlwaysSent();
    void usageCountsCacheReadsAndWrites();
    void toolInputIsAssembled();
    void modelList();

private:
    CallOutcome run(const ChatRequest& request, CallOptions options = {}, ApiKey key = {});
    FakeProviderServer* m_server = nullptr;
};

void TestAnthropicProvider::init()
{
    m_server = new FakeProviderServer(this);
    QVERIFY(m_server->listen());
}

void TestAnthropicProvider::cleanup()
{
    delete m_server;
}

CallOutcome TestAnthropicProvider::run(const ChatRequest& request, CallOptions options, ApiKey key)
{
    return ProviderHarness(*m_server).run(ApiDialect::Anthropic, request, options, key);
}

void TestAnthropicProvider::scripted_data()
{
    QTest::addColumn<ScriptedResponse>("response");
    QTest::addColumn<int>("idleTimeoutMs");
    QTest::addColumn<ExpectedOutcome>("expected");
    const auto error = [](const char* cls, int status, const char* part = nullptr, double retryAfter = -1) {
        return ExpectedOutcome::error(cls, status, part, retryAfter);
    };

    ExpectedOutcome text(u"Hello! Grüße aus 東京 🗼"_s);
    text.outputTokens = 15;
    text.inputTokens = 145;
    text.servedModel = kModel;
    QTest::newRow("text, one write per event") << fixture("stream_text.http").splitAfterEvents() << 5000 << text;
    QTest::newRow("text, every byte") << fixture("stream_text.http").splitEvery(1) << 5000 << text;
    QTest::newRow("text, 13-byte writes 1 ms apart") << fixture("stream_text.http").splitEvery(13).delayEach(1) << 5000
                                                     << text;
    QTest::newRow("text, CRLF") << fixture("stream_text.http").lineEndings("\r\n").splitEvery(29) << 5000 << text;

    ExpectedOutcome thinking(u"The sum is 42."_s);
    thinking.reasoning = u"Let me add: 27 + 15 = 42."_s;
    thinking.outputTokens = 87;
    QTest::newRow("extended thinking") << fixture("stream_thinking.http").splitEvery(17) << 5000 << thinking;

    ExpectedOutcome tools(u"Let me check the weather."_s, u"tool_calls"_s);
    tools.toolCalls = 1;
    tools.outputTokens = 89;
    QTest::newRow("tool use") << fixture("stream_tool_use.http").splitEvery(7) << 5000 << tools;

    ExpectedOutcome length(u"Once upon a time"_s, u"length"_s);
    length.outputTokens = 5;
    QTest::newRow("max_tokens") << fixture("stream_max_tokens.http").splitAfterEvents() << 5000 << length;
    ExpectedOutcome refusal(u"I can't help"_s, u"content_filter"_s);
    refusal.outputTokens = 4;
    QTest::newRow("refusal") << fixture("stream_refusal.http").splitAfterEvents() << 5000 << refusal;

    ExpectedOutcome overloaded(u"Partial"_s, u"error"_s, false, u"overloaded"_s, 200);
    overloaded.outputTokens = 1;
    overloaded.messagePart = u"Overloaded"_s;
    QTest::newRow("overloaded_error event mid-stream")
        << fixture("stream_overloaded_midstream.http").splitAfterEvents() << 5000 << overloaded;
    ExpectedOutcome cut(u"Half an answer"_s, u"error"_s, false, u"network"_s, 200);
    cut.outputTokens = 1;
    cut.messagePart = u"message_stop"_s;
    QTest::newRow("stream ends without message_stop") << fixture("stream_cut.http").splitAfterEvents() << 5000 << cut;
    ScriptedResponse aborted = fixture("stream_text.http").splitAfterEvents();
    aborted.writes = aborted.writes.mid(0, 5);
    aborted.endWith(Ending::Abort);
    ExpectedOutcome abortedExpect(u"Hello! Grüße"_s, u"error"_s, false, u"network"_s, 200);
    abortedExpect.outputTokens = 1;
    QTest::newRow("connection dropped mid-stream") << aborted << 5000 << abortedExpect;
    ScriptedResponse stalled = fixture("stream_text.http").splitAfterEvents();
    stalled.writes = stalled.writes.mid(0, 4);
    stalled.endWith(Ending::Stall);
    ExpectedOutcome stallExpect(u"Hello"_s, u"error"_s, false, u"timeout"_s, 200);
    stallExpect.outputTokens = 1;
    QTest::newRow("stall after ping") << stalled << 300 << stallExpect;

    ExpectedOutcome whole(u"Non-streamed reply."_s);
    whole.outputTokens = 4;
    QTest::newRow("whole message JSON") << fixture("message_whole.http") << 5000 << whole;

    QTest::newRow("429 rate_limit_error") << fixture("error_429_rate_limit.http") << 5000
                                          << error("rate_limited", 429, "rate limit", 7);
    QTest::newRow("529 overloaded_error") << fixture("error_529_overloaded.http") << 5000 << error("overloaded", 529);
    QTest::newRow("400 prompt too long") << fixture("error_400_prompt_too_long.http") << 5000
                                         << error("context_length", 400, "prompt is too long");
    QTest::newRow("401 authentication_error") << fixture("error_401_auth.http") << 5000 << error("auth", 401);
    QTest::newRow("403 permission_error") << fixture("error_403_permission.http") << 5000 << error("auth", 403);
    QTest::newRow("404 not_found_error") << fixture("error_404_model.http") << 5000 << error("not_found", 404);
    QTest::newRow("413 request_too_large") << fixture("error_413_too_large.http") << 5000
                                           << error("context_length", 413);
    QTest::newRow("500 api_error") << fixture("error_500_api.http") << 5000 << error("server", 500);
    QTest::newRow("400 credit balance") << fixture("error_400_credit.http") << 5000 << error("quota", 400, "credit");
}

void TestAnthropicProvider::scripted()
{
    QFETCH(ScriptedResponse, response);
    QFETCH(int, idleTimeoutMs);
    QFETCH(ExpectedOutcome, expected);
    m_server->enqueue(response);
    CallOptions options;
    options.idleTimeoutMs = idleTimeoutMs;
    QVERIFY(verifyOutcome(run(ProviderHarness::simpleRequest(kModel), options), expected));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestAnthropicProvider::requestFollowsTheMessagesApi()
{
    m_server->enqueue(fixture("stream_text.http"));
    ChatRequest r = ProviderHarness::simpleRequest(kModel);
    r.systemPrompt = u"Be brief."_s;
    r.temperature = 0.5;
    r.topP = 0.9;
    r.maxTokens = 300;
    r.seed = 7; // not part of this API: must not be sent
    r.stop = QStringList{u"END"_s};
    r.toolsJson = R"([{"type":"function","function":{"name":"get_weather","description":"Weather","parameters":{"type":"object","properties":{"location":{"type":"string"}}}}}])";
    QVERIFY(run(r, {}, ApiKey::fromSecret(u"sk-ant-test"_s)).complete);

    const RecordedRequest& req = m_server->requests().constFirst();
    QCOMPARE(req.path, QByteArray("/v1/messages"));
    QCOMPARE(req.header("x-api-key"), QByteArray("sk-ant-test"));
    QCOMPARE(req.header("anthropic-version"), QByteArray("2023-06-01"));
    QVERIFY(req.header("Authorization").isNull());
    const QJsonObject body = req.json();
    QCOMPARE(body.value(u"model"_s).toString(), kModel);
    QCOMPARE(body.value(u"system"_s).toString(), u"Be brief."_s);
    QCOMPARE(body.value(u"max_tokens"_s).toInt(), 300);
    QCOMPARE(body.value(u"stream"_s).toBool(), true);
    QCOMPARE(body.value(u"temperature"_s).toDouble(), 0.5);
    QCOMPARE(body.value(u"top_p"_s).toDouble(), 0.9);
    QCOMPARE(body.value(u"stop_sequences"_s).toArray().first().toString(), u"END"_s);
    QVERIFY(!body.contains(u"seed"_s));
    const QJsonArray messages = body.value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 1); // the system prompt is its own field, not a message
    QCOMPARE(messages[0].toObject().value(u"role"_s).toString(), u"user"_s);
    const QJsonObject tool = body.value(u"tools"_s).toArray().first().toObject();
    QCOMPARE(tool.value(u"name"_s).toString(), u"get_weather"_s);
    QCOMPARE(tool.value(u"input_schema"_s).toObject().value(u"type"_s).toString(), u"object"_s);
}

void TestAnthropicProvider::maxTokensAlwaysSent()
{
    m_server->enqueue(fixture("stream_text.http"));
    m_server->enqueue(fixture("stream_text.http"));
    QVERIFY(run(ProviderHarness::simpleRequest(kModel)).complete);
    QVERIFY(run(ProviderHarness::simpleRequest(u"claude-3-haiku-20240307"_s)).complete);
    QCOMPARE(m_server->requests()[0].json().value(u"max_tokens"_s).toInt(), 8192);
    QCOMPARE(m_server->requests()[1].json().value(u"max_tokens"_s).toInt(), 4096);
}

void TestAnthropicProvider::usageCountsCacheReadsAndWrites()
{
    m_server->enqueue(fixture("stream_text.http"));
    const CallOutcome o = run(ProviderHarness::simpleRequest(kModel));
    QCOMPARE(o.usage.inputTokens.value_or(-1), 145); // 25 uncached + 100 read from cache + 20 written to it
    QCOMPARE(o.usage.cachedInputTokens.value_or(-1), 100);
    QCOMPARE(o.usage.cacheWriteTokens.value_or(-1), 20);
    QCOMPARE(o.usage.outputTokens.value_or(-1), 15);
    QCOMPARE(o.providerFinishReason, u"end_turn"_s);
}

void TestAnthropicProvider::toolInputIsAssembled()
{
    m_server->enqueue(fixture("stream_tool_use.http").splitEvery(3));
    const CallOutcome o = run(ProviderHarness::simpleRequest(kModel));
    QCOMPARE(o.toolCalls.size(), 1);
    QCOMPARE(o.toolCalls[0].id, u"toolu_01T1x1fJ34qAmk2tNTrN7Up6"_s);
    QCOMPARE(o.toolCalls[0].name, u"get_weather"_s);
    QCOMPARE(o.toolCalls[0].arguments, u"{\"location\": \"San Francisco, CA\", \"unit\": \"fahrenheit\"}"_s);
}

void TestAnthropicProvider::modelList()
{
    m_server->enqueue(fixture("models_list.http"));
    QNetworkAccessManager network;
    SteadyClock clock;
    ChatClient client(network, clock);
    ProviderProfile profile;
    profile.dialect = ApiDialect::Anthropic;
    profile.baseUrl = m_server->baseUrl();
    ModelListCall* call = client.listModels(profile, ApiKey::fromSecret(u"k"_s));
    QSignalSpy finished(call, &ModelListCall::finished);
    QVERIFY(finished.wait(10'000));
    QVERIFY(!call->error());
    QCOMPARE(call->models().size(), 2);
    QCOMPARE(call->models()[1].id, u"claude-3-5-haiku-20241022"_s);
    QCOMPARE(m_server->requests()[0].path, QByteArray("/v1/models?limit=1000"));
    QCOMPARE(m_server->requests()[0].header("x-api-key"), QByteArray("k"));
}

QTEST_GUILESS_MAIN(TestAnthropicProvider)
#include "TestAnthropicProvider.moc"
