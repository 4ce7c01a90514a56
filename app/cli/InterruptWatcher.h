// SPDX-License-Identifier: GPL-3.0-or-later
// Turns SIGINT/SIGTERM into a Qt signal (self-pipe), so Ctrl+C stops a stream cleanly and keeps its text; the
// command then exits as the shell expects of an interrupted program: 128 + the signal (130 for Ctrl+C, 143 for TERM).
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

    // `otherwise` when no signal came, else 128 + the signal's number.
    int exitStatus(int otherwise) const { return m_signal ? 128 + m_signal : otherwise; }

signals:
    void interrupted();

private:
    QSocketNotifier* m_notifier = nullptr;
    int m_signal = 0;
};

} // namespace juxta::cli
