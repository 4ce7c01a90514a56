// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in scripted provider: its file format (JSON, {"defaults", "answers"}, JSONL), how an answer is picked
// (match, regex, model, in turn), the speeds it streams at (measured through ChatCall, no socket), and its injected
// faults: each one drives the resilience engine exactly as the same bytes do when a server sends them over real
// loopback HTTP (same attempts, error classes, statuses, waits, partial text and serving target). One file of about
// 520 lines on purpose: the fault rows share the script writer and the HTTP twin with the other cases.
#include "FakeProviderServer.h"
#include "ProviderHarness.h"
#include "TestClocks.h"
#include "offline/OfflineNetwork.h"
#include "offline/ScriptedAnswers.h"
#include "offline/ScriptedResponder.h"
#include "offline/ScriptFiles.h"
#include "providers/ChatCall.h"
#include "providers/ChatClient.h"
#include "providers/ModelListCall.h"
#include "routing/ResilientCall.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace juxta;
using namespace juxta::test;

namespace {

// The same reply, written by a server over HTTP/1.1: SSE bodies chunked, JSON bodies with a length.
ScriptedResponse overHttp(const OfflinePlan& plan)
{
    ScriptedResponse r;
    r.status = plan.status;
    r.reason = plan.reason;
    r.headers = plan.headers;
    r.headerDelayMs = plan.headDelayMs;
    r.writes.clear();
    QByteArray whole;
    for (const OfflinePiece& piece : plan.body) {
        r.writes.append({piece.bytes, piece.delayMs});
        whole += piece.bytes;
    }
    const bool streamed = plan.headers.contains(qMakePair(QByteArray("Content-Type"),
                                                          QByteArray("text/event-stream; charset=utf-8")));
    if (streamed || plan.ending != OfflinePlan::Ending::Finish)
        r.headers.append(qMakePair(QByteArray("Transfer-Encoding"), QByteArray("chunked")));
    else
        r.headers.append(qMakePair(QByteArray("Content-Length"), QByteArray::number(whole.size())));
    r.endWith(plan.ending == OfflinePlan::Ending::Cut     ? ScriptedResponse::Ending::Abort
              : plan.ending == OfflinePlan::Ending::Stall ? ScriptedResponse::Ending::Stall
                                                          : ScriptedResponse::Ending::Close);
    return r;
}

struct AttemptView
{
    int targetIndex;
    int retry;
    QString errorClass;
    int httpStatus;
    QString partialText;
    bool operator==(const AttemptView&) const = default;
};

QList<AttemptView> viewOf(const RoutedOutcome& o)
{
    QList<AttemptView> list;
    for (const AttemptRecord& a : o.attempts)
        list.append({a.targetIndex, a.retry, a.errorClass ? errorClassName(*a.errorClass) : QString(), a.httpStatus,
                     a.partialText});
    return list;
}

QString describe(const QList<AttemptView>& attempts)
{
    QStringList lines;
    for (const AttemptView& a : attempts)
        lines << u"#%1 r%2 %3 %4 '%5'"_s.arg(a.targetIndex).arg(a.retry).arg(a.errorClass).arg(a.httpStatus).arg(a.partialText);
    return lines.join(u"; "_s);
}

} // namespace

class TestOfflineScripted : public QObject
{
    Q_OBJECT

private slots:
    void init() { resetScriptedTurns(); }
    void parsesEveryFormat_data();
    void parsesEveryFormat();
    void rejectsBadScripts_data();
    void rejectsBadScripts();
    void picksByMatchModelAndTurn();
    void streamsAtEachAnswersSpeed();
    void fillsInThePromptAndStreamsReasoning();
    void listsTheScriptsModels();
    void missingOrBrokenFileIsAClassifiedError();
    void planIsMadeOffTheCallersThread();
    void faultsDriveTheResilienceEngineLikeHttp_data();
    void faultsDriveTheResilienceEngineLikeHttp();
    void retryAfterIsReallyWaited();
    void demoScriptIsValid();
    void scriptFilesInTheBaseUrl();

private:
    QString writeScript(const QByteArray& text);
    QUrl scriptUrl() const { return withScriptFile(QUrl(u"juxta-offline://scripted/v1"_s), m_path); }
    CallOutcome call(const QString& model, const QString& prompt);
    RoutedOutcome route(QNetworkAccessManager& network, const QUrl& baseUrl, RecordingScheduler& scheduler,
                        FallbackPolicy fallback);

