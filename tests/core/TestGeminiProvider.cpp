// SPDX-License-Identifier: GPL-3.0-or-later
// The Gemini provider over real loopback HTTP: CRLF SSE without [DONE], thoughts, function calls, finish
// reasons, prompt blocks, usage metadata, Google error bodies with RetryInfo, arbitrary splits.
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
    return ScriptedResponse::fromFixture(u"gemini/"_s + QLatin1StringView(name));
}

} // namespace

class TestGeminiProvider : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void scripted_data();
    void scripted();
    void requestFollowsTheGeminiApi();
    void functionCallArguments();
    void modelListKeepsChatModels();

private:
    CallOutcome run(const ChatRequest& request, CallOptions options = {}, ApiKey key = {});
    FakeProviderServer* m_server = nullptr;
};

void TestGeminiProvider::init()
{
    m_server = new FakeProviderServer(this);
    QVERIFY(m_server->listen());
}

void TestGeminiProvider::cleanup()
{
    delete m_server;
}

CallOutcome TestGeminiProvider::run(const ChatRequest& request, CallOptions options, ApiKey key)
{
    return ProviderHarness(*m_server).run(ApiDialect::Gemini, request, options, key, u"/v1beta"_s);
}

void TestGeminiProvider::scripted_data()
{
    QTest::addColumn<ScriptedResponse>("response");
    QTest::addColumn<int>("idleTimeoutMs");
    QTest::addColumn<ExpectedOutcome>("expected");
    const auto error = [](const char* cls, int status, const char* part = nullptr, double retryAfter = -1) {
        return ExpectedOutcome::error(cls, status, part, retryAfter);
    };

    ExpectedOutcome text(u"Hello from Gemini — 日本語も。"_s);
    text.inputTokens = 8;
    text.outputTokens = 9;
    text.servedModel = u"gemini-2.5-flash"_s;
    QTest::newRow("text, one write per event") << fixture("stream_text.http").splitAfterEvents() << 5000 << text;
    QTest::newRow("text, every byte") << fixture("stream_text.http").splitEvery(1) << 5000 << text;
    QTest::newRow("text, 11-byte writes 1 ms apart") << fixture("stream_text.http").splitEvery(11).delayEach(1) << 5000
                                                     << text;
    QTest::newRow("text, LF instead of CRLF")
        << fixture("stream_text.http").splitAfterEvents().lineEndings("\n") << 5000 << text;

    ExpectedOutcome thoughts(u"2 + 2 = 4."_s);
    thoughts.reasoning = u"**Adding numbers**\n\nThe user wants 2+2."_s;
    thoughts.outputTokens = 36; // candidates 6 + thoughts 30
    QTest::newRow("thought parts") << fixture("stream_thoughts.http").splitEvery(9) << 5000 << thoughts;

    ExpectedOutcome call(QString(), u"tool_calls"_s);
    call.toolCalls = 1;
    call.outputTokens = 12;
    QTest::newRow("function call") << fixture("stream_function_call.http") << 5000 << call;

    ExpectedOutcome length(u"A long story that stops"_s, u"length"_s);
    length.outputTokens = 6;
    QTest::newRow("MAX_TOKENS") << fixture("stream_max_tokens.http").splitAfterEvents() << 5000 << length;
    ExpectedOutcome safety(u"Here is some"_s, u"content_filter"_s);
    safety.outputTokens = 3;
    QTest::newRow("SAFETY") << fixture("stream_safety.http").splitAfterEvents() << 5000 << safety;
    QTest::newRow("prompt blocked") << fixture("stream_prompt_blocked.http") << 5000
                                    << error("content_filter", 200, "PROHIBITED_CONTENT");

    ExpectedOutcome cut(u"Incomplete answer"_s, u"error"_s, false, u"network"_s, 200);
    cut.outputTokens = 3;
    cut.messagePart = u"finishReason"_s;
    QTest::newRow("stream ends without finishReason") << fixture("stream_cut.http").splitAfterEvents() << 5000 << cut;
    ExpectedOutcome midError(u"Start"_s, u"error"_s, false, u"overloaded"_s, 503);
    midError.outputTokens = 1;
    QTest::newRow("error object mid-stream") << fixture("stream_error_midstream.http").splitAfterEvents() << 5000
                                             << midError;
    ScriptedResponse stalled = fixture("stream_text.http").splitAfterEvents();
    stalled.writes = stalled.writes.mid(0, 1);
    stalled.endWith(Ending::Stall);
    ExpectedOutcome stall(u"Hello"_s, u"error"_s, false, u"timeout"_s, 200);
    stall.outputTokens = 1;
    QTest::newRow("stall") << stalled << 300 << stall;

    QTest::newRow("400 API key not valid") << fixture("error_400_api_key.http") << 5000
                                           << error("auth", 400, "API key not valid");
    QTest::newRow("429 RESOURCE_EXHAUSTED with RetryInfo") << fixture("error_429_quota.http") << 5000
                                                           << error("rate_limited", 429, "quota", 38);
    QTest::newRow("400 input token count") << fixture("error_400_too_long.http") << 5000
                                           << error("context_length", 400, "input token count");
    QTest::newRow("404 model") << fixture("error_404_model.http") << 5000 << error("not_found", 404, "gemini-9");
    QTest::newRow("503 UNAVAILABLE") << fixture("error_503_unavailable.http") << 5000 << error("overloaded", 503);
    QTest::newRow("500 INTERNAL") << fixture("error_500_internal.http") << 5000 << error("server", 500);
}

