// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/FrameTicker.h"

namespace juxta {

FrameTicker::FrameTicker(QObject* parent, int intervalMs)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(intervalMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &FrameTicker::tick);
}

void FrameTicker::request()
{
    if (!m_timer.isActive())
        m_timer.start();
}

} // namespace juxta