    QTemporaryDir m_dir;
    QString m_path;
    OfflineNetworkAccessManager m_network;
    SteadyClock m_clock;
};

QString TestOfflineScripted::writeScript(const QByteArray& text)
{
    m_path = m_dir.filePath(u"answers-%1.jsonl"_s.arg(QDateTime::currentMSecsSinceEpoch()));
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write the script");
    return m_path;
}

CallOutcome TestOfflineScripted::call(const QString& model, const QString& prompt)
{
    ProviderProfile profile;
    profile.dialect = ApiDialect::OpenAi;
    profile.baseUrl = scriptUrl();
    ChatRequest request;
    request.model = model;
    request.messages.append({ChatMessage::Role::User, prompt});
    return runChat(m_network, profile, request);
}

void TestOfflineScripted::parsesEveryFormat_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("answers");
    QTest::addColumn<int>("firstTtftMs");
    QTest::newRow("array") << QByteArray(R"([{"reply":"a"},{"match":"x","reply":"b","ttft_ms":10}])") << 2 << 250;
    QTest::newRow("object with defaults")
        << QByteArray(R"({"defaults":{"ttft_ms":90,"tokens_per_second":5},"answers":[{"reply":"a"},{"reply":"b","ttft_ms":7}]})")
        << 2 << 90;
    QTest::newRow("jsonl with comments and blank lines")
        << QByteArray("# canned answers\n{\"reply\":\"a\",\"ttft_ms\":42}\n\n// next\r\n{\"fault\":\"quota\"}\n") << 2 << 42;
    QTest::newRow("one object") << QByteArray(R"({"reply":"only","ttft_ms":3})") << 1 << 3;
    QTest::newRow("with a byte order mark") << QByteArray("\xEF\xBB\xBF[{\"reply\":\"a\",\"ttft_ms\":8}]") << 1 << 8;
    QTest::newRow("jsonl with a byte order mark")
        << QByteArray("\xEF\xBB\xBF{\"reply\":\"a\",\"ttft_ms\":9}\r\n{\"reply\":\"b\"}\r\n") << 2 << 9;
}

void TestOfflineScripted::parsesEveryFormat()
{
    QFETCH(QByteArray, text);
    QString error;
    const auto script = parseScriptedAnswers(text, OfflinePace(), &error);
    QVERIFY2(script, qPrintable(error));
    QTEST(int(script->answers.size()), "answers");
    QTEST(script->answers.first().pace.ttftMs, "firstTtftMs");
}

void TestOfflineScripted::rejectsBadScripts_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("bad line") << QByteArray("{\"reply\":\"a\"}\n{\"reply\": oops}\n") << u"line 2"_s;
    QTest::newRow("unknown fault") << QByteArray(R"([{"reply":"a","fault":"meteor"}])") << u"meteor"_s;
    QTest::newRow("bad regex") << QByteArray(R"([{"regex":"(","reply":"a"}])") << u"regex"_s;
    QTest::newRow("empty answer") << QByteArray(R"([{"match":"hi"}])") << u"answer 1"_s;
    QTest::newRow("server error status") << QByteArray(R"([{"fault":{"type":"server_error","status":404}}])") << u"500"_s;
    QTest::newRow("nothing") << QByteArray("\n# only a comment\n") << u"no answers"_s;
    QTest::newRow("token unit") << QByteArray(R"([{"reply":"a","token_unit":"syllable"}])") << u"token_unit"_s;
    QTest::newRow("empty list") << QByteArray("[]") << u"no answers"_s;
    QTest::newRow("defaults without answers") << QByteArray(R"({"defaults":{"ttft_ms":5}})") << u"answers"_s;
    QTest::newRow("answers not a list") << QByteArray(R"({"answers":{"reply":"a"}})") << u"answers"_s;
    QTest::newRow("token unit in defaults")
        << QByteArray(R"({"defaults":{"token_unit":"byte"},"answers":[{"reply":"a"}]})") << u"defaults: token_unit"_s;
    // A pretty-printed file with a trailing comma: the position in the document, not "line 1" of a JSONL reading.
    QTest::newRow("pretty JSON with a mistake")
        << QByteArray("{\n  \"answers\": [\n    {\"reply\": \"a\"},\n  ]\n}\n") << u"line 4, column"_s;
}