void TestGeminiProvider::scripted()
{
    QFETCH(ScriptedResponse, response);
    QFETCH(int, idleTimeoutMs);
    QFETCH(ExpectedOutcome, expected);
    m_server->enqueue(response);
    CallOptions options;
    options.idleTimeoutMs = idleTimeoutMs;
    QVERIFY(verifyOutcome(run(ProviderHarness::simpleRequest(u"gemini-2.5-flash"_s), options), expected));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestGeminiProvider::requestFollowsTheGeminiApi()
{
    m_server->enqueue(fixture("stream_text.http"));
    ChatRequest r = ProviderHarness::simpleRequest(u"models/gemini-2.5-flash"_s);
    r.systemPrompt = u"Be brief."_s;
    r.messages.append({ChatMessage::Role::Assistant, u"Hi!"_s});
    r.messages.append({ChatMessage::Role::User, u"Again"_s});
    r.temperature = 0.3;
    r.topP = 0.8;
    r.maxTokens = 256;
    r.seed = 11;
    r.stop = QStringList{u"END"_s};
    r.toolsJson = R"([{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}])";
    QVERIFY(run(r, {}, ApiKey::fromSecret(u"AIza-test"_s)).complete);

    const RecordedRequest& req = m_server->requests().constFirst();
    QCOMPARE(req.path, QByteArray("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"));
    QCOMPARE(req.header("x-goog-api-key"), QByteArray("AIza-test"));
    QVERIFY(!req.path.contains("key=")); // never in the URL
    const QJsonObject body = req.json();
    const QJsonArray contents = body.value(u"contents"_s).toArray();
    QCOMPARE(contents.size(), 3);
    QCOMPARE(contents[1].toObject().value(u"role"_s).toString(), u"model"_s);
    QCOMPARE(contents[0].toObject().value(u"parts"_s).toArray()[0].toObject().value(u"text"_s).toString(),
             u"Say hello"_s);
    QCOMPARE(body.value(u"systemInstruction"_s).toObject().value(u"parts"_s).toArray()[0].toObject()
                 .value(u"text"_s).toString(),
             u"Be brief."_s);
    const QJsonObject config = body.value(u"generationConfig"_s).toObject();
    QCOMPARE(config.value(u"temperature"_s).toDouble(), 0.3);
    QCOMPARE(config.value(u"topP"_s).toDouble(), 0.8);
    QCOMPARE(config.value(u"maxOutputTokens"_s).toInt(), 256);
    QCOMPARE(config.value(u"seed"_s).toInt(), 11);
    QCOMPARE(config.value(u"stopSequences"_s).toArray()[0].toString(), u"END"_s);
    QCOMPARE(config.value(u"thinkingConfig"_s).toObject().value(u"includeThoughts"_s).toBool(), true);
    QCOMPARE(body.value(u"tools"_s).toArray()[0].toObject().value(u"functionDeclarations"_s).toArray()[0]
                 .toObject().value(u"name"_s).toString(),
             u"get_weather"_s);
}

void TestGeminiProvider::functionCallArguments()
{
    m_server->enqueue(fixture("stream_function_call.http").splitEvery(5));
    const CallOutcome o = run(ProviderHarness::simpleRequest(u"gemini-2.5-flash"_s));
    QCOMPARE(o.toolCalls.size(), 1);
    QCOMPARE(o.toolCalls[0].name, u"get_weather"_s);
    QCOMPARE(o.toolCalls[0].id, u"call_0"_s);
    QCOMPARE(o.toolCalls[0].arguments, u"{\"location\":\"Paris\",\"unit\":\"celsius\"}"_s);
}

void TestGeminiProvider::modelListKeepsChatModels()
{
    m_server->enqueue(fixture("models_list.http"));
    QNetworkAccessManager network;
    SteadyClock clock;
    ChatClient client(network, clock);
    ProviderProfile profile;
    profile.dialect = ApiDialect::Gemini;
    profile.baseUrl = m_server->baseUrl(u"/v1beta"_s);
    ModelListCall* call = client.listModels(profile, ApiKey::fromSecret(u"AIza"_s));
    QSignalSpy finished(call, &ModelListCall::finished);
    QVERIFY(finished.wait(10'000));
    QVERIFY(!call->error());
    QCOMPARE(call->models().size(), 2); // the embedding model is not offered for chat
    QCOMPARE(call->models()[0].id, u"gemini-2.5-flash"_s);
    QCOMPARE(call->models()[0].contextWindow.value_or(0), 1048576);
    QCOMPARE(m_server->requests()[0].header("x-goog-api-key"), QByteArray("AIza"));
}

QTEST_GUILESS_MAIN(TestGeminiProvider)
#include "TestGeminiProvider.moc"
