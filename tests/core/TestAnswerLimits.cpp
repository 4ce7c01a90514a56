// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile and broken servers against the limits of one answer, over real HTTP on 127.0.0.1: keep-alive comments
// forever, one byte per second, reasoning without end, a server that accepts and never answers, and a spending
// limit passed while streaming. Each ends as the limits say, as `limit_reached` (or `timeout`), the partial answer
// kept and marked incomplete, and no retry or fallback spends more.
#include "FakeProviderServer.h"
#include "StreamScripts.h"
#include "ProviderHarness.h"
#include "TestClocks.h"
#include "answer/AnswerRun.h"
#include "config/AppConfig.h"
#include "routing/ResilientCall.h"

#include <QElapsedTimer>
#include <QThread>
#include <QSignalSpy>
#include <QTest>

using namespace juxta;
using namespace juxta::test;
using namespace Qt::StringLiterals;

namespace {

// Some text, then keep-alive comments every 100 ms for ever: the idle timer never fires.
ScriptedResponse keepAliveForever()
{
    ScriptedResponse r = openAiStreamHead();
    r.writes = {{openAiDeltaEvent("content", "Hello, partial"), 0}, {": keep-alive\n\n", 100}};
    return r.repeatForever(1);
}

// Reasoning deltas back to back, never a finish.
ScriptedResponse reasoningForever()
{
    ScriptedResponse r = openAiStreamHead();
    const QByteArray chunk = openAiDeltaEvent("reasoning_content", QByteArray(2000, 'x') + " thinking ");
    // ~16 KB every 2 ms: far faster than any model, slow enough that the decoder keeps up and the size limit,
    // not the flood guard, is what ends it.
    r.writes = {{openAiDeltaEvent("content", "I will think."), 0}, {chunk.repeated(8), 2}};
    return r.repeatForever(1);
}

ChatRequest request()
{
    ChatRequest r;
    r.model = u"m"_s;
    r.messages.append({ChatMessage::Role::User, u"hi"_s});
    return r;
}

} // namespace

class TestAnswerLimits : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void limitsComeFromTheCallThenTheProfileThenTheDefaults();
    void profileLimitsSurviveTheConfigFile();
    void keepAliveCommentsEndAtTheDurationLimit();
    void oneBytePerSecondEndsAtTheDurationLimit();
    void endlessReasoningEndsAtTheSizeLimit();
    void serverThatNeverAnswersTimesOut();
    void aLimitIsNeverRetriedOrFallenBackFrom();
    void aFloodingServerIsCutOff();
    void spendingLimitStopsTheAnswerWhileItStreams();
    void warnModeNeverStopsAnAnswer();

private:
    ProviderProfile profile() const;

    FakeProviderServer* m_server = nullptr;
    QNetworkAccessManager* m_network = nullptr;
};

void TestAnswerLimits::init()
{
    m_server = new FakeProviderServer(this);
    QVERIFY(m_server->listen());
    m_network = new QNetworkAccessManager(this);
}

void TestAnswerLimits::cleanup()
{
    delete m_network;
    delete m_server;
}

ProviderProfile TestAnswerLimits::profile() const
{
    ProviderProfile p;
    p.id = u"fake"_s;
    p.baseUrl = m_server->baseUrl();
    p.auth = AuthStyle::None;
    return p;
}

void TestAnswerLimits::limitsComeFromTheCallThenTheProfileThenTheDefaults()
{
    ProviderProfile p;
    CallOptions call;
    QCOMPARE(call.maxAnswerBytes(p), 16 * 1024 * 1024);
    QCOMPARE(call.maxAnswerSeconds(p), 30 * 60);
    p.answerLimits.maxBytes = 1000;
    p.answerLimits.maxSeconds = 60;
    QCOMPARE(call.maxAnswerBytes(p), 1000);
    QCOMPARE(call.maxAnswerSeconds(p), 60);
    call.answerLimits.maxBytes = 5;
    QCOMPARE(call.maxAnswerBytes(p), 5);
    QCOMPARE(call.maxAnswerSeconds(p), 60);
}

