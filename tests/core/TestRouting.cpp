// SPDX-License-Identifier: GPL-3.0-or-later
// The pure parts of the resilience engine: back-off and retry-after, circuit breaker, routing strategies,
// persisted speed statistics, and the human summary of a routed outcome.
#include "TestClocks.h"
#include "routing/CircuitBreaker.h"
#include "routing/ModelStats.h"
#include "routing/RetryPolicy.h"
#include "routing/RoutedOutcome.h"
#include "routing/RoutingStrategy.h"

#include <QTemporaryDir>
#include <QTest>

using namespace juxta;
using namespace juxta::test;
using namespace Qt::StringLiterals;

namespace {

ProviderError failure(ErrorClass cls, std::optional<double> retryAfter = std::nullopt)
{
    ProviderError e;
    e.errorClass = cls;
    e.retryAfterSeconds = retryAfter;
    return e;
}

QList<Target> targets(std::initializer_list<const char*> models)
{
    QList<Target> list;
    for (const char* m : models) {
        Target t;
        t.profile.id = u"p"_s;
        t.model = QString::fromLatin1(m);
        list.append(t);
    }
    return list;
}

} // namespace

class TestRouting : public QObject
{
    Q_OBJECT

private slots:
    void backoffHasFullJitterWithinTheCeiling();
    void retryAfterIsHonouredUpToTheCap();
    void noRetryAfterOutputOrForPermanentErrors();
    void breakerOpensCoolsDownAndProbes();
    void priorityAndCheapest();
    void fastestUsesMeasurements();
    void splitIsWeightedAndReproducible();
    void roundRobinRotates();
    void strategySpecs();
    void statsPersistAndRoll();
    void summaryTellsTheStory();
};

void TestRouting::backoffHasFullJitterWithinTheCeiling()
{
    RetryPolicy policy;
    policy.maxRetries = 5;
    QRandomGenerator random(42);
    QList<int> first, third;
    for (int i = 0; i < 400; ++i) {
        first.append(*policy.delayBeforeRetryMs(failure(ErrorClass::Server), 0, false, random));
        third.append(*policy.delayBeforeRetryMs(failure(ErrorClass::Server), 2, false, random));
    }
    QVERIFY(*std::max_element(first.begin(), first.end()) <= 500);   // base 500 ms
    QVERIFY(*std::max_element(third.begin(), third.end()) <= 2000);  // 500 · 2²
    QVERIFY(*std::min_element(third.begin(), third.end()) < 200);    // full jitter reaches down to 0
    QVERIFY(*std::max_element(third.begin(), third.end()) > 1500);   // … and up to the ceiling
    policy.maxDelayMs = 700;
    QVERIFY(*policy.delayBeforeRetryMs(failure(ErrorClass::Timeout), 4, false, random) <= 700);
}

