// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in echo provider, toward issue 7: no socket, the same path as a real server (ChatCall, the OpenAI
// stream decoder, metrics): the answer is the prompt (or its transformation), usage is reported, and the measured
// time to first token and speed follow the configured pace.
#include "ProviderHarness.h"
#include "offline/EchoResponder.h"
#include "offline/OfflineNetwork.h"
#include "providers/ChatCall.h"
#include "providers/ChatClient.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;
using namespace juxta::test;

class TestOfflineEcho : public QObject
{
    Q_OBJECT

private slots:
    void transforms_data();
    void transforms();
    void tokensRebuildTheText();
    void paceFromUrl();
    void tokenUnits_data();
    void tokenUnits();
    void streamsAtTheConfiguredPace();
    void unknownOfflineProviderIsAClassifiedError();
    void cancelKeepsWhatArrived();

private:
    CallOutcome call(const QString& baseUrl, const QString& model, const QString& prompt, bool cancelEarly = false);

    OfflineNetworkAccessManager m_network;
};

CallOutcome TestOfflineEcho::call(const QString& baseUrl, const QString& model, const QString& prompt,
                                  bool cancelEarly)
{
    ProviderProfile profile;
    profile.dialect = ApiDialect::OpenAi;
    profile.baseUrl = QUrl(baseUrl);
    ChatRequest request;
    request.model = model;
    request.messages.append({ChatMessage::Role::User, prompt});
    return runChat(m_network, profile, request, {}, {}, [cancelEarly](ChatCall& chat) {
        if (!cancelEarly)
            return;
        QSignalSpy events(&chat, &ChatCall::eventsReceived);
        if (events.wait(5000))
            QTest::qWait(120);
        chat.cancel();
    });
}

void TestOfflineEcho::transforms_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("answer");
    QTest::newRow("echo") << u"echo"_s << u"Hello, world!"_s << u"Hello, world!"_s;
    QTest::newRow("upper") << u"echo-upper"_s << u"Straße 1"_s << u"STRASSE 1"_s;
    QTest::newRow("reverse keeps astral characters whole") << u"echo-reverse"_s << u"ab😀c"_s << u"c😀ba"_s;
    QTest::newRow("word count") << u"echo-word-count"_s << u"  one two\tthree  "_s << u"3 words"_s;
    QTest::newRow("word count of nothing") << u"echo-word-count"_s << u"   "_s << u"0 words"_s;
}

void TestOfflineEcho::transforms()
{
    QFETCH(QString, model);
    QFETCH(QString, prompt);
    QTEST(echoText(model, prompt), "answer");
}

void TestOfflineEcho::tokensRebuildTheText()
{
    const QString text = u"Hello, wörld!  It's 42 — fine.\nNext line 😀 ok"_s;
    const QStringList tokens = offlineTokens(text);
    QCOMPARE(tokens.join(QString()), text);
    // A word or a mark, with the spaces after it.
    QCOMPARE(tokens.mid(0, 8), (QStringList{u"Hello"_s, u", "_s, u"wörld"_s, u"!  "_s, u"It's "_s, u"42 "_s,
                                            u"— "_s, u"fine"_s}));
    QCOMPARE(offlineTokens(u"  lead"_s), (QStringList{u"  "_s, u"lead"_s}));
    QVERIFY(offlineTokens(QString()).isEmpty());
}

void TestOfflineEcho::paceFromUrl()
{
    const OfflinePace pace = OfflinePace::fromUrl(QUrl(u"juxta-offline://echo/v1?ttft_ms=300&tokens_per_second=12.5&jitter=0.2"_s));
    QCOMPARE(pace.ttftMs, 300);
    QCOMPARE(pace.tokensPerSecond, 12.5);
    QCOMPARE(pace.jitter, 0.2);
    const OfflinePace fallback = OfflinePace::fromUrl(QUrl(u"juxta-offline://echo/v1?ttft_ms=-5&tokens_per_second=0&jitter=3"_s));
    QCOMPARE(fallback.ttftMs, OfflinePace().ttftMs);
    QCOMPARE(fallback.tokensPerSecond, OfflinePace().tokensPerSecond);
    QCOMPARE(fallback.jitter, 0.0);
}

