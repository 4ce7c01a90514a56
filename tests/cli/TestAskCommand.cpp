// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta ask` run as a real process against the fake provider server: JSON output, streaming text, exit codes.
#include "FakeProviderServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>

#include <csignal>

using namespace juxta::test;
using namespace Qt::StringLiterals;
using Ending = ScriptedResponse::Ending;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

} // namespace

class TestAskCommand : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void jsonForCompleteStream();
    void jsonForToolCallsAndReasoning();
    void jsonForErrorClasses_data();
    void jsonForErrorClasses();
    void plainTextStreamsToStdout();
    void promptFromStdin();
    void keyComesFromTheNamedVariableOnly();
    void keyOverPlainHttpToAPublicHostIsRefused();
    void keyQuotedInAnErrorIsRedacted();
    void badUsageExitsWithTwo_data();
    void badUsageExitsWithTwo();
    void interruptKeepsPartialAnswer();
    void fallbackChainIsReportedInJson();
    void fallbackToAnotherServerGetsNoKey();
    void cheapestStrategyUsesThePriceFile();

private:
    Run ask(const QStringList& extraArgs, const QByteArray& stdinData = {},
            const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment());

    FakeProviderServer* m_server = nullptr;
};

void TestAskCommand::init()
{
    m_server = new FakeProviderServer(this);
    QVERIFY(m_server->listen());
}

void TestAskCommand::cleanup()
{
    delete m_server;
}

