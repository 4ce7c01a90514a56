// SPDX-License-Identifier: GPL-3.0-or-later
// Time under the test's control: a clock that moves only when told, and a scheduler that records back-off
// waits and runs the work on the next event-loop turn instead of waiting.
#pragma once

#include "common/MonotonicClock.h"
#include "routing/Scheduler.h"

#include <QList>
#include <QTimer>

namespace juxta::test {

class ManualClock final : public MonotonicClock
{
public:
    qint64 nowNs() const override { return m_now; }
    void advanceMs(qint64 ms) { m_now += ms * 1'000'000; }

private:
    qint64 m_now = 1'000'000'000;
};

class RecordingScheduler final : public Scheduler
{
public:
    void schedule(int delayMs, QObject* context, std::function<void()> work) override
    {
        delays.append(delayMs);
        QTimer::singleShot(0, context, std::move(work));
    }
    QList<int> delays;
};

} // namespace juxta::test