void TestAnswerLimits::profileLimitsSurviveTheConfigFile()
{
    AppConfig config;
    ProviderProfile p = profile();
    p.answerLimits.maxBytes = 2 * 1024 * 1024;
    p.answerLimits.maxSeconds = 600;
    config.profiles.append(p);
    QString error;
    const auto back = configFromJson(configToJson(config), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->profiles.constFirst().answerLimits, p.answerLimits);

    // Nonsense is no override, never a zero limit that would end every answer at once.
    const QByteArray odd = configToJson(config).replace("\"max_seconds\": 600", "\"max_seconds\": -5");
    const auto oddBack = configFromJson(odd, &error);
    QVERIFY2(oddBack, qPrintable(error));
    QVERIFY(!oddBack->profiles.constFirst().answerLimits.maxSeconds);
}

void TestAnswerLimits::keepAliveCommentsEndAtTheDurationLimit()
{
    m_server->enqueue(keepAliveForever());
    CallOptions options;
    options.idleTimeoutMs = 1000; // comments every 100 ms keep it from firing
    options.answerLimits.maxSeconds = 2;
    QElapsedTimer clock;
    clock.start();
    const CallOutcome outcome = runChat(*m_network, profile(), request(), options);
    const qint64 elapsed = clock.elapsed();
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->errorClass, ErrorClass::LimitReached);
    QVERIFY2(outcome.error->message.contains(u"duration limit"_s), qPrintable(outcome.error->message));
    QVERIFY(!outcome.complete);
    QCOMPARE(outcome.text, u"Hello, partial"_s);
    QVERIFY2(elapsed >= 1900 && elapsed < 8000, qPrintable(QString::number(elapsed)));
}

void TestAnswerLimits::oneBytePerSecondEndsAtTheDurationLimit()
{
    ScriptedResponse r = openAiStreamHead();
    const QByteArray body = openAiDeltaEvent("content", "Hi") + openAiDeltaEvent("content", " there, slowly");
    r.writes.append({body.first(body.indexOf("\n\n") + 2), 0});
    for (char c : body.sliced(body.indexOf("\n\n") + 2))
        r.writes.append({QByteArray(1, c), 1000});
    m_server->enqueue(r);
    CallOptions options;
    options.idleTimeoutMs = 5000;
    options.answerLimits.maxSeconds = 3;
    const CallOutcome outcome = runChat(*m_network, profile(), request(), options);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->errorClass, ErrorClass::LimitReached);
    QCOMPARE(outcome.text, u"Hi"_s);
    QCOMPARE(outcome.finishReason, FinishReason::Error);
}

void TestAnswerLimits::endlessReasoningEndsAtTheSizeLimit()
{
    m_server->enqueue(reasoningForever());
    CallOptions options;
    options.answerLimits.maxBytes = 1024 * 1024;
    const CallOutcome outcome = runChat(*m_network, profile(), request(), options);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->errorClass, ErrorClass::LimitReached);
    QVERIFY2(outcome.error->message.contains(u"1 MiB"_s), qPrintable(outcome.error->message));
    QCOMPARE(outcome.text, u"I will think."_s);
    // The limit counts memory: two bytes a character. Everything up to the delta that crossed it is kept.
    const qsizetype kept = 2 * (outcome.text.size() + outcome.reasoning.size());
    QVERIFY2(kept <= 1024 * 1024 && kept > 1024 * 1024 - 2 * 2100, qPrintable(QString::number(kept)));
    QVERIFY(!outcome.complete);
}

void TestAnswerLimits::serverThatNeverAnswersTimesOut()
{
    ScriptedResponse silent = ScriptedResponse::json(200, "{}");
    silent.headerDelayMs = 3'600'000; // accepts the request, then nothing
    m_server->enqueue(silent);
    CallOptions options;
    options.idleTimeoutMs = 800;
    QElapsedTimer clock;
    clock.start();
    const CallOutcome outcome = runChat(*m_network, profile(), request(), options);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->errorClass, ErrorClass::Timeout);
    QVERIFY(clock.elapsed() < 5000);
}

