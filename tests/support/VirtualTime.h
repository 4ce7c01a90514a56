// SPDX-License-Identifier: GPL-3.0-or-later
// Minutes of waiting in milliseconds: a scheduler on a ManualClock that runs work as soon as it is due, and, once
// the test says nothing is under way (no request in flight, nothing happened for a few real milliseconds), moves
// the clock to the next piece of work instead of waiting for it. Rate-limit tests read the clock to know the
// virtual moment each request reached the server.
#pragma once

#include "TestClocks.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <map>

namespace juxta::test {

class VirtualScheduler final : public QObject, public Scheduler
{
    Q_OBJECT

public:
    explicit VirtualScheduler(ManualClock& clock, QObject* parent = nullptr);

    void schedule(int delayMs, QObject* context, std::function<void()> work) override;
    // Whether the clock may move on; asked only after `quietMs` real milliseconds without touch().
    void setIdle(std::function<bool()> idle) { m_idle = std::move(idle); }
    void touch() { m_sinceActivity.restart(); }
    void setQuietMs(int ms) { m_quietMs = ms; }

    // Moves the clock to the next piece of work and runs everything due then; false when there is none.
    bool advance();
    // Stops moving the clock by itself (unit tests step with advance()).
    void setAutomatic(bool on) { on ? m_timer.start() : m_timer.stop(); }

    qint64 nowMs() const { return m_clock.nowNs() / 1'000'000; }
    int pending() const { return int(m_work.size()); }

private:
    struct Work
    {
        QPointer<QObject> context;
        std::function<void()> work;
    };
    void tick();

    ManualClock& m_clock;
    std::multimap<qint64, Work> m_work; // due (ns) → work, in the order it was scheduled
    std::function<bool()> m_idle;
    QElapsedTimer m_sinceActivity;
    QTimer m_timer;
    int m_quietMs = 15;
};

} // namespace juxta::test
