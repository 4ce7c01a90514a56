// SPDX-License-Identifier: GPL-3.0-or-later
// Injected monotonic time source, so metrics never depend on wall-clock jumps and tests can control time.
#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

namespace juxta {

class MonotonicClock
{
public:
    virtual ~MonotonicClock() = default;
    // Nanoseconds since an arbitrary fixed origin; never goes backwards.
    virtual qint64 nowNs() const = 0;
};

class SteadyClock final : public MonotonicClock
{
public:
    SteadyClock();
    qint64 nowNs() const override;

private:
    QElapsedTimer m_timer;
};

} // namespace juxta
