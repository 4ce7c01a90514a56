// SPDX-License-Identifier: GPL-3.0-or-later
// The OpenAI-compatible provider end to end over real loopback HTTP: scripted streams, splits, faults, errors.
// Over 500 lines because scripted_data() is one table of every documented stream shape and fault; keeping the
// table whole makes gaps visible. Split by topic if it grows much further.
#include "ProviderHarness.h"
#include "StreamScripts.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace juxta;
using namespace juxta::test;
using namespace Qt::StringLiterals;

using Ending = ScriptedResponse::Ending;
Q_DECLARE_METATYPE(QList<juxta::test::ScriptedResponse>)

namespace {

using Expected = ExpectedOutcome;

ChatRequest simpleRequest()
{
    return ProviderHarness::simpleRequest(u"gpt-4o-mini"_s);
}

ScriptedResponse fixture(const char* name)
{
    return ScriptedResponse::fromFixture(u"openai/"_s + QLatin1StringView(name));
}

const QString kBasicText = u"Héllo, wörld! 👋 世界 — done."_s;

} // namespace


class TestOpenAiCompatibleProvider : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void scripted_data();
    void scripted();

    void requestCarriesEveryParameter();
    void noKeyMeansNoAuthorizationHeader();
    void rejectedStreamOptionsIsRetriedOnceWithout();
    void rejectedMaxTokensIsRetriedWithMaxCompletionTokens();
    void connectionRefusedIsNetwork();
    void crossOriginRedirectIsNotFollowed();
    void garbageInsteadOfHttpIsMalformed();
    void eventsArriveWhileStreaming();
    void aBigBufferedBodyIsDecodedInSlices();
    void cancelKeepsPartialText();
    void cancelBeforeAnyByte();
    void usageDetailsAreNormalized();
    void modelListIsParsed();
    void modelListErrorIsClassified();

private:
    CallOutcome run(const ChatRequest& request, CallOptions options = {}, ApiKey key = {});

    FakeProviderServer* m_server = nullptr;
    QNetworkAccessManager* m_network = nullptr;
    SteadyClock m_clock;
};

void TestOpenAiCompatibleProvider::init()
{
    m_server = new FakeProviderServer(this);
    QVERIFY(m_server->listen());
    m_network = new QNetworkAccessManager(this);
}

void TestOpenAiCompatibleProvider::cleanup()
{
    delete m_network;
    delete m_server;
}

CallOutcome TestOpenAiCompatibleProvider::run(const ChatRequest& request, CallOptions options, ApiKey key)
{
    return ProviderHarness(*m_server).run(ApiDialect::OpenAi, request, options, key);
}

