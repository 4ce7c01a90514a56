// SPDX-License-Identifier: GPL-3.0-or-later
// The one coalescing timer for streamed output: views mark themselves dirty and ask for a frame; at most one
// tick fires per frame interval, and nothing runs while nothing streams (idle CPU stays at zero).
#pragma once

#include <QObject>
#include <QTimer>

namespace juxta {

class FrameTicker final : public QObject
{
    Q_OBJECT

public:
    explicit FrameTicker(QObject* parent = nullptr, int intervalMs = 33);
    void request(); // a tick will follow within one interval
    bool isPending() const { return m_timer.isActive(); }

signals:
    void tick();

private:
    QTimer m_timer;
};

} // namespace juxta
