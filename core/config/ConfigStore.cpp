// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/ConfigStore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr qint64 kMaxConfigBytes = 8 * 1024 * 1024;

// What the file holds, to tell whether another process wrote it (timestamps can be too coarse).
QByteArray fileDigest(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.read(kMaxConfigBytes + 1), QCryptographicHash::Sha256);
}

QString backupCopy(const QString& path)
{
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    QString target = u"%1.corrupt-%2"_s.arg(path, stamp);
    for (int n = 2; QFile::exists(target); ++n)
        target = u"%1.corrupt-%2-%3"_s.arg(path, stamp).arg(n);
    return QFile::copy(path, target) ? target : QString();
}

} // namespace

ConfigStore::ConfigStore(QString path) : m_path(std::move(path)) {}

QString ConfigStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/juxta/config.json"_s;
}

ConfigStore::LoadReport ConfigStore::load()
{
    m_config = {};
    m_readOnly = false;
    LoadReport report;
    QFile file(m_path);
    noteSynced();
    if (!file.exists())
        return report;
    if (!file.open(QIODevice::ReadOnly)) {
        report.ok = false;
        report.error = u"cannot read %1: %2"_s.arg(m_path, file.errorString());
        m_readOnly = true; // a file we cannot read is not a file we may overwrite
        return report;
    }
    const QByteArray bytes = file.read(kMaxConfigBytes + 1);
    QString problem;
    QStringList warnings;
    std::optional<AppConfig> parsed;
    if (bytes.size() > kMaxConfigBytes)
        problem = u"the file is larger than 8 MiB"_s;
    else
        parsed = configFromJson(bytes, &problem, &warnings);
    if (parsed) {
        m_config = std::move(*parsed);
        if (warnings.isEmpty())
            return report;
        // Usable, minus some entries: those are in the backup, and the next save leaves them out.
        report.ok = false;
        report.backupPath = backupCopy(m_path);
        report.error = u"%1: %2"_s.arg(m_path, warnings.join(u"; "_s));
        if (report.backupPath.isEmpty())
            m_readOnly = true;
        else
            report.error += u" (the file as it was is kept at %1)"_s.arg(report.backupPath);
        return report;
    }
    report.ok = false;
    m_readOnly = true; // never replaced behind the user's back
    report.error = u"%1 is not a valid Juxta configuration (%2)"_s.arg(m_path, problem);
    if (configVersionOf(bytes).value_or(0) > kConfigVersion) {
        report.error += u"; it is left as it is and changes are not saved"_s;
        return report;
    }
    report.backupPath = backupCopy(m_path);
    report.error += report.backupPath.isEmpty()
                        ? u"; it is left as it is and changes are not saved"_s
                        : u"; a copy is kept at %1 and changes are not saved until you fix or remove the file, or "
                          "start with an empty configuration"_s.arg(report.backupPath);
    return report;
}

void ConfigStore::noteSynced()
{
    m_syncedDigest = fileDigest(m_path);
}

bool ConfigStore::reloadIfChanged(QString* error)
{
    if (fileDigest(m_path) == m_syncedDigest)
        return true;
    const LoadReport report = load();
    if (!report.ok && error)
        *error = report.error;
    return report.ok;
}

bool ConfigStore::update(const std::function<void(AppConfig&)>& change, QString* error)
{
    // Someone else's edit that cannot be read back whole is never overwritten automatically: the user sees why.
    if (!m_readOnly && !reloadIfChanged(error))
        return false;
    const AppConfig before = m_config;
    if (change)
        change(m_config);
    if (save(error))
        return true;
    m_config = before; // what is in memory stays what is on disk
    return false;
}

bool ConfigStore::save(QString* error)
{
    if (m_readOnly) {
        if (error)
            *error = u"%1 was not loaded cleanly, so it is not overwritten"_s.arg(m_path);
        return false;
    }
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = u"cannot write %1: %2"_s.arg(m_path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(configToJson(m_config));
    if (!file.commit()) {
        if (error)
            *error = u"cannot write %1: %2"_s.arg(m_path, file.errorString());
        return false;
    }
    noteSynced();
    return true;
}

} // namespace juxta
