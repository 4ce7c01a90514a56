// SPDX-License-Identifier: GPL-3.0-or-later
// The per-profile gate on a clock the test moves: concurrency, requests per minute over a sliding window, tokens
// per minute corrected by the real usage, a 429 that pauses the profile once and halves its concurrency once,
// profiles that do not hold each other up, and places given back by requests that never started.
#include "VirtualTime.h"
#include "routing/RequestGate.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;
using namespace juxta::test;

namespace {

RequestLimits limits(std::optional<int> concurrent, std::optional<int> rpm = {}, std::optional<qint64> tpm = {})
{
    RequestLimits l;
    l.maxConcurrent = concurrent;
    l.requestsPerMinute = rpm;
    l.tokensPerMinute = tpm;
    return l;
}

} // namespace

class TestRequestGate : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void concurrencyIsCapped();
    void requestsPerMinuteSlideWithTheWindow();
    void tokensPerMinuteAreCorrectedByRealUsage();
    void oversizedRequestGoesAloneInItsWindow();
    void rateLimitPausesThenHalvesOnce();
    void profilesDoNotHoldEachOtherUp();
    void cancelledAndAbandonedRequestsGiveTheirPlaceBack();

private:
    // Asks for `count` places on `profile`; each started one's ticket and start time (ms) are recorded.
    void ask(const QString& profile, int count, qint64 tokens = 0);

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<VirtualScheduler> m_scheduler;
    std::unique_ptr<RequestGate> m_gate;
    std::unique_ptr<QObject> m_context;
    QList<quint64> m_started;
    QList<qint64> m_startedAtMs;
    QList<quint64> m_tickets;
};

void TestRequestGate::init()
{
    m_clock = std::make_unique<ManualClock>();
    m_scheduler = std::make_unique<VirtualScheduler>(*m_clock);
    m_scheduler->setAutomatic(false);
    m_gate = std::make_unique<RequestGate>(*m_clock, *m_scheduler);
    m_context = std::make_unique<QObject>();
    m_started.clear();
    m_startedAtMs.clear();
    m_tickets.clear();
}

void TestRequestGate::cleanup()
{
    m_gate.reset();
    m_scheduler.reset();
    m_clock.reset();
}

void TestRequestGate::ask(const QString& profile, int count, qint64 tokens)
{
    for (int i = 0; i < count; ++i) {
        const qsizetype index = m_tickets.size();
        m_tickets.append(0);
        m_tickets[index] = m_gate->acquire(profile, tokens, m_context.get(), [this, index] {
            m_started.append(m_tickets.value(index)); // 0 when it started inside acquire() itself
            m_startedAtMs.append(m_scheduler->nowMs());
        });
    }
}

void TestRequestGate::concurrencyIsCapped()
{
    m_gate->setLimits(u"p"_s, limits(3));
    ask(u"p"_s, 10);
    QCOMPARE(m_started.size(), 3);
    QCOMPARE(m_gate->running(u"p"_s), 3);
    QCOMPARE(m_gate->waiting(u"p"_s), 7);
    m_gate->release(m_tickets.at(1));
    QCOMPARE(m_started.size(), 4);
    m_gate->release(m_tickets.at(1)); // a second release of the same ticket changes nothing
    QCOMPARE(m_gate->running(u"p"_s), 3);
    QCOMPARE(m_started.size(), 4);
    // A profile without limits lets everything through.
    ask(u"free"_s, 50);
    QCOMPARE(m_gate->running(u"free"_s), 50);
}

