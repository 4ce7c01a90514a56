// SPDX-License-Identifier: GPL-3.0-or-later
// The config file on disk: $XDG_CONFIG_HOME/juxta/config.json unless `--config FILE` names another.
// Written atomically (QSaveFile) with owner-only permissions. A file that cannot be read at all is copied aside,
// reported and left untouched (read-only) until the user starts fresh; single bad entries are skipped with a
// warning after the same backup; a file from a newer Juxta is left untouched.
#pragma once

#include "config/AppConfig.h"

#include <QDateTime>
#include <QString>

#include <functional>

namespace juxta {

class ConfigStore
{
public:
    explicit ConfigStore(QString path = defaultPath());
    static QString defaultPath();

    struct LoadReport
    {
        bool ok = true;
        QString error;      // what was wrong with the file
        QString backupPath; // where the unreadable file was copied before anything else happens
    };
    // Missing file: ok, empty configuration. Unreadable file: defaults in memory, the original kept, a copy
    // at `backupPath`, and the report says so.
    LoadReport load();
    bool save(QString* error = nullptr);
    // Re-reads the file first when another process (the command line, a second window) changed it since we last
    // read or wrote it, then applies `change` and saves: nobody's edits are overwritten with a stale copy. If the
    // re-read is not clean, or saving fails, nothing changes in memory either and `error` says why.
    bool update(const std::function<void(AppConfig&)>& change, QString* error = nullptr);
    bool reloadIfChanged(QString* error = nullptr);
    // After a file that could not be read at all: the user chose to start over (the backup stays).
    void startFresh() { m_readOnly = false; }

    const QString& path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }
    AppConfig& config() { return m_config; }
    const AppConfig& config() const { return m_config; }

private:
    void noteSynced();

    QString m_path;
    AppConfig m_config;
    bool m_readOnly = false;
    QByteArray m_syncedDigest; // of the file as we last read or wrote it
};

} // namespace juxta
