// SPDX-License-Identifier: GPL-3.0-or-later
// The history database on its own thread. Callers post jobs; writes never wait, reads answer through a callback
// on the caller's thread. Jobs run in the order they were posted, so a read sees every earlier write.
#pragma once

#include "storage/HistoryDatabase.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <functional>

namespace juxta {

class HistoryService final : public QObject
{
    Q_OBJECT

public:
    // Opens `path` (default: HistoryDatabase::defaultPath()) on the worker thread. When the file cannot be used,
    // history lives in memory for the session and opened() says why.
    explicit HistoryService(const QString& path = {}, QObject* parent = nullptr);
    // Finishes every posted job, then closes the database.
    ~HistoryService() override;

    // A write returns false on failure; writeFailed() then carries the store's error.
    using WriteJob = std::function<bool(ConversationStore&)>;
    void write(WriteJob job);

    // `done` runs on this service's thread (the caller's, the UI thread) with the job's result; it is dropped if
    // `context` is gone by then.
    template <typename R>
    void read(std::function<R(ConversationStore&)> job, QObject* context, std::function<void(R)> done)
    {
        // The answer is posted to this service (which outlives every job) and checks `context` there, on the
        // caller's thread: the worker never touches an object that may be deleted meanwhile.
        QPointer<QObject> guard(context);
        post([this, job = std::move(job), guard, done = std::move(done)](ConversationStore& store) {
            R result = job(store);
            QMetaObject::invokeMethod(this, [guard, done, result = std::move(result)] {
                if (guard)
                    done(result);
            }, Qt::QueuedConnection);
        });
    }

    // Blocks until every job posted so far has run (tests, shutdown, the command line's last write).
    void flush();
    const HistoryOpenReport& openReport() const { return m_report; } // valid after opened()

signals:
    void opened(const juxta::HistoryOpenReport& report);
    void writeFailed(const QString& error);

private:
    using Job = std::function<void(ConversationStore&)>;
    void post(Job job);

    QThread m_thread;
    QObject* m_worker = nullptr;       // lives on m_thread
    HistoryDatabase* m_database = nullptr; // created and used on m_thread only
    HistoryOpenReport m_report;
};

} // namespace juxta

Q_DECLARE_METATYPE(juxta::HistoryOpenReport)
