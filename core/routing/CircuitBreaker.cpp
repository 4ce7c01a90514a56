// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/CircuitBreaker.h"

#include "common/MonotonicClock.h"

namespace juxta {

CircuitBreaker::CircuitBreaker(const MonotonicClock& clock, int failureThreshold, int coolDownMs)
    : m_clock(clock), m_threshold(std::max(1, failureThreshold)), m_coolDownNs(qint64(coolDownMs) * 1'000'000)
{
}

bool CircuitBreaker::wouldAllow(const QString& target) const
{
    const auto it = m_states.constFind(target);
    if (it == m_states.cend() || it->openUntilNs < 0)
        return true;
    const qint64 now = m_clock.nowNs();
    if (now < it->openUntilNs)
        return false;
    // Half-open: one probe at a time; a probe that never reported back (its caller vanished) expires.
    return it->probeSinceNs < 0 || now - it->probeSinceNs > m_coolDownNs;
}

bool CircuitBreaker::allows(const QString& target)
{
    if (!wouldAllow(target))
        return false;
    if (auto it = m_states.find(target); it != m_states.end() && it->openUntilNs >= 0)
        it->probeSinceNs = m_clock.nowNs();
    return true;
}

void CircuitBreaker::recordInconclusive(const QString& target)
{
    if (auto it = m_states.find(target); it != m_states.end())
        it->probeSinceNs = -1;
}

void CircuitBreaker::recordSuccess(const QString& target)
{
    m_states.remove(target);
}

void CircuitBreaker::recordFailure(const QString& target)
{
    State& s = m_states[target];
    ++s.consecutiveFailures;
    if (s.probeSinceNs >= 0 || s.consecutiveFailures >= m_threshold) {
        s.openUntilNs = m_clock.nowNs() + m_coolDownNs;
        s.probeSinceNs = -1;
    }
}

bool CircuitBreaker::isOpen(const QString& target) const
{
    const auto it = m_states.constFind(target);
    return it != m_states.cend() && it->openUntilNs >= 0 && m_clock.nowNs() < it->openUntilNs;
}

} // namespace juxta
