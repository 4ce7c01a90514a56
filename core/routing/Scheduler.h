// SPDX-License-Identifier: GPL-3.0-or-later
// Deferred work for back-off waits, injectable so retry tests run in milliseconds.
#pragma once

#include <QObject>
#include <functional>

namespace juxta {

class Scheduler
{
public:
    virtual ~Scheduler() = default;
    // Runs `work` after `delayMs` unless `context` is destroyed first.
    virtual void schedule(int delayMs, QObject* context, std::function<void()> work) = 0;
};

// The real thing: a single-shot QTimer on the event loop.
class EventLoopScheduler final : public Scheduler
{
public:
    void schedule(int delayMs, QObject* context, std::function<void()> work) override;
};

} // namespace juxta
