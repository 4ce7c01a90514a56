// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/RequestGate.h"

#include "common/MonotonicClock.h"
#include "routing/Scheduler.h"

#include <algorithm>

namespace juxta {
namespace {

constexpr qint64 kMinuteNs = 60'000'000'000LL;

} // namespace

RequestGate::RequestGate(const MonotonicClock& clock, Scheduler& scheduler, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_scheduler(scheduler)
{
}

void RequestGate::setLimits(const QString& profileId, const RequestLimits& limits)
{
    Profile& p = m_profiles[profileId];
    p.limits = limits;
    p.cap = limits.maxConcurrent.value_or(0);
    dispatch(profileId);
}

RequestLimits RequestGate::limits(const QString& profileId) const
{
    return m_profiles.value(profileId).limits;
}

int RequestGate::concurrency(const QString& profileId) const
{
    return m_profiles.value(profileId).cap;
}

int RequestGate::running(const QString& profileId) const
{
    return m_profiles.value(profileId).running;
}

int RequestGate::waiting(const QString& profileId) const
{
    return int(m_profiles.value(profileId).queue.size());
}

quint64 RequestGate::acquire(const QString& profileId, qint64 tokens, QObject* context, std::function<void()> go)
{
    const quint64 ticket = m_nextTicket++;
    m_profiles[profileId].queue.push_back({ticket, std::max<qint64>(0, tokens), context, std::move(go)});
    dispatch(profileId);
    return ticket;
}

void RequestGate::release(quint64 ticket, std::optional<qint64> actualTokens)
{
    const auto holder = m_holders.constFind(ticket);
    if (holder == m_holders.cend())
        return;
    const QString profileId = *holder;
    m_holders.erase(holder);
    Profile& p = m_profiles[profileId];
    p.running = std::max(0, p.running - 1);
    if (actualTokens) { // the real usage replaces the estimate in the window it still counts in
        for (auto& entry : p.tokens) {
            if (entry.second.first == ticket)
                entry.second.second = *actualTokens;
        }
    }
    dispatch(profileId);
}

void RequestGate::cancel(quint64 ticket)
{
    for (auto it = m_profiles.begin(); it != m_profiles.end(); ++it) {
        auto& queue = it->queue;
        const auto found = std::find_if(queue.begin(), queue.end(), [ticket](const Waiter& w) { return w.ticket == ticket; });
        if (found != queue.end()) {
            queue.erase(found);
            return;
        }
    }
    release(ticket); // it had started after all
}

void RequestGate::rateLimited(const QString& profileId, int waitMs)
{
    Profile& p = m_profiles[profileId];
    const qint64 until = m_clock.nowNs() + qint64(std::max(0, waitMs)) * 1'000'000;
    if (until > p.pausedUntilNs) {
        // Several requests in flight may all get a 429 for the same burst: one pause, one halving.
        const bool alreadyPaused = p.pausedUntilNs > m_clock.nowNs();
        p.pausedUntilNs = until;
        p.halveAfterPause = p.halveAfterPause || !alreadyPaused;
        emit paused(profileId, waitMs);
    }
    wakeAt(profileId, p.pausedUntilNs);
}

void RequestGate::forget(Profile& p, qint64 nowNs)
{
    while (!p.starts.empty() && nowNs - p.starts.front() >= kMinuteNs)
        p.starts.pop_front();
    while (!p.tokens.empty() && nowNs - p.tokens.front().first >= kMinuteNs)
        p.tokens.pop_front();
}

void RequestGate::wakeAt(const QString& profileId, qint64 atNs)
{
    Profile& p = m_profiles[profileId];
    if (p.wakeAtNs != 0 && p.wakeAtNs <= atNs)
        return; // an earlier dispatch is already on its way; it schedules the next
    p.wakeAtNs = atNs;
    const qint64 delayNs = std::max<qint64>(0, atNs - m_clock.nowNs());
    m_scheduler.schedule(int((delayNs + 999'999) / 1'000'000), this, [this, profileId, atNs] {
        Profile& q = m_profiles[profileId];
        if (q.wakeAtNs == atNs)
            q.wakeAtNs = 0;
        dispatch(profileId);
    });
}

void RequestGate::dispatch(const QString& profileId)
{
    if (m_dispatching.contains(profileId))
        return; // started from a go() below: the loop there reads the state afresh
    m_dispatching.insert(profileId);
    while (true) {
        Profile& p = m_profiles[profileId]; // afresh each time: a go() may add profiles (and move this one)
        if (p.queue.empty())
            break;
        const qint64 now = m_clock.nowNs();
        if (now < p.pausedUntilNs) {
            wakeAt(profileId, p.pausedUntilNs);
            break;
        }
        if (p.halveAfterPause) {
            p.halveAfterPause = false;
            const int before = p.cap > 0 ? p.cap : std::max(1, p.running);
            p.cap = std::max(1, before / 2);
            emit concurrencyReduced(profileId, p.cap);
        }
        if (p.cap > 0 && p.running >= p.cap)
            break; // a release() dispatches again
        forget(p, now);
        if (p.limits.requestsPerMinute && qint64(p.starts.size()) >= *p.limits.requestsPerMinute) {
            wakeAt(profileId, p.starts.front() + kMinuteNs);
            break;
        }
        if (p.limits.tokensPerMinute && !p.tokens.empty()) {
            qint64 used = 0;
            for (const auto& entry : p.tokens)
                used += entry.second.second;
            // A request larger than the whole limit still goes, alone in its window: otherwise it never could.
            if (used + p.queue.front().tokens > *p.limits.tokensPerMinute) {
                wakeAt(profileId, p.tokens.front().first + kMinuteNs);
                break;
            }
        }
        Waiter w = std::move(p.queue.front());
        p.queue.pop_front();
        if (!w.context)
            continue; // given up without a cancel: nothing to start, no slot taken
        ++p.running;
        p.starts.push_back(now);
        p.tokens.push_back({now, {w.ticket, w.tokens}});
        m_holders.insert(w.ticket, profileId);
        w.go();
    }
    m_dispatching.remove(profileId);
}

} // namespace juxta
