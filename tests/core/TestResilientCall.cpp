// SPDX-License-Identifier: GPL-3.0-or-later
// The resilience engine over real loopback HTTP: retries, fallback chains, errors inside 200 streams driving
// fallback, context-length skips, opt-in content-filter fallback, circuit breaking, cancellation, timing.
#include "FakeProviderServer.h"
#include "TestClocks.h"
#include "routing/ResilientCall.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace juxta;
using namespace juxta::test;
using namespace Qt::StringLiterals;
using Ending = ScriptedResponse::Ending;

namespace {

ScriptedResponse openai(const char* name)
{
    return ScriptedResponse::fromFixture(u"openai/"_s + QLatin1StringView(name));
}

ScriptedResponse dropBeforeFirstByte()
{
    ScriptedResponse r; // raw mode: the server closes without writing anything
    r.status = 0;
    r.writes.clear();
    r.endWith(Ending::Close);
    return r;
}

ScriptedResponse rateLimited(const QByteArray& retryAfter)
{
    ScriptedResponse r = ScriptedResponse::json(429, R"({"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}})");
    r.setHeader("retry-after", retryAfter);
    return r;
}

} // namespace

class TestResilientCall : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void chainSurvivesRateLimitAndDroppedConnection();
    void faultInjectionTakesAsLongAsTheInjectedDelays();
    void errorInside200StreamDrivesFallbackAndKeepsPartial();
    void partialOutputCanStopTheChain();
    void contextLengthSkipsSmallerWindows();
    void contentFilterFallsBackOnlyWhenEnabled();
    void permanentErrorsAreNotRetried();
    void openCircuitIsSkipped();
    void cancelDuringBackoff();
    void allTargetsFailing();
    void usageOnlyEventsAreNotPartialOutput();

private:
    // Targets "a", "b", "c", … on the fake server; the responder answers by the model named in the request.
    QList<Target> chain(std::initializer_list<const char*> models) const;
    RoutedOutcome run(const QList<Target>& targets, RetryPolicy retry = {}, FallbackPolicy fallback = {},
                      CircuitBreaker* breaker = nullptr, QList<bool>* partialFlags = nullptr);
    QStringList requestedModels() const;

    FakeProviderServer* m_server = nullptr;
    QNetworkAccessManager* m_network = nullptr;
    SteadyClock m_clock;
    RecordingScheduler m_scheduler;
    QHash<QString, QList<ScriptedResponse>> m_script; // per model, consumed in order; the last one repeats
};

void TestResilientCall::init()
{
    m_server = new FakeProviderServer(this);
    QVERIFY(m_server->listen());
    m_network = new QNetworkAccessManager(this);
    m_scheduler.delays.clear();
    m_script.clear();
    m_server->setResponder([this](const RecordedRequest& request) {
        QList<ScriptedResponse>& queue = m_script[request.json().value(u"model"_s).toString()];
        if (queue.isEmpty())
            return ScriptedResponse::json(599, R"({"error":{"message":"not scripted"}})");
        return queue.size() > 1 ? queue.takeFirst() : queue.constFirst();
    });
}

void TestResilientCall::cleanup()
{
    delete m_network;
    delete m_server;
}

QList<Target> TestResilientCall::chain(std::initializer_list<const char*> models) const
{
    QList<Target> list;
    for (const char* m : models) {
        Target t;
        t.profile.id = u"fake"_s;
        t.profile.baseUrl = m_server->baseUrl();
        t.model = QString::fromLatin1(m);
        list.append(t);
    }
    return list;
}

QStringList TestResilientCall::requestedModels() const
{
    QStringList models;
    for (const RecordedRequest& r : m_server->requests())
        models.append(r.json().value(u"model"_s).toString());
    return models;
}