void TestOfflineScripted::rejectsBadScripts()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!parseScriptedAnswers(text, OfflinePace(), &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void TestOfflineScripted::picksByMatchModelAndTurn()
{
    QString error;
    const auto script = parseScriptedAnswers(R"([
        {"reply":"turn one"},
        {"match":"WEATHER","reply":"sunny"},
        {"regex":"^sum\\b","reply":"summary"},
        {"model":"big","reply":"big turn"},
        {"reply":"turn two"},
        {"model":"big","match":"weather","reply":"big sunny"}
    ])", OfflinePace(), &error);
    QVERIFY2(script, qPrintable(error));
    QCOMPARE(script->pick(u"small"_s, u"what's the weather?"_s, 0), 1);  // match is case-insensitive, beats turns
    QCOMPARE(script->pick(u"big"_s, u"weather today"_s, 0), 1);          // the first match in file order wins
    QCOMPARE(script->pick(u"small"_s, u"sum these"_s, 0), 2);
    QCOMPARE(script->pick(u"small"_s, u"a summary"_s, 0), 0);            // the regex is anchored: a turn instead
    QCOMPARE(script->pick(u"small"_s, u"hello"_s, 0), 0);
    QCOMPARE(script->pick(u"small"_s, u"hello"_s, 1), 4);                // "big turn" is not for this model
    QCOMPARE(script->pick(u"small"_s, u"hello"_s, 2), 0);                // turns cycle
    qsizetype inTurn = 0;
    QCOMPARE(script->pick(u"BIG"_s, u"hello"_s, 1, &inTurn), 3);         // its own turns first; names ignore case
    QCOMPARE(inTurn, 1);
    QCOMPARE(script->models(), (QStringList{u"big"_s, u"scripted"_s}));
    const auto onlyMatches = parseScriptedAnswers(R"([{"match":"x","reply":"y"}])", OfflinePace(), &error);
    QVERIFY(!onlyMatches->pick(u"m"_s, u"nothing"_s, 0));

    // In turn across requests: the provider keeps one counter per script and model.
    writeScript(R"([{"reply":"first"},{"reply":"second"},{"model":"other","reply":"other's"}])");
    QCOMPARE(call(u"m"_s, u"hi"_s).text, u"first"_s);
    QCOMPARE(call(u"other"_s, u"hi"_s).text, u"other's"_s);
    QCOMPARE(call(u"m"_s, u"hi"_s).text, u"second"_s);
    QCOMPARE(call(u"m"_s, u"hi"_s).text, u"first"_s);
    resetScriptedTurns();
    QCOMPARE(call(u"m"_s, u"hi"_s).text, u"first"_s);
}

void TestOfflineScripted::streamsAtEachAnswersSpeed()
{
    // Twenty one-word tokens per answer; each model has its own time to first token and speed.
    const QByteArray words = "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20";
    writeScript("{\"model\":\"quick\",\"ttft_ms\":120,\"tokens_per_second\":100,\"reply\":\"" + words + "\"}\n"
                "{\"model\":\"slow\",\"ttft_ms\":450,\"tokens_per_second\":25,\"reply\":\"" + words + "\"}\n");
    struct Expect { QString model; int ttftMs; double tokensPerSecond; };
    for (const Expect& e : {Expect{u"quick"_s, 120, 100}, Expect{u"slow"_s, 450, 25}}) {
        const CallOutcome o = call(e.model, u"go"_s);
        QVERIFY2(o.complete, o.error ? qPrintable(o.error->summary()) : "incomplete");
        QCOMPARE(o.text, QString::fromLatin1(words));
        QCOMPARE(o.usage.outputTokens, qint64(20));
        const double ttft = *o.metrics.ttftMs;
        QVERIFY2(ttft >= e.ttftMs - 5 && ttft < e.ttftMs + 150, qPrintable(u"%1: TTFT %2"_s.arg(e.model).arg(ttft)));
        const double speed = *o.metrics.outputTokensPerSecond;
        QVERIFY2(speed > e.tokensPerSecond * 0.7 && speed < e.tokensPerSecond * 1.35,
                 qPrintable(u"%1: %2 tok/s"_s.arg(e.model).arg(speed)));
        QVERIFY(*o.metrics.totalMs >= e.ttftMs + 19 * (1000 / e.tokensPerSecond) - 5);
    }
}

void TestOfflineScripted::fillsInThePromptAndStreamsReasoning()
{
    writeScript(R"({"answers":[{"reply":"{{model}} heard: {{prompt}}","reasoning":"think first","ttft_ms":5,
                                "tokens_per_second":1000,"finish_reason":"length"}]})");
    const CallOutcome o = call(u"parrot"_s, u"hello {{model}} there"_s);
    QVERIFY2(o.complete, o.error ? qPrintable(o.error->summary()) : "incomplete");
    QCOMPARE(o.text, u"parrot heard: hello {{model}} there"_s); // the prompt is not template text
    QCOMPARE(o.reasoning, u"think first"_s);
    QCOMPARE(o.finishReason, FinishReason::Length);
    QCOMPARE(o.usage.reasoningTokens.value_or(0), qint64(2));

    // Asked without "stream", the same answer comes as one chat.completion body.
    QUrl url = scriptUrl();
    url.setPath(u"/v1/chat/completions"_s);
    const OfflinePlan whole = scriptedPlanNow(
        url, R"({"model":"parrot","messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]})");
    QCOMPARE(whole.body.size(), 1);
    const QJsonObject choice = QJsonDocument::fromJson(whole.body.first().bytes).object()
                                   .value("choices"_L1).toArray().first().toObject();
    QCOMPARE(choice.value("message"_L1).toObject().value("content"_L1).toString(), u"parrot heard: hi"_s);
    QCOMPARE(choice.value("message"_L1).toObject().value("reasoning_content"_L1).toString(), u"think first"_s);
    QCOMPARE(choice.value("finish_reason"_L1).toString(), u"length"_s);
}