void TestRouting::retryAfterIsHonouredUpToTheCap()
{
    RetryPolicy policy;
    QRandomGenerator random(1);
    QCOMPARE(policy.delayBeforeRetryMs(failure(ErrorClass::RateLimited, 1.5), 0, false, random).value_or(-1), 1500);
    QCOMPARE(policy.delayBeforeRetryMs(failure(ErrorClass::RateLimited, 0), 0, false, random).value_or(-1), 0);
    // Longer than the cap: better served by the next target than by waiting.
    QVERIFY(!policy.delayBeforeRetryMs(failure(ErrorClass::RateLimited, 60), 0, false, random));
    policy.maxRetryAfterS = 120;
    QCOMPARE(policy.delayBeforeRetryMs(failure(ErrorClass::RateLimited, 60), 0, false, random).value_or(-1), 60'000);
}

void TestRouting::noRetryAfterOutputOrForPermanentErrors()
{
    RetryPolicy policy;
    QRandomGenerator random(1);
    QVERIFY(!policy.delayBeforeRetryMs(failure(ErrorClass::Network), 0, true, random)); // never a silent re-send
    for (ErrorClass cls : {ErrorClass::Auth, ErrorClass::Quota, ErrorClass::BadRequest, ErrorClass::ContextLength,
                           ErrorClass::ContentFilter, ErrorClass::NotFound, ErrorClass::Malformed, ErrorClass::Cancelled})
        QVERIFY2(!policy.delayBeforeRetryMs(failure(cls), 0, false, random), qPrintable(errorClassName(cls)));
    QVERIFY(policy.delayBeforeRetryMs(failure(ErrorClass::Overloaded), 1, false, random));
    QVERIFY(!policy.delayBeforeRetryMs(failure(ErrorClass::Overloaded), 2, false, random)); // maxRetries = 2
}

void TestRouting::breakerOpensCoolsDownAndProbes()
{
    ManualClock clock;
    CircuitBreaker breaker(clock, 2, 10'000);
    QVERIFY(breaker.allows(u"a"_s));
    breaker.recordFailure(u"a"_s);
    QVERIFY(breaker.allows(u"a"_s)); // one failure is not a pattern
    breaker.recordFailure(u"a"_s);
    QVERIFY(!breaker.allows(u"a"_s));
    QVERIFY(breaker.isOpen(u"a"_s));
    QVERIFY(breaker.allows(u"b"_s)); // per target
    clock.advanceMs(9'999);
    QVERIFY(!breaker.allows(u"a"_s));
    clock.advanceMs(2);
    QVERIFY(breaker.allows(u"a"_s));  // the probe
    QVERIFY(!breaker.allows(u"a"_s)); // only one at a time
    breaker.recordFailure(u"a"_s);    // the probe failed: open again
    QVERIFY(!breaker.allows(u"a"_s));
    clock.advanceMs(10'001);
    QVERIFY(breaker.allows(u"a"_s));
    breaker.recordSuccess(u"a"_s);    // the probe succeeded: closed
    QVERIFY(breaker.allows(u"a"_s) && breaker.allows(u"a"_s));

    // A probe that ends inconclusively (cancelled, refused) frees the slot; one that never reports back expires.
    breaker.recordFailure(u"c"_s);
    breaker.recordFailure(u"c"_s);
    clock.advanceMs(10'001);
    QVERIFY(breaker.allows(u"c"_s));
    QVERIFY(!breaker.wouldAllow(u"c"_s));
    breaker.recordInconclusive(u"c"_s);
    QVERIFY(breaker.allows(u"c"_s));
    clock.advanceMs(10'001);
    QVERIFY(breaker.wouldAllow(u"c"_s));
}

void TestRouting::priorityAndCheapest()
{
    const QList<Target> list = targets({"a", "b", "c", "d"});
    QCOMPARE(PriorityStrategy().order(list), (QList<int>{0, 1, 2, 3}));
    CheapestStrategy cheapest([](const Target& t) -> std::optional<double> {
        if (t.model == u"a"_s)
            return std::nullopt; // unknown prices go last
        if (t.model == u"b"_s)
            return 10.0;
        return 0.6; // c and d tie: priority order between them
    });
    QCOMPARE(cheapest.order(list), (QList<int>{2, 3, 1, 0}));
}

void TestRouting::fastestUsesMeasurements()
{
    ModelStats stats;
    stats.record(u"p/a"_s, 900, 50);  // slow start
    stats.record(u"p/b"_s, 200, 100); // fast
    stats.record(u"p/b"_s, 300, 100);
    stats.record(u"p/c"_s, 250, 20);  // quick first token, slow generation
    stats.record(u"p/e"_s, 10, std::nullopt); // half a measurement is no measurement
    QCOMPARE(*stats.medianTtftMs(u"p/b"_s), 250.0);
    FastestStrategy fastest(stats);
    QCOMPARE(fastest.order(targets({"a", "b", "c", "d", "e"})), (QList<int>{1, 0, 2, 3, 4})); // d, e: last
}

void TestRouting::splitIsWeightedAndReproducible()
{
    SplitStrategy split({70, 30}, 1234);
    const QList<Target> list = targets({"a", "b"});
    int firstIsA = 0;
    QList<int> firstChoices;
    for (int i = 0; i < 2000; ++i) {
        const QList<int> order = split.order(list);
        QCOMPARE(order.size(), 2); // the other target stays as a fallback
        firstIsA += order[0] == 0;
        firstChoices.append(order[0]);
    }
    QVERIFY2(firstIsA > 1300 && firstIsA < 1500, qPrintable(QString::number(firstIsA))); // ~70 %
    SplitStrategy again({70, 30}, 1234);
    for (int i = 0; i < 2000; ++i)
        QCOMPARE(again.order(list)[0], firstChoices[i]); // same seed, same sequence
}

void TestRouting::roundRobinRotates()
{
    RoundRobinStrategy rr;
    const QList<Target> list = targets({"a", "b", "c"});
    QCOMPARE(rr.order(list), (QList<int>{0, 1, 2}));
    QCOMPARE(rr.order(list), (QList<int>{1, 2, 0}));
    QCOMPARE(rr.order(list), (QList<int>{2, 0, 1}));
    QCOMPARE(rr.order(list), (QList<int>{0, 1, 2}));
    QCOMPARE(RoundRobinStrategy(5).order(list), (QList<int>{2, 0, 1})); // one-shot processes start by seed
}

void TestRouting::strategySpecs()
{
    ModelStats stats;
    QString error;
    for (const char* spec : {"priority", "cheapest", "fastest", "round-robin", "split:70,30", "SPLIT:1,1,2"})
        QVERIFY2(RoutingStrategy::fromSpec(QString::fromLatin1(spec), {}, &stats, 1, &error), spec);
    for (const char* spec : {"quickest", "split:", "split:a,b", "split:-1,2", "split:0,0"}) {
        QVERIFY2(!RoutingStrategy::fromSpec(QString::fromLatin1(spec), {}, &stats, 1, &error), spec);
        QVERIFY(error.contains(u"strategy"_s));
    }
}

void TestRouting::statsPersistAndRoll()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/model-stats.json"_s);
    {
        ModelStats stats(path);
        for (int i = 0; i < ModelStats::kWindow + 5; ++i)
            stats.record(u"p/a"_s, 1000 + i, 10);
        stats.record(u"p/b"_s, std::nullopt, 42);
    } // destructor saves
    ModelStats reloaded(path);
    // The window keeps the newest kWindow samples: 1005 … 1024, median 1014.5.
    QCOMPARE(*reloaded.medianTtftMs(u"p/a"_s), 1014.5);
    QCOMPARE(*reloaded.medianTokensPerSecond(u"p/b"_s), 42.0);
    QVERIFY(!reloaded.medianTtftMs(u"p/b"_s));
    QVERIFY(!reloaded.medianTtftMs(u"p/unknown"_s));
}

void TestRouting::summaryTellsTheStory()
{
    RoutedOutcome o;
    AttemptRecord a;
    a.target = u"openai/gpt-4o"_s;
    a.errorClass = ErrorClass::RateLimited;
    a.httpStatus = 429;
    AttemptRecord a2 = a;
    a2.retry = 1;
    AttemptRecord b;
    b.target = u"anthropic/claude"_s;
    o.attempts = {a, a2, b};
    o.servedBy = 1;
    o.servedByLabel = b.target;
    QCOMPARE(o.summary(), u"served by anthropic/claude after openai/gpt-4o was rate-limited (HTTP 429)"_s);
    o.servedBy = -1;
    o.attempts = {a};
    QVERIFY(o.summary().startsWith(u"no target answered"_s));
}

QTEST_GUILESS_MAIN(TestRouting)
#include "TestRouting.moc"