RoutedOutcome TestResilientCall::run(const QList<Target>& targets, RetryPolicy retry, FallbackPolicy fallback,
                                     CircuitBreaker* breaker, QList<bool>* partialFlags)
{
    ChatRequest request;
    request.messages.append({ChatMessage::Role::User, u"hi"_s});
    ResilientCall call({*m_network, m_clock, m_scheduler, breaker, nullptr}, request, targets, retry, fallback, {}, 7);
    if (partialFlags) {
        connect(&call, &ResilientCall::attemptStarted, this,
                [partialFlags](int, const QString&, int, bool afterPartial) { partialFlags->append(afterPartial); });
    }
    QSignalSpy finished(&call, &ResilientCall::finished);
    call.start();
    if (!call.isFinished() && !finished.wait(20'000))
        qWarning("chain did not finish");
    return call.outcome();
}

void TestResilientCall::chainSurvivesRateLimitAndDroppedConnection()
{
    m_script[u"a"_s] = {rateLimited("1")};
    m_script[u"b"_s] = {dropBeforeFirstByte()};
    m_script[u"c"_s] = {openai("stream_basic.http")};
    RetryPolicy retry;
    retry.maxRetries = 1;
    const RoutedOutcome o = run(chain({"a", "b", "c"}), retry);

    QVERIFY(o.outcome.complete);
    QCOMPARE(o.outcome.text, u"Héllo, wörld! 👋 世界 — done."_s);
    QCOMPARE(o.servedBy, 2);
    QCOMPARE(o.attempts.size(), 5); // a, a again after retry-after, b, b again after back-off, c
    QCOMPARE(o.attempts[0].errorClass, ErrorClass::RateLimited);
    QCOMPARE(o.attempts[0].httpStatus, 429);
    QCOMPARE(o.attempts[1].retry, 1);
    QCOMPARE(o.attempts[2].errorClass, ErrorClass::Network);
    QVERIFY(!o.attempts[4].errorClass);
    QCOMPARE(m_scheduler.delays.size(), 2);
    QCOMPARE(m_scheduler.delays[0], 1000); // retry-after: 1 honoured
    QVERIFY(m_scheduler.delays[1] >= 0 && m_scheduler.delays[1] <= 500); // full jitter, first back-off
    QVERIFY2(o.summary().startsWith(u"served by fake/c after fake/a was rate-limited (HTTP 429), fake/b had a "
                                    u"network failure"_s),
             qPrintable(o.summary()));
}

void TestResilientCall::faultInjectionTakesAsLongAsTheInjectedDelays()
{
    // Same chain with the real event-loop scheduler: the run lasts about as long as the waits asked for.
    m_script[u"a"_s] = {rateLimited("1")};
    m_script[u"b"_s] = {dropBeforeFirstByte()};
    m_script[u"c"_s] = {openai("stream_basic.http")};
    EventLoopScheduler scheduler;
    RetryPolicy retry;
    retry.maxRetries = 1;
    retry.baseDelayMs = 200;
    ChatRequest request;
    request.messages.append({ChatMessage::Role::User, u"hi"_s});
    ResilientCall call({*m_network, m_clock, scheduler, nullptr, nullptr}, request, chain({"a", "b", "c"}), retry, {},
                       {}, 7);
    QSignalSpy finished(&call, &ResilientCall::finished);
    QElapsedTimer elapsed;
    elapsed.start();
    call.start();
    QVERIFY(finished.wait(20'000));
    const qint64 ms = elapsed.elapsed();
    QCOMPARE(call.outcome().servedBy, 2);
    // 1 000 ms of retry-after plus at most 200 ms of jittered back-off, plus loopback overhead.
    QVERIFY2(ms >= 1000 && ms < 2500, qPrintable(u"took %1 ms"_s.arg(ms)));
}

void TestResilientCall::errorInside200StreamDrivesFallbackAndKeepsPartial()
{
    m_script[u"a"_s] = {openai("stream_midstream_error_openrouter.http").splitAfterEvents()};
    m_script[u"b"_s] = {openai("stream_length.http")};
    QList<bool> afterPartial;
    const RoutedOutcome o = run(chain({"a", "b"}), {}, {}, nullptr, &afterPartial);
    QCOMPARE(o.servedBy, 1);
    QCOMPARE(o.outcome.text, u"Once upon a"_s);
    QCOMPARE(o.attempts.size(), 2); // no retry of a: output had begun, so no silent re-send
    QCOMPARE(o.attempts[0].errorClass, ErrorClass::Server);
    QCOMPARE(o.attempts[0].partialText, u"Partial answer"_s); // kept in the record
    QCOMPARE(afterPartial, (QList<bool>{false, true}));        // and b's start is flagged for the view
    QCOMPARE(requestedModels(), (QStringList{u"a"_s, u"b"_s}));
}

void TestResilientCall::partialOutputCanStopTheChain()
{
    m_script[u"a"_s] = {openai("stream_no_done.http")};
    m_script[u"b"_s] = {openai("stream_basic.http")};
    FallbackPolicy stopThere;
    stopThere.continueAfterPartialOutput = false;
    const RoutedOutcome o = run(chain({"a", "b"}), {}, stopThere);
    QCOMPARE(o.servedBy, -1);
    QVERIFY(!o.outcome.complete);
    QCOMPARE(o.outcome.text, u"The first half of an answer"_s);
    QCOMPARE(requestedModels(), QStringList{u"a"_s});
}

void TestResilientCall::contextLengthSkipsSmallerWindows()
{
    m_script[u"small"_s] = {openai("error_400_context_length.http")};
    m_script[u"also-small"_s] = {openai("stream_basic.http")};
    m_script[u"unknown"_s] = {openai("error_400_context_length.http")};
    m_script[u"large"_s] = {openai("stream_length.http")};
    QList<Target> targets = chain({"small", "also-small", "unknown", "large"});
    targets[0].contextWindow = 8192;
    targets[1].contextWindow = 8192;
    targets[3].contextWindow = 128000;
    const RoutedOutcome o = run(targets);
    QCOMPARE(o.servedBy, 3);
    // also-small cannot hold a prompt that did not fit 8 192 tokens; a target of unknown size is still tried.
    QCOMPARE(requestedModels(), (QStringList{u"small"_s, u"unknown"_s, u"large"_s}));
}

void TestResilientCall::contentFilterFallsBackOnlyWhenEnabled()
{
    m_script[u"a"_s] = {openai("stream_content_filter.http")};
    m_script[u"b"_s] = {openai("stream_basic.http")};
    const RoutedOutcome keep = run(chain({"a", "b"}));
    QCOMPARE(keep.servedBy, 0);
    QCOMPARE(keep.outcome.finishReason, FinishReason::ContentFilter);
    m_script[u"a2"_s] = {openai("stream_content_filter.http")};
    FallbackPolicy allRefuse;
    allRefuse.onContentFilter = true;
    const RoutedOutcome refused = run(chain({"a", "a2"}), {}, allRefuse);
    QCOMPARE(refused.servedBy, 1); // every target refused: the last refusal is the answer, and says who gave it
    QCOMPARE(refused.outcome.finishReason, FinishReason::ContentFilter);

    FallbackPolicy onFilter;
    onFilter.onContentFilter = true;
    const RoutedOutcome fallback = run(chain({"a", "b"}), {}, onFilter);
    QCOMPARE(fallback.servedBy, 1);
    QVERIFY(fallback.attempts[0].filtered);
    QVERIFY(fallback.summary().contains(u"content-filtered"_s));

    m_script[u"c"_s] = {openai("error_400_content_filter_azure.http")};
    QCOMPARE(run(chain({"c", "b"})).servedBy, -1);          // an HTTP content_filter error: no fallback by default
    QCOMPARE(run(chain({"c", "b"}), {}, onFilter).servedBy, 1);
}

void TestResilientCall::permanentErrorsAreNotRetried()
{
    m_script[u"a"_s] = {openai("error_401_invalid_key.http")};
    m_script[u"b"_s] = {openai("stream_basic.http")};
    const RoutedOutcome o = run(chain({"a", "b"}));
    QCOMPARE(o.servedBy, 1);
    QCOMPARE(requestedModels(), (QStringList{u"a"_s, u"b"_s}));
    QVERIFY(m_scheduler.delays.isEmpty());
}

void TestResilientCall::openCircuitIsSkipped()
{
    ManualClock breakerClock;
    CircuitBreaker breaker(breakerClock, 1, 30'000);
    m_script[u"a"_s] = {openai("error_500_server.http")};
    m_script[u"b"_s] = {openai("stream_basic.http")};
    RetryPolicy noRetry;
    noRetry.maxRetries = 0;
    QCOMPARE(run(chain({"a", "b"}), noRetry, {}, &breaker).servedBy, 1);
    QCOMPARE(run(chain({"a", "b"}), noRetry, {}, &breaker).servedBy, 1);
    QCOMPARE(requestedModels(), (QStringList{u"a"_s, u"b"_s, u"b"_s})); // a was skipped the second time
    breakerClock.advanceMs(30'001);
    m_script[u"a"_s] = {openai("stream_length.http")};
    QCOMPARE(run(chain({"a", "b"}), noRetry, {}, &breaker).servedBy, 0); // the probe succeeds

    // A prompt that is too long says nothing about a target's health: no circuit opens for it.
    m_script[u"x"_s] = {openai("error_400_context_length.http")};
    QCOMPARE(run(chain({"x", "b"}), noRetry, {}, &breaker).servedBy, 1);
    QVERIFY(!breaker.isOpen(u"fake/x"_s));
    QCOMPARE(run(chain({"x", "b"}), noRetry, {}, &breaker).servedBy, 1);
    QCOMPARE(requestedModels().count(u"x"_s), 2);
}

void TestResilientCall::cancelDuringBackoff()
{
    m_script[u"a"_s] = {rateLimited("5")};
    EventLoopScheduler scheduler;
    ChatRequest request;
    request.messages.append({ChatMessage::Role::User, u"hi"_s});
    ResilientCall call({*m_network, m_clock, scheduler, nullptr, nullptr}, request, chain({"a"}), {}, {}, {}, 7);
    QSignalSpy finished(&call, &ResilientCall::finished);
    call.start();
    QTRY_COMPARE(m_server->requests().size(), 1);
    QTRY_COMPARE(call.outcome().attempts.size(), 1); // now waiting 5 s before the retry
    QElapsedTimer elapsed;
    elapsed.start();
    call.cancel();
    QCOMPARE(finished.size(), 1);
    QVERIFY(elapsed.elapsed() < 100);
    QCOMPARE(call.outcome().outcome.finishReason, FinishReason::Cancelled);
    QTest::qWait(50);
    QCOMPARE(m_server->requests().size(), 1); // the pending retry never went out
}

void TestResilientCall::allTargetsFailing()
{
    m_script[u"a"_s] = {openai("error_404_model.http")};
    m_script[u"b"_s] = {openai("error_401_invalid_key.http")};
    const RoutedOutcome o = run(chain({"a", "b"}));
    QCOMPARE(o.servedBy, -1);
    QVERIFY(!o.outcome.complete);
    QCOMPARE(o.outcome.error->errorClass, ErrorClass::Auth); // the last failure is the outcome
    QCOMPARE(o.attempts.size(), 2);
    QVERIFY(o.summary().startsWith(u"no target answered"_s));
}

void TestResilientCall::usageOnlyEventsAreNotPartialOutput()
{
    // An Anthropic-like stream reports usage first and then fails: nothing was shown, so the retry is not
    // announced as a restart after partial output.
    ScriptedResponse usageThenError = ScriptedResponse::fromHttpText(
        "HTTP/1.1 200 OK\nContent-Type: text/event-stream\nTransfer-Encoding: chunked\n\n"
        "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":0}}\n\n"
        "data: {\"error\":{\"message\":\"Overloaded\",\"type\":\"overloaded_error\"}}\n\n");
    m_script[u"a"_s] = {usageThenError.splitAfterEvents()};
    m_script[u"b"_s] = {openai("stream_basic.http")};
    RetryPolicy noRetry;
    noRetry.maxRetries = 0;
    QList<bool> afterPartial;
    const RoutedOutcome o = run(chain({"a", "b"}), noRetry, {}, nullptr, &afterPartial);
    QCOMPARE(o.servedBy, 1);
    QCOMPARE(afterPartial, (QList<bool>{false, false}));
}

QTEST_GUILESS_MAIN(TestResilientCall)
#include "TestResilientCall.moc"
