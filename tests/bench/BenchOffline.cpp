// SPDX-License-Identifier: GPL-3.0-or-later
// The offline providers at scale, through the real path (ChatCall, the OpenAI decoder), no socket:
//  1. echo of a 100,000-word prompt as fast as it can go: time to plan it (on the worker thread), the longest
//     event-loop gap on the calling thread, total time, resident memory;
//  2. pace accuracy: echo at 25, 100, 400 and 1,000 tokens/s, measured speed / configured speed.
// Prints figures; asserts only correctness (the whole text arrives, usage counts every token).
#include "BenchFigures.h"
#include "common/MonotonicClock.h"
#include "offline/OfflineNetwork.h"
#include "providers/ChatCall.h"
#include "providers/ChatClient.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace juxta;
using namespace juxta::test;
using namespace Qt::StringLiterals;

class BenchOffline : public QObject
{
    Q_OBJECT

private slots:
    void longEcho();
    void paceAccuracy();

private:
    CallOutcome echo(const QString& query, const QString& prompt, double* longestGapMs = nullptr);

    OfflineNetworkAccessManager m_network;
    SteadyClock m_clock;
};

CallOutcome BenchOffline::echo(const QString& query, const QString& prompt, double* longestGapMs)
{
    ChatClient client(m_network, m_clock);
    ProviderProfile profile;
    profile.dialect = ApiDialect::OpenAi;
    profile.baseUrl = QUrl(u"juxta-offline://echo/v1?"_s + query);
    ChatRequest request;
    request.model = u"echo"_s;
    request.messages.append({ChatMessage::Role::User, prompt});
    // A 1 ms ticker: the gaps between its ticks are how long the calling thread was busy.
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QElapsedTimer sinceTick;
    double longest = 0;
    connect(&ticker, &QTimer::timeout, this, [&] {
        longest = std::max(longest, sinceTick.nsecsElapsed() / 1e6);
        sinceTick.restart();
    });
    sinceTick.start();
    ticker.start(1);
    ChatCall* chat = client.startChat(request, profile, ApiKey(), CallOptions());
    QSignalSpy finished(chat, &ChatCall::finished);
    if (finished.isEmpty())
        finished.wait(600'000);
    ticker.stop();
    if (longestGapMs)
        *longestGapMs = longest;
    return chat->outcome();
}

void BenchOffline::longEcho()
{
    QString prompt;
    for (int i = 0; i < 100'000; ++i)
        prompt += (i % 7 == 6 ? u"word. "_s : u"word "_s);
    prompt.chop(1);
    const long before = residentKb();
    QElapsedTimer timer;
    timer.start();
    double longestGap = 0;
    const CallOutcome o = echo(u"ttft_ms=0&tokens_per_second=100000"_s, prompt, &longestGap);
    const double seconds = timer.nsecsElapsed() / 1e9;
    QVERIFY2(o.complete, o.error ? qPrintable(o.error->summary()) : "incomplete");
    QCOMPARE(o.text, prompt);
    std::printf("echo of %lld tokens: total %.2f s, TTFT %.0f ms (planning on the worker), longest gap on the "
                "calling thread %.1f ms, RSS +%.1f MB\n",
                static_cast<long long>(o.usage.outputTokens.value_or(0)), seconds, o.metrics.ttftMs.value_or(-1),
                longestGap, (residentKb() - before) / 1024.0);
    std::fflush(stdout);
}

void BenchOffline::paceAccuracy()
{
    QString prompt;
    for (int i = 0; i < 400; ++i)
        prompt += u"tok "_s;
    for (const double configured : {25.0, 100.0, 400.0, 1000.0}) {
        const int words = configured < 100 ? 60 : 400;
        const QString text = prompt.left(words * 4 - 1);
        const CallOutcome o = echo(u"ttft_ms=50&tokens_per_second=%1"_s.arg(configured), text);
        QVERIFY(o.complete);
        const double measured = o.metrics.outputTokensPerSecond.value_or(0);
        std::printf("pace %6.0f tok/s configured: %7.1f tok/s measured (ratio %.3f), TTFT %.1f ms for 50 ms\n",
                    configured, measured, measured / configured, o.metrics.ttftMs.value_or(-1));
    }
    std::fflush(stdout);
}

QTEST_GUILESS_MAIN(BenchOffline)
#include "BenchOffline.moc"