void TestAnswerLimits::aFloodingServerIsCutOff()
{
    // Megabytes per write with no pause, while this thread is kept busy: unread bytes pile up in Qt's reply,
    // and past the backlog limit the answer ends instead of memory growing.
    ScriptedResponse flood = openAiStreamHead();
    flood.writes = {{openAiDeltaEvent("content", "Start."), 0}, {openAiDeltaEvent("content", QByteArray(60'000, 'f')).repeated(40), 0}};
    m_server->enqueue(flood.repeatForever(1));
    CallOptions options;
    options.answerLimits.maxBytes = 4 * 1024 * 1024;
    QNetworkAccessManager network;
    ChatCall* call = nullptr;
    const CallOutcome outcome = runChat(network, profile(), request(), options, {}, [&](ChatCall& c) {
        call = &c;
        connect(&c, &ChatCall::eventsReceived, &c, [] { QThread::msleep(20); }); // a slow consumer
    });
    Q_UNUSED(call);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->errorClass, ErrorClass::LimitReached);
    QVERIFY2(outcome.error->message.contains(u"faster than it could be read"_s), qPrintable(outcome.error->message));
    QVERIFY(outcome.text.startsWith(u"Start."_s));
}

void TestAnswerLimits::aLimitIsNeverRetriedOrFallenBackFrom()
{
    m_server->enqueue(reasoningForever());
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/stream_basic.http"_s));
    QList<Target> targets;
    for (const QString& model : {u"first"_s, u"second"_s}) {
        Target t;
        t.profile = profile();
        t.model = model;
        targets.append(t);
    }
    CallOptions options;
    options.answerLimits.maxBytes = 200 * 1024;
    SteadyClock clock;
    RecordingScheduler scheduler;
    FallbackPolicy fallback;
    fallback.continueAfterPartialOutput = true;
    ResilientCall call({*m_network, clock, scheduler, nullptr, nullptr}, request(), targets, {}, fallback, options, 1);
    QSignalSpy finished(&call, &ResilientCall::finished);
    call.start();
    QVERIFY(finished.wait(20'000));
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(call.outcome().outcome.error->errorClass, ErrorClass::LimitReached);
    QCOMPARE(call.outcome().attempts.size(), 1);
    QVERIFY(scheduler.delays.isEmpty());
}

void TestAnswerLimits::spendingLimitStopsTheAnswerWhileItStreams()
{
    ScriptedResponse r = openAiStreamHead();
    r.writes = {{openAiDeltaEvent("content", QByteArray(400, 'a') + ' '), 20}};
    m_server->enqueue(r.repeatForever(0));
    Target t;
    t.profile = profile();
    t.model = u"m"_s;
    AnswerOrder order;
    order.answer.id = u"a1"_s;
    order.request = request();
    order.targets = {t};
    // $10 per million output tokens: a cap of $0.001 is reached after about 100 tokens (400 characters).
    order.priceFor = [](const Target&) {
        ModelPrice price;
        price.currency = u"USD"_s;
        price.base.output = 10;
        return std::optional<ModelPrice>(price);
    };
    BudgetLimits limits;
    limits.perRequestUsd = 0.001;
    limits.action = BudgetLimits::Action::Block;
    order.spendCap = spendCapFor(limits, 0);
    QVERIFY(order.spendCap);
    SteadyClock clock;
    EventLoopScheduler scheduler;
    AnswerRun run({{*m_network, clock, scheduler, nullptr, nullptr}, nullptr, false}, std::move(order));
    QSignalSpy finished(&run, &AnswerRun::finished);
    run.start();
    QVERIFY(finished.wait(20'000));
    const RoutedOutcome& outcome = run.outcome();
    QVERIFY(outcome.outcome.error);
    QCOMPARE(outcome.outcome.error->errorClass, ErrorClass::LimitReached);
    QVERIFY2(outcome.outcome.error->message.contains(u"per-request limit of $0.001"_s),
             qPrintable(outcome.outcome.error->message));
    QVERIFY(!run.transcript().text().isEmpty());
    QVERIFY2(run.transcript().text().size() < 4000, qPrintable(QString::number(run.transcript().text().size())));
    QCOMPARE(run.record().state, MessageState::Failed);
}

void TestAnswerLimits::warnModeNeverStopsAnAnswer()
{
    BudgetLimits limits;
    limits.perRequestUsd = 0.001;
    limits.perDayUsd = 1;
    QVERIFY(!spendCapFor(limits, 0.5)); // warn: shown before the send, accepted, then the answer runs
    limits.action = BudgetLimits::Action::Block;
    const auto cap = spendCapFor(limits, 0.9995);
    QVERIFY(cap);
    QVERIFY(qAbs(cap->usd - 0.0005) < 1e-9); // the day's remainder is smaller than the per-request limit
    QVERIFY2(cap->limit.contains(u"daily limit"_s), qPrintable(cap->limit));
}

QTEST_GUILESS_MAIN(TestAnswerLimits)
#include "TestAnswerLimits.moc"