void TestOfflineScripted::listsTheScriptsModels()
{
    writeScript(R"([{"model":"alpha","reply":"a"},{"model":"beta","reply":"b"},{"model":"alpha","match":"x","reply":"c"}])");
    ProviderProfile profile;
    profile.id = u"scripted"_s;
    profile.dialect = ApiDialect::OpenAi;
    profile.baseUrl = scriptUrl();
    ChatClient client(m_network, m_clock);
    ModelListCall* list = client.listModels(profile, ApiKey());
    QVERIFY(list);
    QSignalSpy done(list, &ModelListCall::finished);
    QVERIFY(done.wait(5000));
    QVERIFY2(!list->error(), list->error() ? qPrintable(list->error()->summary()) : "");
    QStringList ids;
    for (const ModelInfo& m : list->models())
        ids << m.id;
    QCOMPARE(ids, (QStringList{u"alpha"_s, u"beta"_s}));
}

void TestOfflineScripted::missingOrBrokenFileIsAClassifiedError()
{
    m_path = m_dir.filePath(u"does-not-exist.jsonl"_s);
    CallOutcome o = call(u"m"_s, u"hi"_s);
    QVERIFY(!o.complete && o.error);
    QCOMPARE(o.error->errorClass, ErrorClass::NotFound);
    QVERIFY2(o.error->message.contains(u"does-not-exist.jsonl"_s), qPrintable(o.error->message));

    writeScript("{\"reply\":\"fine\"}\n{\"reply\":\n");
    o = call(u"m"_s, u"hi"_s);
    QVERIFY(!o.complete && o.error);
    QCOMPARE(o.error->errorClass, ErrorClass::BadRequest);
    QVERIFY2(o.error->message.contains(u"line 2"_s), qPrintable(o.error->message));

    writeScript(R"([{"match":"only this","reply":"x"}])");
    o = call(u"m"_s, u"something else"_s);
    QVERIFY(!o.complete && o.error);
    QVERIFY2(o.error->message.contains(u"no answer for model"_s), qPrintable(o.error->message));
}