Run TestAskCommand::ask(const QStringList& extraArgs, const QByteArray& stdinData, const QProcessEnvironment& env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    QStringList args{u"ask"_s, u"--base-url"_s, m_server->baseUrl().toString(), u"--model"_s, u"gpt-4o-mini"_s};
    args += extraArgs;
    process.start(QStringLiteral(JUXTA_BINARY), args);
    if (!process.waitForStarted(10'000))
        return {};
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    // The server lives in this process, so keep its event loop turning while the child runs.
    QSignalSpy finished(&process, &QProcess::finished);
    finished.wait(30'000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

void TestAskCommand::jsonForCompleteStream()
{
    // 40 ms between events: the generation lasts over 100 ms, the least an output speed is claimed over.
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/stream_basic.http"_s).splitAfterEvents().delayEach(40));
    const Run r = ask({u"--json"_s, u"Say hello"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(u"model"_s).toString(), u"gpt-4o-mini-2024-07-18"_s);
    QCOMPARE(o.value(u"text"_s).toString(), u"Héllo, wörld! 👋 世界 — done."_s);
    QCOMPARE(o.value(u"reasoning"_s).toString(), QString());
    QCOMPARE(o.value(u"tool_calls"_s).toArray().size(), 0);
    QCOMPARE(o.value(u"finish_reason"_s).toString(), u"stop"_s);
    QCOMPARE(o.value(u"complete"_s).toBool(), true);
    const QJsonObject usage = o.value(u"usage"_s).toObject();
    QCOMPARE(usage.value(u"input_tokens"_s).toInt(), 12);
    QCOMPARE(usage.value(u"cached_tokens"_s).toInt(), 4);
    QCOMPARE(usage.value(u"output_tokens"_s).toInt(), 9);
    QCOMPARE(usage.value(u"reasoning_tokens"_s).toInt(), 0);
    const QJsonObject metrics = o.value(u"metrics"_s).toObject();
    QVERIFY(metrics.value(u"ttft_ms"_s).toDouble() > 0);
    QVERIFY(metrics.value(u"total_ms"_s).toDouble() >= metrics.value(u"ttft_ms"_s).toDouble());
    QVERIFY(metrics.value(u"output_tokens_per_s"_s).toDouble() > 0);
    QVERIFY(o.value(u"error"_s).isNull());
    const QJsonObject sent = m_server->requests().constFirst().json();
    QCOMPARE(sent.value(u"messages"_s).toArray()[0].toObject().value(u"content"_s).toString(), u"Say hello"_s);
}

void TestAskCommand::jsonForToolCallsAndReasoning()
{
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/stream_tool_calls.http"_s).splitEvery(9));
    const Run tools = ask({u"--json"_s, u"weather?"_s});
    QCOMPARE(tools.exitCode, 0);
    const QJsonArray calls = tools.json().value(u"tool_calls"_s).toArray();
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls[0].toObject().value(u"id"_s).toString(), u"call_Weather01"_s);
    QCOMPARE(calls[0].toObject().value(u"name"_s).toString(), u"get_weather"_s);
    QCOMPARE(calls[0].toObject().value(u"arguments"_s).toString(), uR"({"city": "Paris"})"_s);
    QCOMPARE(calls[1].toObject().value(u"name"_s).toString(), u"get_time"_s);
    QCOMPARE(tools.json().value(u"finish_reason"_s).toString(), u"tool_calls"_s);

    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/stream_reasoning_deepseek.http"_s).splitAfterEvents());
    const Run reasoning = ask({u"--json"_s, u"2+2"_s});
    QCOMPARE(reasoning.exitCode, 0);
    QCOMPARE(reasoning.json().value(u"reasoning"_s).toString(), u"The user asks 2+2. That is 4."_s);
    QCOMPARE(reasoning.json().value(u"text"_s).toString(), u"2 + 2 = 4"_s);
    QCOMPARE(reasoning.json().value(u"usage"_s).toObject().value(u"reasoning_tokens"_s).toInt(), 22);
}

void TestAskCommand::jsonForErrorClasses_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("ending");
    QTest::addColumn<QString>("idleTimeout");
    QTest::addColumn<QString>("errorClass");
    QTest::addColumn<int>("httpStatus"); // 0: null
    QTest::addColumn<double>("retryAfter"); // -1: null
    QTest::addColumn<QString>("partialText");
    const int close = int(Ending::Close);
    QTest::newRow("auth") << u"error_401_invalid_key.http"_s << close << u"5"_s << u"auth"_s << 401 << -1.0 << QString();
    QTest::newRow("rate limited") << u"error_429_rate_limit.http"_s << close << u"5"_s << u"rate_limited"_s << 429
                                  << 19.5 << QString();
    QTest::newRow("quota") << u"error_429_quota.http"_s << close << u"5"_s << u"quota"_s << 429 << -1.0 << QString();
    QTest::newRow("context length") << u"error_400_context_length.http"_s << close << u"5"_s << u"context_length"_s
                                    << 400 << -1.0 << QString();
    QTest::newRow("content filter") << u"error_400_content_filter_azure.http"_s << close << u"5"_s
                                    << u"content_filter"_s << 400 << -1.0 << QString();
    QTest::newRow("not found") << u"error_404_model.http"_s << close << u"5"_s << u"not_found"_s << 404 << -1.0
                               << QString();
    QTest::newRow("bad request") << u"error_422_fastapi.http"_s << close << u"5"_s << u"bad_request"_s << 422 << -1.0
                                 << QString();
    QTest::newRow("overloaded") << u"error_503_overloaded.http"_s << close << u"5"_s << u"overloaded"_s << 503 << -1.0
                                << QString();
    QTest::newRow("server (HTML)") << u"error_502_html.http"_s << close << u"5"_s << u"server"_s << 502 << -1.0
                                   << QString();
    QTest::newRow("malformed chunk") << u"stream_invalid_json.http"_s << close << u"5"_s << u"malformed"_s << 200
                                     << -1.0 << u"Before the break"_s;
    QTest::newRow("non-UTF-8") << u"stream_non_utf8.http"_s << close << u"5"_s << u"malformed"_s << 200 << -1.0
                               << u"Valid text"_s;
    QTest::newRow("cut stream") << u"stream_no_done.http"_s << close << u"5"_s << u"network"_s << 200 << -1.0
                                << u"The first half of an answer"_s;
    QTest::newRow("mid-stream error") << u"stream_midstream_error_openrouter.http"_s << close << u"5"_s << u"server"_s
                                      << 200 << -1.0 << u"Partial answer"_s;
    QTest::newRow("stall") << u"stream_no_done.http"_s << int(Ending::Stall) << u"0.5"_s << u"timeout"_s << 200 << -1.0
                           << u"The first half of an answer"_s;
}

void TestAskCommand::jsonForErrorClasses()
{
    QFETCH(QString, fixture);
    QFETCH(int, ending);
    QFETCH(QString, idleTimeout);
    QFETCH(QString, errorClass);
    QFETCH(int, httpStatus);
    QFETCH(double, retryAfter);
    QFETCH(QString, partialText);
    // A persistent failure: the same answer to the first try and to both default retries.
    for (int i = 0; i < 3; ++i)
        m_server->enqueue(ScriptedResponse::fromFixture(u"openai/"_s + fixture).splitAfterEvents()
                              .endWith(Ending(ending)));
    const Run r = ask({u"--json"_s, u"--idle-timeout"_s, idleTimeout, u"--route-seed"_s, u"1"_s, u"hi"_s});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(u"complete"_s).toBool(true), false);
    QCOMPARE(o.value(u"text"_s).toString(), partialText);
    const QJsonObject error = o.value(u"error"_s).toObject();
    QCOMPARE(error.value(u"class"_s).toString(), errorClass);
    if (httpStatus)
        QCOMPARE(error.value(u"http_status"_s).toInt(), httpStatus);
    else
        QVERIFY(error.value(u"http_status"_s).isNull());
    if (retryAfter >= 0)
        QCOMPARE(error.value(u"retry_after_s"_s).toDouble(), retryAfter);
    else
        QVERIFY(error.value(u"retry_after_s"_s).isNull());
    QVERIFY(!error.value(u"message"_s).toString().isEmpty());
    QCOMPARE(o.value(u"finish_reason"_s).toString(), u"error"_s);
    QVERIFY(o.value(u"served_by"_s).isNull());
    // Transient classes were retried twice (no output had begun); the others were not.
    const QJsonArray attempts = o.value(u"attempts"_s).toArray();
    const bool transient = QStringList{u"rate_limited"_s, u"overloaded"_s, u"server"_s, u"timeout"_s,
                                       u"network"_s}.contains(errorClass);
    const bool retried = transient && partialText.isEmpty() && retryAfter < 0;
    QCOMPARE(attempts.size(), retried ? 3 : 1);
    QCOMPARE(attempts.last().toObject().value(u"error_class"_s).toString(), errorClass);
}

void TestAskCommand::plainTextStreamsToStdout()
{
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/stream_basic.http"_s).splitEvery(3));
    const Run ok = ask({u"hi"_s});
    QCOMPARE(ok.exitCode, 0);
    QCOMPARE(QString::fromUtf8(ok.out), u"Héllo, wörld! 👋 世界 — done.\n"_s);

    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/stream_no_done.http"_s));
    const Run cut = ask({u"hi"_s});
    QCOMPARE(cut.exitCode, 1);
    QCOMPARE(QString::fromUtf8(cut.out), u"The first half of an answer\n"_s); // partial text is never lost
    QVERIFY2(cut.err.contains("network"), cut.err.constData());
}

void TestAskCommand::promptFromStdin()
{
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/stream_basic.http"_s));
    const Run r = ask({u"--json"_s, u"--system"_s, u"Be terse."_s, u"-"_s}, "Prompt from a pipe\n");
    QCOMPARE(r.exitCode, 0);
    const QJsonArray messages = m_server->requests().constFirst().json().value(u"messages"_s).toArray();
    QCOMPARE(messages[0].toObject().value(u"content"_s).toString(), u"Be terse."_s);
    QCOMPARE(messages[1].toObject().value(u"content"_s).toString(), u"Prompt from a pipe\n"_s);
}

void TestAskCommand::keyComesFromTheNamedVariableOnly()
{
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/stream_basic.http"_s));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"JUXTA_TEST_KEY"_s, u"sk-from-env-987"_s);
    env.insert(u"OPENAI_API_KEY"_s, u"sk-must-not-be-sent"_s);
    const Run r = ask({u"--api-key-env"_s, u"JUXTA_TEST_KEY"_s, u"--json"_s, u"hi"_s}, {}, env);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(m_server->requests().constFirst().header("Authorization"), QByteArray("Bearer sk-from-env-987"));
    QVERIFY(!r.out.contains("sk-from-env") && !r.err.contains("sk-from-env"));

    const Run missing = ask({u"--api-key-env"_s, u"JUXTA_UNSET_VARIABLE"_s, u"hi"_s}, {}, env);
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains("JUXTA_UNSET_VARIABLE"));
}

void TestAskCommand::keyOverPlainHttpToAPublicHostIsRefused()
{
    // 192.0.2.1 is a documentation address (RFC 5737): public as far as the check goes, and never routed, so even
    // a broken check would send nothing anywhere. The last --base-url wins over the helper's.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"JUXTA_TEST_KEY"_s, u"sk-plain-http-555"_s);
    const Run direct = ask({u"--base-url"_s, u"http://192.0.2.1:9/v1"_s, u"--api-key-env"_s, u"JUXTA_TEST_KEY"_s,
                            u"--connect-timeout"_s, u"1"_s, u"hi"_s},
                           {}, env);
    QCOMPARE(direct.exitCode, 2);
    QVERIFY2(direct.err.contains("plain http://") && direct.err.contains("192.0.2.1")
                 && direct.err.contains("--allow-insecure-http"),
             direct.err.constData());
    QVERIFY(!direct.err.contains("sk-plain"));

    // A fallback server with a key of its own gets the same check, before anything is sent to the first.
    const Run fallback = ask({u"--api-key-env"_s, u"JUXTA_TEST_KEY"_s, u"--fallback"_s,
                              u"http://192.0.2.1:9/v1#m;key-env=JUXTA_TEST_KEY"_s, u"hi"_s},
                             {}, env);
    QCOMPARE(fallback.exitCode, 2);
    QVERIFY2(fallback.err.contains("plain http://"), fallback.err.constData());
    QVERIFY(m_server->requests().isEmpty());
}

void TestAskCommand::keyQuotedInAnErrorIsRedacted()
{
    // A gateway that quotes the whole key back in its error: neither the terminal nor --json shows it.
    m_server->enqueue(ScriptedResponse::json(
        401, R"({"error":{"message":"Invalid key custom-quoted-4d2f9a7b1c for this route","type":"auth"}})"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"JUXTA_TEST_KEY"_s, u"custom-quoted-4d2f9a7b1c"_s);
    const Run r = ask({u"--api-key-env"_s, u"JUXTA_TEST_KEY"_s, u"--json"_s, u"hi"_s}, {}, env);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(!r.out.contains("4d2f9a7b") && !r.err.contains("4d2f9a7b"), r.out.constData());
    QVERIFY2(r.out.contains("Invalid key [redacted] for this route"), r.out.constData());
}

void TestAskCommand::badUsageExitsWithTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no prompt") << QStringList{};
    QTest::newRow("two prompts") << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("temperature out of range") << QStringList{u"--temperature"_s, u"7"_s, u"hi"_s};
    QTest::newRow("max tokens not a number") << QStringList{u"--max-tokens"_s, u"many"_s, u"hi"_s};
    QTest::newRow("unknown api") << QStringList{u"--api"_s, u"carrier-pigeon"_s, u"hi"_s};
    QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s, u"hi"_s};
    QTest::newRow("bad idle timeout") << QStringList{u"--idle-timeout"_s, u"-1"_s, u"hi"_s};
    QTest::newRow("key on the command line is not an option") << QStringList{u"--api-key"_s, u"sk-x"_s, u"hi"_s};
    QTest::newRow("unknown strategy") << QStringList{u"--strategy"_s, u"quickest"_s, u"hi"_s};
    QTest::newRow("bad fallback") << QStringList{u"--fallback"_s, u"ftp://x#m"_s, u"hi"_s};
    QTest::newRow("bad retries") << QStringList{u"--retries"_s, u"-3"_s, u"hi"_s};
    // An endless --tools file is refused after 8 MiB instead of being read whole.
    QTest::newRow("endless tools file") << QStringList{u"--tools"_s, u"/dev/zero"_s, u"hi"_s};
    QTest::newRow("bad answer size") << QStringList{u"--max-answer-size"_s, u"0"_s, u"hi"_s};
    QTest::newRow("bad duration") << QStringList{u"--max-duration"_s, u"forever"_s, u"hi"_s};
}

