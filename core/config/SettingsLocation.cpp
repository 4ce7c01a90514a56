// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/SettingsLocation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace juxta {

QString settingsFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/juxta/juxta.conf"_s;
}

QString legacySettingsFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/Juxta/juxta.conf"_s;
}

bool moveLegacySettings(QString* error)
{
    const QString from = legacySettingsFilePath();
    const QString to = settingsFilePath();
    if (!QFile::exists(from) || QFile::exists(to))
        return true; // nothing to move, or the new file is the one in use: the old one stays for the user to see
    if (!QDir().mkpath(QFileInfo(to).absolutePath()) || !QFile::rename(from, to)) {
        if (error)
            *error = u"could not move %1 to %2"_s.arg(from, to);
        return false;
    }
    QDir().rmdir(QFileInfo(from).absolutePath()); // only if it is empty now
    return true;
}

} // namespace juxta
