// SPDX-License-Identifier: GPL-3.0-or-later
// Keeps a batch polite to each provider: per profile, at most so many requests at once, so many started in any
// 60-second window, and so many tokens in any 60-second window (counted from the estimate when a request starts,
// corrected by the real usage when it ends). A 429 pauses the profile until its Retry-After (or the back-off) has
// passed, then halves its concurrency for the rest of the gate's life, and says so. Requests wait in order; the
// clock and the scheduler are injected, so tests run minutes of limits in milliseconds.
#pragma once

#include "providers/ProviderProfile.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <deque>
#include <functional>
#include <optional>

namespace juxta {

class MonotonicClock;
class Scheduler;

class RequestGate final : public QObject
{
    Q_OBJECT

public:
    RequestGate(const MonotonicClock& clock, Scheduler& scheduler, QObject* parent = nullptr);

    // Limits for a profile (unset fields: no limit). `maxConcurrent` also caps what a 429 halves.
    void setLimits(const QString& profileId, const RequestLimits& limits);
    RequestLimits limits(const QString& profileId) const;
    int concurrency(const QString& profileId) const; // the current cap (after halving); 0: none

    // Calls `go` once `profileId` has room for a request of about `tokens` tokens; nothing when `context` is gone by
    // then. The returned ticket is given back with release() when the request ends, or cancel() if it never started.
    quint64 acquire(const QString& profileId, qint64 tokens, QObject* context, std::function<void()> go);
    void release(quint64 ticket, std::optional<qint64> actualTokens = std::nullopt);
    void cancel(quint64 ticket);
    // A 429 from the profile: nothing more starts there for `waitMs`, then it runs at half its concurrency.
    void rateLimited(const QString& profileId, int waitMs);

    int running(const QString& profileId) const;
    int waiting(const QString& profileId) const;

signals:
    void paused(const QString& profileId, int waitMs);
    void concurrencyReduced(const QString& profileId, int concurrency);

private:
    struct Waiter
    {
        quint64 ticket;
        qint64 tokens;
        QPointer<QObject> context;
        std::function<void()> go;
    };
    struct Profile
    {
        RequestLimits limits;
        int cap = 0;                    // current concurrency cap, 0 for none
        int running = 0;
        std::deque<qint64> starts;      // start times (ns) within the last minute
        std::deque<std::pair<qint64, std::pair<quint64, qint64>>> tokens; // (start ns, (ticket, tokens))
        qint64 pausedUntilNs = 0;
        bool halveAfterPause = false;
        std::deque<Waiter> queue;
        qint64 wakeAtNs = 0;            // a dispatch is scheduled for then (0: none)
    };

    void dispatch(const QString& profileId);
    void wakeAt(const QString& profileId, qint64 atNs);
    static void forget(Profile& p, qint64 nowNs);

    const MonotonicClock& m_clock;
    Scheduler& m_scheduler;
    QHash<QString, Profile> m_profiles;
    QHash<quint64, QString> m_holders; // ticket → profile, while it runs
    QSet<QString> m_dispatching;
    quint64 m_nextTicket = 1;
};

} // namespace juxta
