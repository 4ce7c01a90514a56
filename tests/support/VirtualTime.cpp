// SPDX-License-Identifier: GPL-3.0-or-later
#include "VirtualTime.h"

namespace juxta::test {

VirtualScheduler::VirtualScheduler(ManualClock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_sinceActivity.start();
    m_timer.setInterval(1);
    connect(&m_timer, &QTimer::timeout, this, &VirtualScheduler::tick);
    m_timer.start();
}

void VirtualScheduler::schedule(int delayMs, QObject* context, std::function<void()> work)
{
    m_work.emplace(m_clock.nowNs() + qint64(std::max(0, delayMs)) * 1'000'000, Work{context, std::move(work)});
}

void VirtualScheduler::tick()
{
    if (m_work.empty())
        return;
    if (m_work.begin()->first > m_clock.nowNs() && (m_sinceActivity.elapsed() < m_quietMs || (m_idle && !m_idle())))
        return;
    advance();
    touch();
}

bool VirtualScheduler::advance()
{
    if (m_work.empty())
        return false;
    if (m_work.begin()->first > m_clock.nowNs())
        m_clock.advanceMs((m_work.begin()->first - m_clock.nowNs() + 999'999) / 1'000'000);
    // Everything due now, including what that work schedules for now.
    while (!m_work.empty() && m_work.begin()->first <= m_clock.nowNs()) {
        Work item = std::move(m_work.begin()->second);
        m_work.erase(m_work.begin());
        if (item.context)
            item.work();
    }
    return true;
}

} // namespace juxta::test
