// SPDX-License-Identifier: GPL-3.0-or-later
// The config file on disk: $XDG_CONFIG_HOME/juxta/config.json unless `--config FILE` names another.
// Written atomically (QSaveFile) with owner-only permissions. A file that cannot be read is copied aside
// and reported, never silently replaced; a file from a newer Juxta is left untouched (read-only).
#pragma once

#include "config/AppConfig.h"

#include <QString>

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

    const QString& path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }
    AppConfig& config() { return m_config; }
    const AppConfig& config() const { return m_config; }

private:
    QString m_path;
    AppConfig m_config;
    bool m_readOnly = false;
};

} // namespace juxta