void TestAskCommand::badUsageExitsWithTwo()
{
    QFETCH(QStringList, args);
    const Run r = ask(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.startsWith("juxta ask: "));
    QVERIFY(m_server->requests().isEmpty());
    if (args.contains(u"/dev/zero"_s))
        QVERIFY2(r.err.contains("larger than 8 MiB"), r.err.constData());
}

void TestAskCommand::interruptKeepsPartialAnswer()
{
    ScriptedResponse slow = ScriptedResponse::fromFixture(u"openai/stream_basic.http"_s).splitAfterEvents();
    slow.writes = slow.writes.mid(0, 3);
    slow.endWith(Ending::Stall);
    m_server->enqueue(slow);
    QProcess process;
    process.start(QStringLiteral(JUXTA_BINARY), {u"ask"_s, u"--base-url"_s, m_server->baseUrl().toString(),
                                                 u"--model"_s, u"m"_s, u"--json"_s, u"hi"_s});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(m_server->requests().size() == 1, 10'000);
    QTest::qWait(300); // let the first chunks arrive before interrupting, as a person pressing Ctrl+C would
    ::kill(pid_t(process.processId()), SIGINT); // what the terminal sends for Ctrl+C
    QSignalSpy finished(&process, &QProcess::finished);
    QVERIFY(finished.wait(10'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit); // it ended itself, having printed what arrived
    QCOMPARE(process.exitCode(), 130);                    // as the shell expects of an interrupted program
    const QJsonObject o = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QCOMPARE(o.value(u"finish_reason"_s).toString(), u"cancelled"_s);
    QCOMPARE(o.value(u"text"_s).toString(), u"Héllo, wörld"_s);
    QCOMPARE(o.value(u"error"_s).toObject().value(u"class"_s).toString(), u"cancelled"_s);
}

void TestAskCommand::fallbackChainIsReportedInJson()
{
    ScriptedResponse limited = ScriptedResponse::fromFixture(u"openai/error_429_rate_limit.http"_s);
    limited.setHeader("retry-after-ms", "50");
    m_server->enqueue(limited);                                                     // a
    m_server->enqueue(limited);                                                     // a, first retry
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/stream_midstream_error_openrouter.http"_s)); // b
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/stream_length.http"_s)); // c
    const Run r = ask({u"--json"_s, u"--retries"_s, u"1"_s, u"--fallback"_s, u"model-b"_s, u"--fallback"_s,
                       u"model-c"_s, u"hi"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(u"text"_s).toString(), u"Once upon a"_s);
    QCOMPARE(o.value(u"served_by"_s).toString(), u"127.0.0.1/model-c"_s);
    const QJsonArray attempts = o.value(u"attempts"_s).toArray();
    QCOMPARE(attempts.size(), 4);
    QCOMPARE(attempts[0].toObject().value(u"target"_s).toString(), u"127.0.0.1/gpt-4o-mini"_s);
    QCOMPARE(attempts[0].toObject().value(u"error_class"_s).toString(), u"rate_limited"_s);
    QCOMPARE(attempts[0].toObject().value(u"http_status"_s).toInt(), 429);
    QVERIFY(attempts[0].toObject().value(u"elapsed_ms"_s).toDouble() >= 0);
    QCOMPARE(attempts[1].toObject().value(u"retry"_s).toInt(), 1);
    QCOMPARE(attempts[2].toObject().value(u"error_class"_s).toString(), u"server"_s);
    QCOMPARE(attempts[2].toObject().value(u"partial_text"_s).toString(), u"Partial answer"_s);
    QVERIFY(attempts[3].toObject().value(u"error_class"_s).isNull());
    const QStringList models{m_server->requests()[2].json().value(u"model"_s).toString(),
                             m_server->requests()[3].json().value(u"model"_s).toString()};
    QCOMPARE(models, (QStringList{u"model-b"_s, u"model-c"_s}));

    // Plain output says what happened on stderr and keeps stdout to the answers.
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/error_401_invalid_key.http"_s));
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/stream_length.http"_s));
    const Run plain = ask({u"--fallback"_s, u"model-b"_s, u"hi"_s});
    QCOMPARE(plain.exitCode, 0);
    QCOMPARE(plain.out, QByteArray("Once upon a\n"));
    QVERIFY2(plain.err.contains("served by 127.0.0.1/model-b after 127.0.0.1/gpt-4o-mini rejected the key"),
             plain.err.constData());
}

void TestAskCommand::fallbackToAnotherServerGetsNoKey()
{
    FakeProviderServer other;
    QVERIFY(other.listen());
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/error_404_model.http"_s));
    other.enqueue(ScriptedResponse::fromFixture(u"openai/stream_basic.http"_s));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"JUXTA_TEST_KEY"_s, u"sk-primary-only"_s);
    const Run r = ask({u"--api-key-env"_s, u"JUXTA_TEST_KEY"_s, u"--json"_s, u"--fallback"_s,
                       u"openai+"_s + other.baseUrl().toString() + u"#other-model"_s, u"hi"_s},
                      {}, env);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(m_server->requests().constFirst().header("Authorization"), QByteArray("Bearer sk-primary-only"));
    QCOMPARE(other.requests().size(), 1);
    QVERIFY(other.requests().constFirst().header("Authorization").isNull());
    QCOMPARE(other.requests().constFirst().json().value(u"model"_s).toString(), u"other-model"_s);

    // Per-target overrides ride along; a key-env option gives the other server its own key.
    env.insert(u"JUXTA_OTHER_KEY"_s, u"sk-other"_s);
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/error_404_model.http"_s));
    other.enqueue(ScriptedResponse::fromFixture(u"openai/stream_basic.http"_s));
    const Run keyed = ask({u"--api-key-env"_s, u"JUXTA_TEST_KEY"_s, u"--temperature"_s, u"1"_s, u"--fallback"_s,
                           other.baseUrl().toString() + u"#m2;key-env=JUXTA_OTHER_KEY;temperature=0.2;max-tokens=9"_s,
                           u"hi"_s},
                          {}, env);
    QCOMPARE(keyed.exitCode, 0);
    const RecordedRequest& second = other.requests().constLast();
    QCOMPARE(second.header("Authorization"), QByteArray("Bearer sk-other"));
    QCOMPARE(second.json().value(u"temperature"_s).toDouble(), 0.2);
    QCOMPARE(second.json().value(u"max_tokens"_s).toInt(), 9);
}

void TestAskCommand::cheapestStrategyUsesThePriceFile()
{
    QTemporaryFile prices;
    QVERIFY(prices.open());
    prices.write(R"({"gpt-4o-mini": {"input": 0.15, "output": 0.6}, "cheap-model": {"input": 0.05, "output": 0.1}})");
    prices.flush();
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/stream_length.http"_s));
    const Run r = ask({u"--json"_s, u"--strategy"_s, u"cheapest"_s, u"--prices"_s, prices.fileName(), u"--fallback"_s,
                       u"unpriced-model"_s, u"--fallback"_s, u"cheap-model"_s, u"hi"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(m_server->requests().constFirst().json().value(u"model"_s).toString(), u"cheap-model"_s);
    QCOMPARE(r.json().value(u"served_by"_s).toString(), u"127.0.0.1/cheap-model"_s);
}

QTEST_GUILESS_MAIN(TestAskCommand)
#include "TestAskCommand.moc"
