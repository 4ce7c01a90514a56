// SPDX-License-Identifier: GPL-3.0-or-later
// The history file: opening it in WAL mode, checking its integrity, backing it up and migrating it forward, and
// recovering what can be read from a damaged one. Synchronous: it runs on HistoryService's thread (or in tests).
#pragma once

#include "storage/ConversationStore.h"

#include <QLockFile>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <memory>

namespace juxta {

struct HistoryOpenReport
{
    bool ok = false;
    bool persistent = true;   // false: history lives in memory for this session (the file could not be used)
    int fromVersion = 0;      // the file's schema version before opening (0: new file)
    int toVersion = 0;
    QString backupPath;       // the copy made before a migration, or of a damaged file
    QString error;            // why the file could not be used, in words for the user
    QStringList notes;        // what was done: "upgraded from version 1", "recovered 3 of 4 conversations", …
    bool fullCheck = false;   // the whole file was checked (integrity_check): the last session did not close it
};

class HistoryDatabase
{
public:
    static QString defaultPath(); // $XDG_DATA_HOME/juxta/history.sqlite
    // ":memory:" for a database that lives only as long as this object.
    explicit HistoryDatabase(QString path);
    ~HistoryDatabase();
    HistoryDatabase(const HistoryDatabase&) = delete;
    HistoryDatabase& operator=(const HistoryDatabase&) = delete;

    // Opens, checks and migrates to `targetVersion` (tests build older versions with it). A file from a newer
    // Juxta is left untouched and reported; a damaged file is moved aside and what can be read is copied into
    // a fresh database.
    HistoryOpenReport open(int targetVersion = -1);
    bool isOpen() const { return m_store != nullptr; }
    const QString& path() const { return m_path; }

    QString integrityCheck();     // "ok", or SQLite's findings
    int schemaVersion();
    QSqlDatabase connection() const { return QSqlDatabase::database(m_connectionName, false); }
    ConversationStore& conversations() { return *m_store; }

private:
    enum class FileHealth { Ok, Damaged, Unreadable };
    FileHealth checkHealth(QString& findings, bool full);
    bool lastSessionEndedUncleanly(); // a session lock of a process that is gone (taken over and removed)
    void holdSession();               // this process's own, until a clean close
    bool openConnection(const QString& path, QString& error);
    void closeConnection();
    bool configure(QString& error);
    bool migrate(int from, int to, HistoryOpenReport& report);
    bool backup(const QString& target, QString& error);
    bool setAside(HistoryOpenReport& report, const QString& reason);
    void recoverFrom(const QString& damagedPath, HistoryOpenReport& report);

    QString m_path;
    QString m_connectionName;
    QString m_recoverFrom;
    std::unique_ptr<ConversationStore> m_store;
    // Held while this process has the file open and removed on a clean close: one left by a process that is gone
    // means it crashed or was killed, and the next open checks the whole file instead of the quick check.
    std::unique_ptr<QLockFile> m_session;
};

} // namespace juxta