void TestOpenAiCompatibleProvider::scripted_data()
{
    QTest::addColumn<QList<ScriptedResponse>>("responses");
    QTest::addColumn<int>("idleTimeoutMs");
    QTest::addColumn<ExpectedOutcome>("expected");
    using L = QList<ScriptedResponse>;

    Expected basic{kBasicText};
    basic.outputTokens = 9;
    basic.servedModel = u"gpt-4o-mini-2024-07-18"_s;
    QTest::newRow("basic, one write per event") << L{fixture("stream_basic.http").splitAfterEvents()} << 5000 << basic;
    QTest::newRow("basic, every byte") << L{fixture("stream_basic.http").splitEvery(1)} << 5000 << basic;
    QTest::newRow("basic, 7-byte writes 1 ms apart")
        << L{fixture("stream_basic.http").splitEvery(7).delayEach(1)} << 5000 << basic;
    QTest::newRow("basic, CRLF") << L{fixture("stream_basic.http").lineEndings("\r\n").splitAfterEvents()} << 5000 << basic;
    QTest::newRow("basic, CR, 5-byte writes") << L{fixture("stream_basic.http").lineEndings("\r").splitEvery(5)} << 5000
                                              << basic;
    QTest::newRow("basic, one write") << L{fixture("stream_basic.http")} << 5000 << basic;
    QTest::newRow("basic, keep-alive connection")
        << L{fixture("stream_basic.http").splitAfterEvents().endWith(Ending::KeepAlive)} << 5000 << basic;
    {
        ScriptedResponse noBlank = fixture("stream_basic.http");
        noBlank.truncateBodyAt(int(noBlank.body().size()) - 2); // "data: [DONE]" with no blank line, then EOF
        QTest::newRow("basic, [DONE] without final blank line") << L{noBlank} << 5000 << basic;
    }

    Expected tools;
    tools.finish = u"tool_calls"_s;
    tools.toolCalls = 2;
    tools.outputTokens = 41;
    QTest::newRow("parallel tool calls") << L{fixture("stream_tool_calls.http").splitEvery(11)} << 5000 << tools;

    Expected deepseek{u"2 + 2 = 4"_s};
    deepseek.reasoning = u"The user asks 2+2. That is 4."_s;
    deepseek.outputTokens = 30;
    QTest::newRow("deepseek reasoning_content") << L{fixture("stream_reasoning_deepseek.http").splitAfterEvents()}
                                                << 5000 << deepseek;

    Expected openrouter{u"There are 3 r's."_s};
    openrouter.reasoning = u"Counting letters."_s;
    openrouter.outputTokens = 57;
    openrouter.servedModel = u"anthropic/claude-3.7-sonnet"_s;
    QTest::newRow("openrouter reasoning with comments")
        << L{fixture("stream_reasoning_openrouter.http").splitEvery(13)} << 5000 << openrouter;

    Expected length{u"Once upon a"_s, u"length"_s};
    length.outputTokens = 3;
    QTest::newRow("finish length") << L{fixture("stream_length.http").splitAfterEvents()} << 5000 << length;

    Expected filtered{u"The battle began"_s, u"content_filter"_s};
    QTest::newRow("azure content_filter finish") << L{fixture("stream_content_filter.http").splitAfterEvents()} << 5000
                                                 << filtered;

    Expected cut{u"The first half of an answer"_s, u"error"_s, false, u"network"_s, 200};
    QTest::newRow("stream ends without finish or [DONE]")
        << L{fixture("stream_no_done.http").splitAfterEvents()} << 5000 << cut;
    {
        ScriptedResponse aborted = fixture("stream_basic.http").splitAfterEvents();
        aborted.writes = aborted.writes.mid(0, 4); // role chunk + "Héllo" + ", wörld" + "! 👋 "
        aborted.endWith(Ending::Abort);
        Expected e{u"Héllo, wörld! 👋 "_s, u"error"_s, false, u"network"_s, 200};
        QTest::newRow("connection cut mid-stream (no chunk terminator)") << L{aborted} << 5000 << e;
    }
    {
        ScriptedResponse truncated = fixture("stream_basic.http");
        const QByteArray body = truncated.body();
        truncated.truncateBodyAt(int(body.indexOf("wörld") + 3)); // inside the second content chunk's JSON
        Expected e{u"Héllo"_s, u"error"_s, false, u"malformed"_s, 200};
        e.messagePart = u"cut off"_s;
        QTest::newRow("truncated line then clean close") << L{truncated.splitEvery(40)} << 5000 << e;
    }

    Expected midOr{u"Partial answer"_s, u"error"_s, false, u"server"_s, 200};
    midOr.messagePart = u"Provider disconnected"_s;
    QTest::newRow("openrouter error chunk inside 200")
        << L{fixture("stream_midstream_error_openrouter.http").splitAfterEvents()} << 5000 << midOr;
    Expected midOverloaded{u"Hello"_s, u"error"_s, false, u"overloaded"_s, 529};
    QTest::newRow("overloaded error chunk inside 200")
        << L{fixture("stream_midstream_overloaded.http").splitAfterEvents()} << 5000 << midOverloaded;
    Expected midVllm{QString(), u"error"_s, false, u"context_length"_s, 400};
    QTest::newRow("vllm error object chunk") << L{fixture("stream_midstream_error_vllm.http")} << 5000 << midVllm;

    Expected invalid{u"Before the break"_s, u"error"_s, false, u"malformed"_s, 200};
    invalid.messagePart = u"not valid JSON"_s;
    QTest::newRow("invalid JSON chunk") << L{fixture("stream_invalid_json.http").splitEvery(17)} << 5000 << invalid;
    Expected nonUtf8{u"Valid text"_s, u"error"_s, false, u"malformed"_s, 200};
    nonUtf8.messagePart = u"UTF-8"_s;
    QTest::newRow("non-UTF-8 byte") << L{fixture("stream_non_utf8.http").splitAfterEvents()} << 5000 << nonUtf8;

    Expected mistral{u"The answer is 4."_s};
    mistral.reasoning = u"Simple arithmetic."_s;
    mistral.outputTokens = 12;
    QTest::newRow("mistral content parts") << L{fixture("stream_mistral_thinking.http").splitAfterEvents()} << 5000
                                           << mistral;
    Expected groq{u"Fast answer."_s};
    groq.outputTokens = 3;
    QTest::newRow("groq x_groq usage") << L{fixture("stream_groq.http").splitAfterEvents()} << 5000 << groq;
    Expected ollama{u"Local reply"_s};
    ollama.outputTokens = 2;
    QTest::newRow("ollama /v1 stream") << L{fixture("stream_ollama_compat.http").splitAfterEvents()} << 5000 << ollama;
    Expected whole{u"Whole answer at once."_s};
    whole.outputTokens = 5;
    QTest::newRow("server ignored stream:true") << L{fixture("whole_json_response.http").splitEvery(50)} << 5000 << whole;

    const auto error = [](const char* cls, int status, const char* part = nullptr, double retryAfter = -1) {
        return ExpectedOutcome::error(cls, status, part, retryAfter);
    };
    QTest::newRow("401 invalid key") << L{fixture("error_401_invalid_key.http")} << 5000
                                     << error("auth", 401, "Incorrect API key");
    QTest::newRow("429 rate limit, retry-after-ms") << L{fixture("error_429_rate_limit.http")} << 5000
                                                    << error("rate_limited", 429, "Rate limit reached", 19.5);
    QTest::newRow("429 insufficient quota") << L{fixture("error_429_quota.http")} << 5000 << error("quota", 429, "quota");
    QTest::newRow("429 retry-after as HTTP date") << L{fixture("error_429_http_date.http")} << 5000
                                                  << error("rate_limited", 429, nullptr, 0);
    QTest::newRow("400 context length") << L{fixture("error_400_context_length.http")} << 5000
                                        << error("context_length", 400, "maximum context length");
    QTest::newRow("400 azure content filter") << L{fixture("error_400_content_filter_azure.http")} << 5000
                                              << error("content_filter", 400, "content management policy");
    QTest::newRow("404 unknown model") << L{fixture("error_404_model.http")} << 5000 << error("not_found", 404, "gpt-9");
    QTest::newRow("500 server error") << L{fixture("error_500_server.http")} << 5000 << error("server", 500);
    QTest::newRow("503 overloaded") << L{fixture("error_503_overloaded.http")} << 5000 << error("overloaded", 503);
    QTest::newRow("502 HTML page from a proxy") << L{fixture("error_502_html.http").splitEvery(30)} << 5000
                                                << error("server", 502, "502 Bad Gateway");
    QTest::newRow("402 openrouter credits") << L{fixture("error_402_openrouter_credits.http")} << 5000
                                            << error("quota", 402, "more credits");
    QTest::newRow("422 FastAPI detail") << L{fixture("error_422_fastapi.http")} << 5000
                                        << error("bad_request", 422, "Field required");
    QTest::newRow("400 gemini-compat array body") << L{fixture("error_400_gemini_compat.http")} << 5000
                                                  << error("context_length", 400, "input token count");
    QTest::newRow("200 captive-portal HTML") << L{fixture("portal_200_html.http")} << 5000
                                             << error("malformed", 200, "Hotel Wi-Fi Login");
    QTest::newRow("200 with an empty stream") << L{fixture("empty_200_stream.http")} << 5000
                                              << error("malformed", 200, "without sending any");
    {
        ScriptedResponse stalled = fixture("stream_basic.http").splitAfterEvents();
        stalled.writes = stalled.writes.mid(0, 3);
        stalled.endWith(Ending::Stall);
        Expected e{u"Héllo, wörld"_s, u"error"_s, false, u"timeout"_s, 200};
        e.messagePart = u"idle timeout"_s;
        QTest::newRow("stall mid-stream hits the idle timeout") << L{stalled} << 300 << e;
    }
    {
        ScriptedResponse heldOpen = fixture("stream_basic.http").splitAfterEvents().endWith(Ending::Stall);
        QTest::newRow("connection held open after [DONE]: complete, no timeout") << L{heldOpen} << 30'000 << basic;
        ScriptedResponse noDone = fixture("stream_basic.http").splitAfterEvents();
        noDone.writes.removeLast(); // drop "data: [DONE]"
        noDone.endWith(Ending::Stall);
        QTest::newRow("finish and usage, then silence: complete") << L{noDone} << 300 << basic;
        ScriptedResponse mislabelled = fixture("stream_basic.http").splitAfterEvents();
        mislabelled.setHeader("Content-Type", "application/json");
        QTest::newRow("SSE labelled application/json still streams") << L{mislabelled} << 5000 << basic;
        ScriptedResponse plainJsonError = ScriptedResponse::fromHttpText(
            "HTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Length: auto\n\n"
            "{\"error\":{\"message\":\"Rate limit exceeded: free-models-per-day\",\"code\":429}}\n");
        QTest::newRow("JSON error in a 200 labelled text/plain") << L{plainJsonError} << 5000
                                                                << error("rate_limited", 429, "free-models-per-day");
    }
    {
        ScriptedResponse silent = fixture("stream_basic.http").delayHeaders(30'000);
        QTest::newRow("server accepts but never answers") << L{silent} << 300 << error("timeout", 0, "idle timeout");
    }
    {
        ScriptedResponse keepAlives = ScriptedResponse::fromHttpText(
            "HTTP/1.1 200 OK\nContent-Type: text/event-stream\nTransfer-Encoding: chunked\n\n: ping\n\n: ping\n\n");
        keepAlives.splitAfterEvents().delayEach(50).endWith(Ending::Stall);
        QTest::newRow("only keep-alive comments, then silence") << L{keepAlives} << 400 << error("timeout", 200);
    }
}

void TestOpenAiCompatibleProvider::scripted()
{
    QFETCH(QList<ScriptedResponse>, responses);
    QFETCH(int, idleTimeoutMs);
    QFETCH(ExpectedOutcome, expected);
    for (const ScriptedResponse& r : responses)
        m_server->enqueue(r);
    CallOptions options;
    options.idleTimeoutMs = idleTimeoutMs;
    QVERIFY(verifyOutcome(run(simpleRequest(), options), expected));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestOpenAiCompatibleProvider::requestCarriesEveryParameter()
{
    m_server->enqueue(fixture("stream_basic.http"));
    ChatRequest r = simpleRequest();
    r.systemPrompt = u"Be brief."_s;
    r.temperature = 0.25;
    r.topP = 0.9;
    r.maxTokens = 64;
    r.seed = 42;
    r.stop = QStringList{u"END"_s, u"\n\n"_s};
    r.toolsJson = R"([{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}])";
    const CallOutcome o = run(r, {}, ApiKey::fromSecret(u"sk-test-123"_s));
    QVERIFY(o.complete);

    QCOMPARE(m_server->requests().size(), 1);
    const RecordedRequest& req = m_server->requests().constFirst();
    QCOMPARE(req.method, QByteArray("POST"));
    QCOMPARE(req.path, QByteArray("/v1/chat/completions"));
    QCOMPARE(req.header("Authorization"), QByteArray("Bearer sk-test-123"));
    QCOMPARE(req.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(req.header("Accept"), QByteArray("text/event-stream"));
    const QJsonObject body = req.json();
    QCOMPARE(body.value(u"model"_s).toString(), u"gpt-4o-mini"_s);
    QCOMPARE(body.value(u"stream"_s).toBool(), true);
    QCOMPARE(body.value(u"stream_options"_s).toObject().value(u"include_usage"_s).toBool(), true);
    const QJsonArray messages = body.value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages[0].toObject().value(u"role"_s).toString(), u"system"_s);
    QCOMPARE(messages[0].toObject().value(u"content"_s).toString(), u"Be brief."_s);
    QCOMPARE(messages[1].toObject().value(u"role"_s).toString(), u"user"_s);
    QCOMPARE(body.value(u"temperature"_s).toDouble(), 0.25);
    QCOMPARE(body.value(u"top_p"_s).toDouble(), 0.9);
    QCOMPARE(body.value(u"max_tokens"_s).toInt(), 64);
    QCOMPARE(body.value(u"seed"_s).toInt(), 42);
    QCOMPARE(body.value(u"stop"_s).toArray().size(), 2);
    QCOMPARE(body.value(u"tools"_s).toArray()[0].toObject().value(u"type"_s).toString(), u"function"_s);
}

void TestOpenAiCompatibleProvider::noKeyMeansNoAuthorizationHeader()
{
    m_server->enqueue(fixture("stream_ollama_compat.http"));
    const CallOutcome o = run(simpleRequest());
    QVERIFY(o.complete);
    QVERIFY(m_server->requests().constFirst().header("Authorization").isNull());
    const QJsonObject body = m_server->requests().constFirst().json();
    QVERIFY(!body.contains(u"temperature"_s)); // unset parameters are not sent at all
    QVERIFY(!body.contains(u"max_tokens"_s));
}

void TestOpenAiCompatibleProvider::rejectedStreamOptionsIsRetriedOnceWithout()
{
    m_server->enqueue(fixture("error_400_stream_options.http").endWith(Ending::KeepAlive));
    m_server->enqueue(fixture("stream_ollama_compat.http"));
    const CallOutcome o = run(simpleRequest());
    QVERIFY2(o.complete, o.error ? qPrintable(o.error->summary()) : "");
    QCOMPARE(o.text, u"Local reply"_s);
    QCOMPARE(o.httpAttempts, 2);
    QCOMPARE(m_server->requests().size(), 2);
    QVERIFY(m_server->requests()[0].json().contains(u"stream_options"_s));
    QVERIFY(!m_server->requests()[1].json().contains(u"stream_options"_s));

    // Mistral says it with a pydantic error nested in "message" and HTTP 422.
    m_server->enqueue(fixture("error_422_mistral_stream_options.http"));
    m_server->enqueue(fixture("stream_mistral_thinking.http"));
    const CallOutcome mistral = run(simpleRequest());
    QVERIFY2(mistral.complete, mistral.error ? qPrintable(mistral.error->summary()) : "");
    QCOMPARE(m_server->requests().size(), 4);
    QVERIFY(!m_server->requests()[3].json().contains(u"stream_options"_s));

    // A server that keeps rejecting gets no third try for the same field.
    m_server->enqueue(fixture("error_400_stream_options.http"));
    m_server->enqueue(fixture("error_400_stream_options.http"));
    const CallOutcome again = run(simpleRequest());
    QVERIFY(!again.complete);
    QCOMPARE(again.error->errorClass, ErrorClass::BadRequest);
    QCOMPARE(m_server->requests().size(), 6);
}

void TestOpenAiCompatibleProvider::rejectedMaxTokensIsRetriedWithMaxCompletionTokens()
{
    m_server->enqueue(ScriptedResponse::json(
        400, R"({"error":{"message":"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.","type":"invalid_request_error","param":"max_tokens","code":"unsupported_parameter"}})"));
    m_server->enqueue(fixture("stream_basic.http"));
    ChatRequest r = simpleRequest();
    r.maxTokens = 100;
    const CallOutcome o = run(r);
    QVERIFY(o.complete);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests()[1].json().value(u"max_completion_tokens"_s).toInt(), 100);
    QVERIFY(!m_server->requests()[1].json().contains(u"max_tokens"_s));
}

void TestOpenAiCompatibleProvider::connectionRefusedIsNetwork()
{
    const QUrl closed = m_server->baseUrl();
    delete m_server; // nothing listens on that port any more
    m_server = nullptr;
    ChatClient client(*m_network, m_clock);
    ProviderProfile profile;
    profile.baseUrl = closed;
    ChatCall* call = client.startChat(simpleRequest(), profile, {});
    QSignalSpy finished(call, &ChatCall::finished);
    QVERIFY(finished.wait(10'000));
    QVERIFY(call->outcome().error);
    QCOMPARE(call->outcome().error->errorClass, ErrorClass::Network);
    QVERIFY(!call->outcome().complete);
}

void TestOpenAiCompatibleProvider::crossOriginRedirectIsNotFollowed()
{
    m_server->enqueue(ScriptedResponse::fromHttpText(
        "HTTP/1.1 307 Temporary Redirect\nLocation: http://127.0.0.2:9/v1/chat/completions\nContent-Length: 0\n\n"));
    const CallOutcome o = run(simpleRequest(), {}, ApiKey::fromSecret(u"sk-secret"_s));
    QVERIFY(o.error);
    QCOMPARE(o.error->errorClass, ErrorClass::BadRequest);
    QCOMPARE(o.error->httpStatus, 307);
    QVERIFY2(o.error->message.contains(u"127.0.0.2"_s), qPrintable(o.error->message));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestOpenAiCompatibleProvider::garbageInsteadOfHttpIsMalformed()
{
    ScriptedResponse notHttp; // e.g. a base URL pointing at an SSH port
    notHttp.status = 0;
    notHttp.writes = {{"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n", 0}};
    notHttp.endWith(Ending::Close);
    m_server->enqueue(notHttp);
    for (int i = 0; i < 6; ++i)
        m_server->enqueue(notHttp); // Qt itself re-sends a few times when no valid response came back
    const CallOutcome o = run(simpleRequest());
    QVERIFY(o.error);
    QCOMPARE(o.error->errorClass, ErrorClass::Network);
    QVERIFY2(o.error->message.contains(u"without sending an HTTP response"_s), qPrintable(o.error->summary()));
    QVERIFY(!o.complete);
}

void TestOpenAiCompatibleProvider::eventsArriveWhileStreaming()
{
    // 8 writes 40 ms apart: the first text must be delivered long before the call finishes.
    m_server->enqueue(fixture("stream_basic.http").splitAfterEvents().delayEach(40));
    QList<QList<StreamEvent>> batches;
    QElapsedTimer sinceStart;
    sinceStart.start();
    qint64 firstBatchMs = -1;
    ChatClient client(*m_network, m_clock);
    ProviderProfile profile;
    profile.baseUrl = m_server->baseUrl();
    ChatCall* call = client.startChat(simpleRequest(), profile, {});
    connect(call, &ChatCall::eventsReceived, this, [&](const QList<StreamEvent>& events) {
        if (firstBatchMs < 0)
            firstBatchMs = sinceStart.elapsed();
        batches.append(events);
    });
    QSignalSpy finished(call, &ChatCall::finished);
    QVERIFY(finished.wait(10'000));
    const qint64 totalMs = sinceStart.elapsed();
    QVERIFY(batches.size() >= 4); // not one lump at the end
    QVERIFY2(firstBatchMs >= 0 && firstBatchMs < totalMs - 100,
             qPrintable(u"first batch at %1 ms, finished at %2 ms"_s.arg(firstBatchMs).arg(totalMs)));
    // TTFT: the role chunk (no text) comes at ~40 ms, the first text at ~80 ms.
    const double ttft = *call->outcome().metrics.ttftMs;
    QVERIFY2(ttft >= 70 && ttft < 1000, qPrintable(QString::number(ttft)));
    QVERIFY(*call->outcome().metrics.totalMs >= ttft + 150);
    QVERIFY(call->outcome().metrics.outputTokensPerSecond.has_value());
}

void TestOpenAiCompatibleProvider::aBigBufferedBodyIsDecodedInSlices()
{
    // 4 MB of stream in one write, and the reply ends while most of it is still buffered: it is decoded a slice per
    // turn of the event loop (other events run in between), and nothing is lost at the end.
    StreamScript script;
    script.pieces = proseTokens(20'000);
    ScriptedResponse response = openAiStream(script);
    QByteArray body;
    for (const ScriptedWrite& w : std::as_const(response.writes))
        body += w.bytes;
    response.writes = {{body, 0}};
    QVERIFY(body.size() > 4'000'000);
    m_server->enqueue(response);
    ChatClient client(*m_network, m_clock);
    ProviderProfile profile;
    profile.baseUrl = m_server->baseUrl();
    ChatCall* call = client.startChat(simpleRequest(), profile, {});
    int batches = 0;
    int turnsBetween = 0;
    bool sawBatch = false;
    qsizetype biggestBatch = 0; // characters of text decoded in one go
    connect(call, &ChatCall::eventsReceived, this, [&](const QList<StreamEvent>& events) {
        ++batches;
        sawBatch = true;
        qsizetype chars = 0;
        for (const StreamEvent& e : events) {
            if (const auto* text = std::get_if<TextDelta>(&e))
                chars += text->text.size();
        }
        biggestBatch = qMax(biggestBatch, chars);
    });
    QTimer probe; // counts event-loop turns that happen between decoded batches
    probe.setInterval(0);
    connect(&probe, &QTimer::timeout, this, [&] {
        if (std::exchange(sawBatch, false))
            ++turnsBetween;
    });
    probe.start();
    QSignalSpy finished(call, &ChatCall::finished);
    QVERIFY(finished.wait(30'000));
    probe.stop();
    QVERIFY(call->outcome().complete);
    QCOMPARE(call->outcome().text, script.pieces.join(QString()));
    QVERIFY2(batches >= 60, qPrintable(QString::number(batches))); // 4 MB in 64 KiB slices
    QVERIFY2(turnsBetween >= 30, qPrintable(QString::number(turnsBetween)));
    // 64 KiB of ~210-byte chunks carry at most ~3,000 characters of these words.
    QVERIFY2(biggestBatch < 4000, qPrintable(QString::number(biggestBatch)));
}

void TestOpenAiCompatibleProvider::cancelKeepsPartialText()
{
    ScriptedResponse slow = fixture("stream_basic.http").splitAfterEvents().delayEach(60);
    m_server->enqueue(slow);
    ChatClient client(*m_network, m_clock);
    ProviderProfile profile;
    profile.baseUrl = m_server->baseUrl();
    ChatCall* call = client.startChat(simpleRequest(), profile, {});
    connect(call, &ChatCall::eventsReceived, call, [call](const QList<StreamEvent>&) {
        if (call->transcript().text().contains(u"wörld"_s))
            call->cancel();
    });
    QSignalSpy finished(call, &ChatCall::finished);
    QVERIFY(finished.wait(10'000));
    const CallOutcome& o = call->outcome();
    QCOMPARE(o.text, u"Héllo, wörld"_s);
    QCOMPARE(o.finishReason, FinishReason::Cancelled);
    QVERIFY(!o.complete);
    QCOMPARE(o.error->errorClass, ErrorClass::Cancelled);
    QCOMPARE(finished.size(), 1);
    QTRY_COMPARE(m_server->openConnections(), 0); // the connection was really closed
}

void TestOpenAiCompatibleProvider::cancelBeforeAnyByte()
{
    m_server->enqueue(fixture("stream_basic.http").delayHeaders(5000));
    ChatClient client(*m_network, m_clock);
    ProviderProfile profile;
    profile.baseUrl = m_server->baseUrl();
    ChatCall* call = client.startChat(simpleRequest(), profile, {});
    call->cancel();
    QVERIFY(call->isFinished());
    QCOMPARE(call->outcome().finishReason, FinishReason::Cancelled);
    QVERIFY(call->outcome().text.isEmpty());
    call->cancel(); // a second cancel is harmless
}

void TestOpenAiCompatibleProvider::usageDetailsAreNormalized()
{
    m_server->enqueue(fixture("stream_basic.http"));
    const CallOutcome o = run(simpleRequest());
    QCOMPARE(o.usage.inputTokens.value_or(-1), 12);
    QCOMPARE(o.usage.cachedInputTokens.value_or(-1), 4);
    QCOMPARE(o.usage.outputTokens.value_or(-1), 9);
    QCOMPARE(o.usage.reasoningTokens.value_or(-1), 0);

    m_server->enqueue(fixture("stream_reasoning_deepseek.http"));
    const CallOutcome ds = run(simpleRequest());
    QCOMPARE(ds.usage.reasoningTokens.value_or(-1), 22);
    QCOMPARE(ds.usage.cachedInputTokens.value_or(-1), 0);
}

void TestOpenAiCompatibleProvider::modelListIsParsed()
{
    m_server->enqueue(fixture("models_list.http"));
    ChatClient client(*m_network, m_clock);
    ProviderProfile profile;
    profile.baseUrl = m_server->baseUrl();
    ModelListCall* call = client.listModels(profile, ApiKey::fromSecret(u"k"_s));
    QSignalSpy finished(call, &ModelListCall::finished);
    QVERIFY(finished.wait(10'000));
    QVERIFY(!call->error());
    QCOMPARE(call->models().size(), 3);
    QCOMPARE(call->models()[0].id, u"gpt-4o-mini"_s);
    QCOMPARE(call->models()[2].contextWindow.value_or(0), 32768);
    QCOMPARE(m_server->requests()[0].method, QByteArray("GET"));
    QCOMPARE(m_server->requests()[0].path, QByteArray("/v1/models"));
    QCOMPARE(m_server->requests()[0].header("Authorization"), QByteArray("Bearer k"));
}

void TestOpenAiCompatibleProvider::modelListErrorIsClassified()
{
    m_server->enqueue(fixture("error_401_invalid_key.http"));
    ChatClient client(*m_network, m_clock);
    ProviderProfile profile;
    profile.baseUrl = m_server->baseUrl();
    ModelListCall* call = client.listModels(profile, {});
    QSignalSpy finished(call, &ModelListCall::finished);
    QVERIFY(finished.wait(10'000));
    QVERIFY(call->error());
    QCOMPARE(call->error()->errorClass, ErrorClass::Auth);
    QCOMPARE(call->error()->httpStatus, 401);
}

QTEST_GUILESS_MAIN(TestOpenAiCompatibleProvider)
#include "TestOpenAiCompatibleProvider.moc"
