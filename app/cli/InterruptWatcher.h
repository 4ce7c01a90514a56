// SPDX-License-Identifier: GPL-3.0-or-later
// Turns SIGINT/SIGTERM into a Qt signal (self-pipe), so Ctrl+C stops a stream cleanly and keeps its text.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace juxta::cli {

class InterruptWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit InterruptWatcher(QObject* parent = nullptr);
    ~InterruptWatcher() override;

signals:
    void interrupted();

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace juxta::cli