void TestOfflineEcho::tokenUnits_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<int>("tokens");
    // "héllo wörld, 👋!" is 15 code points (16 UTF-16 units): words and marks 5, characters 15, ~4 characters 4.
    QTest::newRow("word") << u"word"_s << 5;
    QTest::newRow("char") << u"char"_s << 15;
    QTest::newRow("estimate") << u"estimate"_s << 4;
}

void TestOfflineEcho::tokenUnits()
{
    QFETCH(QString, unit);
    const QString prompt = u"héllo wörld, 👋!"_s;
    const CallOutcome o = call(u"juxta-offline://echo/v1?ttft_ms=1&tokens_per_second=5000&token_unit="_s + unit,
                               u"echo"_s, prompt);
    QVERIFY2(o.complete, o.error ? qPrintable(o.error->summary()) : "incomplete");
    QCOMPARE(o.text, prompt); // a character outside the BMP is never split
    QTEST(int(o.usage.outputTokens.value_or(-1)), "tokens");
}

void TestOfflineEcho::streamsAtTheConfiguredPace()
{
    const QString prompt = u"one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                           "sixteen seventeen eighteen nineteen twenty"_s;
    const CallOutcome o = call(u"juxta-offline://echo/v1?ttft_ms=200&tokens_per_second=50"_s, u"echo"_s, prompt);
    QVERIFY2(o.complete, o.error ? qPrintable(o.error->summary()) : "incomplete");
    QCOMPARE(o.text, prompt);
    QCOMPARE(o.servedModel, u"echo"_s);
    QCOMPARE(o.usage.outputTokens, qint64(offlineTokens(prompt).size()));
    QVERIFY(o.usage.inputTokens.value_or(0) > 0);
    QVERIFY2(*o.metrics.ttftMs >= 195 && *o.metrics.ttftMs < 200 + 150, qPrintable(QString::number(*o.metrics.ttftMs)));
    // 20 tokens, 19 gaps of 20 ms after the first: ~50 tokens/s over the generation phase.
    const double speed = *o.metrics.outputTokensPerSecond;
    QVERIFY2(speed > 50 * 0.7 && speed < 50 * 1.35, qPrintable(QString::number(speed)));
    QVERIFY(*o.metrics.totalMs >= 200 + 19 * 20 - 5);
}

void TestOfflineEcho::unknownOfflineProviderIsAClassifiedError()
{
    // The reply itself reports the HTTP error as QNetworkAccessManager does for a server's 404.
    QNetworkReply* reply = m_network.post(QNetworkRequest(QUrl(u"juxta-offline://nobody/v1/chat/completions"_s)), "{}");
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(5000));
    QCOMPARE(reply->error(), QNetworkReply::ContentNotFoundError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    delete reply;

    const CallOutcome o = call(u"juxta-offline://nobody/v1"_s, u"echo"_s, u"hi"_s);
    QVERIFY(!o.complete);
    QVERIFY(o.error);
    QCOMPARE(o.error->httpStatus, 404);
    QVERIFY2(o.error->message.contains(u"nobody"_s), qPrintable(o.error->message));
}

void TestOfflineEcho::cancelKeepsWhatArrived()
{
    const QString prompt = u"a b c d e f g h i j k l m n o p q r s t u v w x y z"_s;
    const CallOutcome o = call(u"juxta-offline://echo/v1?ttft_ms=10&tokens_per_second=40"_s, u"echo"_s, prompt, true);
    QVERIFY(!o.complete);
    QVERIFY(!o.text.isEmpty());
    QVERIFY(prompt.startsWith(o.text));
    QVERIFY(o.text.size() < prompt.size());
}

QTEST_GUILESS_MAIN(TestOfflineEcho)
#include "TestOfflineEcho.moc"
