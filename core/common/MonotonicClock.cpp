// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/MonotonicClock.h"

namespace juxta {

SteadyClock::SteadyClock()
{
    m_timer.start();
}

qint64 SteadyClock::nowNs() const
{
    return m_timer.nsecsElapsed();
}

} // namespace juxta
