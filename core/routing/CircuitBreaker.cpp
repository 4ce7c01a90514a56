// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/CircuitBreaker.h"

#include "common/MonotonicClock.h"

namespace juxta {

CircuitBreaker::CircuitBreaker(const MonotonicClock& clock, int failureThreshold, int coolDownMs)
    : m_clock(clock), m_threshold(std::max(1, failureThreshold)), m_coolDownNs(qint64(coolDownMs) * 1'000'000)
{
}

bool CircuitBreaker::allows(const QString& target)
{
    auto it = m_states.find(target);
    if (it == m_states.end() || it->openUntilNs < 0)
        return true;
    if (m_clock.nowNs() < it->openUntilNs || it->probing)
        return false;
    it->probing = true; // half-open: exactly one probe until it reports back
    return true;
}

void CircuitBreaker::recordSuccess(const QString& target)
{
    m_states.remove(target);
}

void CircuitBreaker::recordFailure(const QString& target)
{
    State& s = m_states[target];
    ++s.consecutiveFailures;
    if (s.probing || s.consecutiveFailures >= m_threshold) {
        s.openUntilNs = m_clock.nowNs() + m_coolDownNs;
        s.probing = false;
    }
}

bool CircuitBreaker::isOpen(const QString& target) const
{
    const auto it = m_states.constFind(target);
    return it != m_states.cend() && it->openUntilNs >= 0 && m_clock.nowNs() < it->openUntilNs;
}

} // namespace juxta
