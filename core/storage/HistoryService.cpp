// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/HistoryService.h"

#include <QSemaphore>

using namespace Qt::StringLiterals;

namespace juxta {

HistoryService::HistoryService(const QString& path, QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<HistoryOpenReport>();
    m_thread.setObjectName(u"juxta-history"_s);
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();

    const QString file = path.isEmpty() ? HistoryDatabase::defaultPath() : path;
    QMetaObject::invokeMethod(m_worker, [this, file] {
        m_database = new HistoryDatabase(file);
        HistoryOpenReport report = m_database->open();
        if (!report.ok) {
            // Chatting still works; nothing is kept after the session, and the user is told why.
            delete m_database;
            m_database = new HistoryDatabase(u":memory:"_s);
            const QString why = report.error;
            const QString backup = report.backupPath;
            const int from = report.fromVersion;
            report = m_database->open();
            report.persistent = false;
            report.error = why;
            report.backupPath = backup;
            report.fromVersion = from;
        }
        QMetaObject::invokeMethod(this, [this, report] {
            m_report = report;
            emit opened(report);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

HistoryService::~HistoryService()
{
    // Blocking and queued: runs after every job posted before it (a quitting thread would drop them), so the last
    // answer of a session is on disk before the process goes.
    QMetaObject::invokeMethod(m_worker, [this] {
        delete m_database;
        m_database = nullptr;
    }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void HistoryService::post(Job job)
{
    QMetaObject::invokeMethod(m_worker, [this, job = std::move(job)] {
        if (m_database && m_database->isOpen())
            job(m_database->conversations());
    }, Qt::QueuedConnection);
}

void HistoryService::write(WriteJob job)
{
    QPointer<HistoryService> self(this);
    post([job = std::move(job), self](ConversationStore& store) {
        if (job(store))
            return;
        QString error = store.lastError();
        if (error.contains(u"database or disk is full"_s, Qt::CaseInsensitive))
            error = u"the disk is full (what was saved before is safe; saving goes on once there is room): "_s + error;
        QMetaObject::invokeMethod(self.data(), [self, error] {
            if (self)
                emit self->writeFailed(error);
        }, Qt::QueuedConnection);
    });
}

void HistoryService::flush()
{
    QSemaphore done;
    QMetaObject::invokeMethod(m_worker, [&done] { done.release(); }, Qt::QueuedConnection);
    done.acquire();
}

} // namespace juxta
