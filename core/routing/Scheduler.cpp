// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/Scheduler.h"

#include <QTimer>

namespace juxta {

void EventLoopScheduler::schedule(int delayMs, QObject* context, std::function<void()> work)
{
    QTimer::singleShot(std::max(0, delayMs), context, std::move(work));
}

} // namespace juxta