void TestOfflineScripted::planIsMadeOffTheCallersThread()
{
    // The script is a named pipe: opening it blocks until someone writes. Read on the thread that sends the request
    // (the UI thread in the app), post() would never return; read by the worker, it returns at once and the answer
    // arrives once this thread writes the script.
    m_path = m_dir.filePath(u"pipe.jsonl"_s);
    QVERIFY(::mkfifo(QFile::encodeName(m_path).constData(), 0600) == 0);
    QUrl url = scriptUrl();
    url.setPath(u"/v1/chat/completions"_s);
    QNetworkReply* reply = m_network.post(QNetworkRequest(url), R"({"model":"m","messages":[{"role":"user","content":"hi"}]})");
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(!reply->isFinished());
    QFile pipe(m_path);
    QVERIFY(pipe.open(QIODevice::WriteOnly));
    pipe.write(R"([{"reply":"from the pipe","ttft_ms":1}])");
    pipe.close();
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().contains("from the pipe"));
    reply->deleteLater();
}

void TestOfflineScripted::faultsDriveTheResilienceEngineLikeHttp_data()
{
    QTest::addColumn<QByteArray>("primary");   // the first target's answers, in turn
    QTest::addColumn<int>("servedBy");
    QTest::addColumn<QStringList>("classes");  // per attempt, "" for the serving one
    QTest::addColumn<QList<int>>("waits");     // the scheduler's waits, -1 for "any back-off"
    QTest::addColumn<QString>("partial");      // the first attempt's kept partial text
    const QString none;
    QTest::newRow("429 with Retry-After, then fine")
        << QByteArray(R"({"fault":{"type":"rate_limit","retry_after":1}},{"reply":"ok now"})") << 0
        << QStringList{u"rate_limited"_s, none} << QList<int>{1000} << none;
    QTest::newRow("429 every time: retries, then fallback")
        << QByteArray(R"({"fault":{"type":"rate_limit","retry_after":2}})") << 1
        << QStringList{u"rate_limited"_s, u"rate_limited"_s, u"rate_limited"_s, none} << QList<int>{2000, 2000} << none;
    QTest::newRow("quota: no retry")
        << QByteArray(R"({"fault":"quota"})") << 1 << QStringList{u"quota"_s, none} << QList<int>{} << none;
    QTest::newRow("503 then fine")
        << QByteArray(R"({"fault":{"type":"server_error","status":503}},{"reply":"back"})") << 0
        << QStringList{u"overloaded"_s, none} << QList<int>{-1} << none;
    QTest::newRow("500 every time")
        << QByteArray(R"({"fault":"server_error"})") << 1
        << QStringList{u"server"_s, u"server"_s, u"server"_s, none} << QList<int>{-1, -1} << none;
    QTest::newRow("cut mid-stream: partial kept, fallback")
        << QByteArray(R"({"fault":{"type":"cut","after_tokens":3},"reply":"one two three four five"})") << 1
        << QStringList{u"network"_s, none} << QList<int>{} << u"one two three "_s;
    QTest::newRow("stall mid-stream: timeout, partial kept")
        << QByteArray(R"({"fault":{"type":"stall","after_tokens":2},"reply":"alpha beta gamma"})") << 1
        << QStringList{u"timeout"_s, none} << QList<int>{} << u"alpha beta "_s;
    QTest::newRow("context length: next target")
        << QByteArray(R"({"fault":"context_length"})") << 1 << QStringList{u"context_length"_s, none}
        << QList<int>{} << none;
    QTest::newRow("content filter is an answer by default")
        << QByteArray(R"({"reply":"I can't","finish_reason":"content_filter"})") << 0 << QStringList{none}
        << QList<int>{} << none;
}

RoutedOutcome TestOfflineScripted::route(QNetworkAccessManager& network, const QUrl& baseUrl,
                                         RecordingScheduler& scheduler, FallbackPolicy fallback)
{
    QList<Target> targets;
    for (const char* model : {"primary", "backup"}) {
        Target t;
        t.profile.id = u"scripted"_s;
        t.profile.dialect = ApiDialect::OpenAi;
        t.profile.baseUrl = baseUrl;
        t.model = QString::fromLatin1(model);
        targets.append(t);
    }
    ChatRequest request;
    request.messages.append({ChatMessage::Role::User, u"hi"_s});
    CallOptions options;
    options.idleTimeoutMs = 400; // the stall's
    ResilientCall call({network, m_clock, scheduler, nullptr, nullptr}, request, targets, RetryPolicy(), fallback,
                       options, 7);
    QSignalSpy finished(&call, &ResilientCall::finished);
    call.start();
    if (!call.isFinished() && !finished.wait(20'000))
        qWarning("chain did not finish");
    return call.outcome();
}

void TestOfflineScripted::faultsDriveTheResilienceEngineLikeHttp()
{
    QFETCH(QByteArray, primary);
    QFETCH(int, servedBy);
    QFETCH(QStringList, classes);
    QFETCH(QList<int>, waits);
    QFETCH(QString, partial);
    QByteArray script;
    for (const QByteArray& answer : QByteArray(primary).replace("},{", "}\n{").split('\n'))
        script += "{\"model\":\"primary\",\"ttft_ms\":5,\"tokens_per_second\":200," + answer.mid(1) + "\n";
    script += R"({"model":"backup","ttft_ms":5,"tokens_per_second":200,"reply":"from the backup"})";
    writeScript(script);

    // Offline: no socket at all.
    RecordingScheduler offlineWaits;
    const RoutedOutcome offline = route(m_network, scriptUrl(), offlineWaits, {});
    QCOMPARE(offline.servedBy, servedBy);
    QStringList seen;
    for (const AttemptRecord& a : offline.attempts)
        seen << (a.errorClass ? errorClassName(*a.errorClass) : QString());
    QCOMPARE(seen, classes);
    QCOMPARE(offlineWaits.delays.size(), waits.size());
    for (qsizetype i = 0; i < waits.size(); ++i) {
        if (waits[i] >= 0)
            QCOMPARE(offlineWaits.delays[i], waits[i]);
    }
    QCOMPARE(offline.attempts.first().partialText, partial);

    // The same script's bytes, sent by a server over loopback HTTP, with the turns starting over.
    resetScriptedTurns();
    FakeProviderServer server;
    QVERIFY(server.listen());
    const QUrl scriptBase = scriptUrl();
    server.setResponder([scriptBase](const RecordedRequest& request) {
        QUrl url = scriptBase;
        url.setPath(u"/v1/chat/completions"_s);
        return overHttp(scriptedPlanNow(url, request.body));
    });
    QNetworkAccessManager http;
    RecordingScheduler httpWaits;
    const RoutedOutcome overNetwork = route(http, server.baseUrl(), httpWaits, {});
    QVERIFY2(viewOf(offline) == viewOf(overNetwork),
             qPrintable(describe(viewOf(offline)) + u"\n vs \n"_s + describe(viewOf(overNetwork))));
    QCOMPARE(offlineWaits.delays, httpWaits.delays);
    QCOMPARE(offline.outcome.text, overNetwork.outcome.text);
    QCOMPARE(offline.outcome.finishReason, overNetwork.outcome.finishReason);
}

void TestOfflineScripted::retryAfterIsReallyWaited()
{
    writeScript(R"({"model":"m","fault":{"type":"rate_limit","retry_after":1},"ttft_ms":0}
{"model":"m","reply":"after the wait","ttft_ms":0})");
    Target t;
    t.profile.id = u"scripted"_s;
    t.profile.baseUrl = scriptUrl();
    t.model = u"m"_s;
    EventLoopScheduler scheduler;
    ChatRequest request;
    request.messages.append({ChatMessage::Role::User, u"hi"_s});
    ResilientCall call({m_network, m_clock, scheduler, nullptr, nullptr}, request, {t}, RetryPolicy(), {}, {}, 7);
    QSignalSpy finished(&call, &ResilientCall::finished);
    QSignalSpy announced(&call, &ResilientCall::retryScheduled);
    QElapsedTimer timer;
    timer.start();
    call.start();
    QVERIFY(finished.wait(10'000));
    QCOMPARE(call.outcome().outcome.text, u"after the wait"_s);
    QCOMPARE(announced.size(), 1); // said before the wait, so a view can show it
    QCOMPARE(announced.first().at(2).toInt(), 1000);
    QVERIFY2(announced.first().at(1).toString().contains(u"rate-limited (HTTP 429)"_s),
             qPrintable(announced.first().at(1).toString()));
    QVERIFY2(timer.elapsed() >= 995 && timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
}

void TestOfflineScripted::demoScriptIsValid()
{
    QFile demo(QString::fromLatin1(kDemoScriptResource));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    QString error;
    const auto script = parseScriptedAnswers(demo.readAll(), OfflinePace(), &error);
    QVERIFY2(script, qPrintable(error));
    QCOMPARE(script->models(), (QStringList{u"swift"_s, u"steady"_s, u"slow"_s, u"flaky"_s, u"brief"_s, u"formatter"_s, u"drafter"_s,
                          u"critic"_s, u"reviser"_s, u"judge"_s}));
    QCOMPARE(builtInOfflineModels(QUrl(u"juxta-offline://scripted/v1?script=demo"_s)), script->models());
}

void TestOfflineScripted::scriptFilesInTheBaseUrl()
{
    // A copy of the demo, at a path with the characters a query string would otherwise swallow.
    const QString path = m_dir.filePath(u"my answers & more #1 + é.json"_s);
    const QString error = copyDemoScript(path).result(); // written by a worker thread
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile copy(path);
    QFile demo(QString::fromLatin1(kDemoScriptResource));
    QVERIFY(copy.open(QIODevice::ReadOnly) && demo.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), demo.readAll());

    const QUrl base(u"juxta-offline://scripted/v1?script=demo&ttft_ms=5&tokens_per_second=500"_s);
    QVERIFY(isScriptedUrl(base));
    QVERIFY(scriptFileOf(base).isEmpty());
    const QUrl mine = withScriptFile(base, path);
    QCOMPARE(scriptFileOf(mine), path);
    QCOMPARE(QUrl(mine.toString()), mine); // survives the text field and the config file
    QVERIFY(!QUrlQuery(mine).hasQueryItem(u"script"_s));
    QCOMPARE(QUrlQuery(mine).queryItemValue(u"ttft_ms"_s), u"5"_s);

    // And the provider reads it from there.
    m_path = path;
    const CallOutcome o = call(u"swift"_s, u"hello"_s);
    QVERIFY2(o.complete, o.error ? qPrintable(o.error->summary()) : "incomplete");
    QVERIFY2(o.text.startsWith(u"(swift, scripted)"_s), qPrintable(o.text));

    QVERIFY(!copyDemoScript(m_dir.filePath(u"no/such/dir/x.json"_s)).result().isEmpty());
    QVERIFY(!isScriptedUrl(QUrl(u"juxta-offline://echo/v1"_s)));
}

QTEST_GUILESS_MAIN(TestOfflineScripted)
#include "TestOfflineScripted.moc"
