// SPDX-License-Identifier: GPL-3.0-or-later
// Skips a target that failed N times in a row for a cool-down, then lets one probe through.
#pragma once

#include <QHash>
#include <QString>

namespace juxta {

class MonotonicClock;

class CircuitBreaker
{
public:
    explicit CircuitBreaker(const MonotonicClock& clock, int failureThreshold = 3, int coolDownMs = 30'000);

    // False while the target's circuit is open. After the cool-down one caller gets true (the probe).
    bool allows(const QString& target);
    // Whether allows() would say yes, without taking the probe.
    bool wouldAllow(const QString& target) const;
    void recordSuccess(const QString& target);
    void recordFailure(const QString& target);
    // The attempt ended without telling anything about the target's health (cancelled, refused): a probe
    // that ends this way frees the slot for the next one.
    void recordInconclusive(const QString& target);
    bool isOpen(const QString& target) const;

private:
    struct State
    {
        int consecutiveFailures = 0;
        qint64 openUntilNs = -1; // -1: closed
        qint64 probeSinceNs = -1; // a probe is out since then; -1: none
    };

    const MonotonicClock& m_clock;
    int m_threshold;
    qint64 m_coolDownNs;
    QHash<QString, State> m_states;
};

} // namespace juxta