void TestRequestGate::requestsPerMinuteSlideWithTheWindow()
{
    m_gate->setLimits(u"p"_s, limits({}, 5));
    ask(u"p"_s, 2);
    m_clock->advanceMs(20'000);
    ask(u"p"_s, 10);
    for (const quint64 ticket : m_tickets)
        m_gate->release(ticket); // they end at once; the window still counts their starts
    QCOMPARE(m_started.size(), 5);
    QVERIFY(m_scheduler->advance()); // the first two leave the window at 60 s
    QCOMPARE(m_scheduler->nowMs() - m_startedAtMs.constFirst(), 60'000);
    QCOMPARE(m_started.size(), 7);
    for (const quint64 ticket : m_tickets)
        m_gate->release(ticket);
    while (m_scheduler->advance()) {
        for (const quint64 ticket : m_tickets)
            m_gate->release(ticket);
    }
    QCOMPARE(m_started.size(), 12);
    // Never more than 5 starts in any 60-second window.
    for (qsizetype i = 5; i < m_startedAtMs.size(); ++i)
        QVERIFY2(m_startedAtMs.at(i) - m_startedAtMs.at(i - 5) >= 60'000, qPrintable(QString::number(i)));
}

void TestRequestGate::tokensPerMinuteAreCorrectedByRealUsage()
{
    m_gate->setLimits(u"p"_s, limits({}, {}, 950));
    ask(u"p"_s, 6, 400); // each may use 400 tokens: two fit
    QCOMPARE(m_started.size(), 2);
    m_gate->release(m_tickets.at(0), 100); // it used 100: 100 + 400 + 400 fit
    QCOMPARE(m_started.size(), 3);
    m_gate->release(m_tickets.at(1), 100);
    QCOMPARE(m_started.size(), 3); // 100 + 100 + 400 + 400 is more than 950
    m_gate->release(m_tickets.at(2), 50);
    QCOMPARE(m_started.size(), 4); // 100 + 100 + 50 + 400
    QCOMPARE(m_startedAtMs.constLast(), m_startedAtMs.constFirst());
    m_gate->release(m_tickets.at(3), 400);
    QCOMPARE(m_started.size(), 4); // 650 counted + 400 asked
    QVERIFY(m_scheduler->advance()); // the first ones leave the window
    QCOMPARE(m_started.size(), 6);
    QCOMPARE(m_startedAtMs.at(4) - m_startedAtMs.at(0), 60'000);
}

void TestRequestGate::oversizedRequestGoesAloneInItsWindow()
{
    m_gate->setLimits(u"p"_s, limits({}, {}, 1000));
    ask(u"p"_s, 1, 5000);
    QCOMPARE(m_started.size(), 1); // larger than the limit, it could never go otherwise
    ask(u"p"_s, 1, 10);
    m_gate->release(m_tickets.at(0), 4000);
    QCOMPARE(m_started.size(), 1);
    QVERIFY(m_scheduler->advance());
    QCOMPARE(m_started.size(), 2);
}

void TestRequestGate::rateLimitPausesThenHalvesOnce()
{
    m_gate->setLimits(u"p"_s, limits(8));
    QSignalSpy paused(m_gate.get(), &RequestGate::paused);
    QSignalSpy reduced(m_gate.get(), &RequestGate::concurrencyReduced);
    ask(u"p"_s, 20);
    QCOMPARE(m_started.size(), 8);
    // Three requests of the same burst answer 429: one pause (the longest wait wins), one halving.
    m_gate->rateLimited(u"p"_s, 2000);
    m_gate->rateLimited(u"p"_s, 3000);
    m_gate->rateLimited(u"p"_s, 1000);
    QCOMPARE(paused.size(), 2); // the wait grew once
    for (int i = 0; i < 8; ++i)
        m_gate->release(m_tickets.at(i));
    QCOMPARE(m_started.size(), 8); // nothing starts while paused
    const qint64 pausedAt = m_scheduler->nowMs();
    while (m_started.size() == 8 && m_scheduler->advance()) {
    }
    QCOMPARE(m_scheduler->nowMs() - pausedAt, 3000);
    QCOMPARE(reduced.size(), 1);
    QCOMPARE(reduced.constFirst().at(1).toInt(), 4);
    QCOMPARE(m_gate->concurrency(u"p"_s), 4);
    QCOMPARE(m_gate->running(u"p"_s), 4);
    // A later 429 halves again, down to one at a time at least.
    m_gate->rateLimited(u"p"_s, 500);
    for (int i = 8; i < 12; ++i)
        m_gate->release(m_tickets.at(i));
    QVERIFY(m_scheduler->advance());
    QCOMPARE(m_gate->concurrency(u"p"_s), 2);
    QCOMPARE(m_gate->running(u"p"_s), 2);
}

void TestRequestGate::profilesDoNotHoldEachOtherUp()
{
    m_gate->setLimits(u"slow"_s, limits(1, 2));
    m_gate->setLimits(u"fast"_s, limits(4));
    ask(u"slow"_s, 3);
    m_gate->rateLimited(u"slow"_s, 5000);
    ask(u"fast"_s, 4);
    QCOMPARE(m_gate->running(u"slow"_s), 1);
    QCOMPARE(m_gate->running(u"fast"_s), 4);
}

void TestRequestGate::cancelledAndAbandonedRequestsGiveTheirPlaceBack()
{
    m_gate->setLimits(u"p"_s, limits(1));
    ask(u"p"_s, 1);
    auto gone = std::make_unique<QObject>();
    bool goneStarted = false;
    m_gate->acquire(u"p"_s, 0, gone.get(), [&goneStarted] { goneStarted = true; });
    const quint64 cancelled = m_gate->acquire(u"p"_s, 0, m_context.get(), [] { QFAIL("a cancelled request started"); });
    ask(u"p"_s, 1);
    QCOMPARE(m_gate->waiting(u"p"_s), 3);
    gone.reset();
    m_gate->cancel(cancelled);
    m_gate->release(m_tickets.at(0));
    QVERIFY(!goneStarted);
    QCOMPARE(m_started.size(), 2); // the last one, past the two that gave up
    m_gate->cancel(m_tickets.at(1)); // cancelling a started one releases it
    QCOMPARE(m_gate->running(u"p"_s), 0);
}

QTEST_GUILESS_MAIN(TestRequestGate)
#include "TestRequestGate.moc"
