// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/HistoryDatabase.h"

#include "storage/Migrations.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QAtomicInt g_connectionCounter;

const QString kMemory = u":memory:"_s;

QString timeSuffix()
{
    return QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
}

// "history.sqlite.v1-backup-20261124-193000", made unique if a backup of the same second exists.
QString freePath(const QString& base)
{
    QString candidate = base;
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = base + u'-' + QString::number(n);
    return candidate;
}

QString sqlError(const QSqlQuery& query)
{
    return query.lastError().text();
}

} // namespace

QString HistoryDatabase::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/juxta/history.sqlite"_s;
}

HistoryDatabase::HistoryDatabase(QString path)
    : m_path(std::move(path))
    , m_connectionName(u"juxta-history-%1"_s.arg(g_connectionCounter.fetchAndAddRelaxed(1)))
{
}

HistoryDatabase::~HistoryDatabase()
{
    closeConnection();
    m_session.reset(); // a clean close: the next open needs only the quick check
}

bool HistoryDatabase::lastSessionEndedUncleanly()
{
    // One lock file per process that has the file open; a live process keeps its own, a dead one's is stale.
    const QFileInfo file(m_path);
    bool unclean = false;
    const QStringList sessions = QDir(file.absolutePath())
                                     .entryList({file.fileName() + u".session-*.lock"_s}, QDir::Files | QDir::Hidden);
    for (const QString& name : sessions) {
        QLockFile other(file.absolutePath() + u'/' + name);
        other.setStaleLockTime(0); // stale only when its process is gone, however long it has run
        if (other.tryLock(0)) {    // taken over from a dead process
            unclean = true;
            other.unlock();
        }
    }
    return unclean;
}

void HistoryDatabase::holdSession()
{
    if (m_session)
        return;
    m_session = std::make_unique<QLockFile>(u"%1.session-%2.lock"_s.arg(m_path).arg(QCoreApplication::applicationPid()));
    m_session->setStaleLockTime(0);
    m_session->tryLock(0);
}

bool HistoryDatabase::openConnection(const QString& path, QString& error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(path);
    if (!db.open()) {
        error = db.lastError().text();
        return false;
    }
    return true;
}

void HistoryDatabase::closeConnection()
{
    m_store.reset();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid())
            db.close();
    }
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

bool HistoryDatabase::configure(QString& error)
{
    QSqlQuery query(connection());
    // WAL: readers never block the writer, and a crash mid-write leaves the last committed state.
    // synchronous=NORMAL is durable across application crashes in WAL mode, which is the case we must survive.
    const QStringList pragmas = {u"PRAGMA busy_timeout = 5000"_s, u"PRAGMA foreign_keys = ON"_s,
                                 u"PRAGMA synchronous = NORMAL"_s};
    if (m_path != kMemory) {
        if (!query.exec(u"PRAGMA journal_mode = WAL"_s) || !query.next()
            || query.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
            error = u"cannot switch the history database to WAL mode: %1"_s.arg(sqlError(query));
            return false;
        }
    }
    for (const QString& pragma : pragmas) {
        if (!query.exec(pragma)) {
            error = sqlError(query);
            return false;
        }
    }
    return true;
}

namespace {

// SQLite's primary result codes that mean the file itself is bad, not merely busy or unreachable.
bool meansDamage(const QSqlError& error)
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    return code == 11 /* SQLITE_CORRUPT */ || code == 26 /* SQLITE_NOTADB */;
}

} // namespace

HistoryDatabase::FileHealth HistoryDatabase::checkHealth(QString& findings, bool full)
{
    QSqlQuery query(connection());
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next()) {
        findings = query.lastError().text();
        return meansDamage(query.lastError()) ? FileHealth::Damaged : FileHealth::Unreadable;
    }
    // quick_check skips matching indexes to their tables: linear in the file, fast enough for every start. The full
    // check runs after a crash, when a torn write is likeliest.
    if (!query.exec(full ? u"PRAGMA integrity_check"_s : u"PRAGMA quick_check"_s)) {
        findings = query.lastError().text();
        return meansDamage(query.lastError()) ? FileHealth::Damaged : FileHealth::Unreadable;
    }
    QStringList lines;
    while (query.next())
        lines.append(query.value(0).toString());
    if (lines.isEmpty() || query.lastError().isValid()) { // the check itself did not finish
        findings = query.lastError().text();
        return meansDamage(query.lastError()) ? FileHealth::Damaged : FileHealth::Unreadable;
    }
    findings = lines.join(u"; "_s);
    return findings == u"ok"_s ? FileHealth::Ok : FileHealth::Damaged;
}

QString HistoryDatabase::integrityCheck()
{
    QSqlQuery query(connection());
    if (!query.exec(u"PRAGMA integrity_check"_s))
        return sqlError(query);
    QStringList findings;
    while (query.next())
        findings.append(query.value(0).toString());
    return findings.isEmpty() ? u"no answer from the integrity check"_s : findings.join(u"; "_s);
}

int HistoryDatabase::schemaVersion()
{
    QSqlQuery query(connection());
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return -1;
    return query.value(0).toInt();
}

HistoryOpenReport HistoryDatabase::open(int targetVersion)
{
    HistoryOpenReport report;
    closeConnection();
    const int target = targetVersion < 0 ? latestHistoryVersion() : qMin(targetVersion, latestHistoryVersion());
    report.toVersion = target;
    const bool inMemory = m_path == kMemory;
    const bool existed = !inMemory && QFileInfo(m_path).size() > 0;
    if (!inMemory && !QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        report.error = u"cannot create the folder for the history database %1"_s.arg(m_path);
        return report;
    }
    const bool unclean = !inMemory && lastSessionEndedUncleanly();
    if (!inMemory)
        holdSession();

    QString error;
    if (!openConnection(m_path, error)) {
        report.error = u"cannot open the history database %1: %2"_s.arg(m_path, error);
        return report;
    }
    if (existed) {
        // Another Juxta process may be writing: wait for it rather than mistake "busy" for damage.
        QSqlQuery(connection()).exec(u"PRAGMA busy_timeout = 5000"_s);
        QString findings;
        report.fullCheck = unclean;
        const FileHealth health = checkHealth(findings, unclean);
        if (unclean && health == FileHealth::Ok)
            report.notes.append(u"checked the whole history file: the last session did not close it"_s);
        if (health == FileHealth::Unreadable) {
            report.error = u"cannot read the history database %1: %2"_s.arg(m_path, findings);
            closeConnection();
            return report; // not damaged as far as we know: left exactly as it is
        }
        if (health == FileHealth::Damaged) {
            if (!setAside(report, findings))
                return report;
            if (!openConnection(m_path, error)) {
                report.error = u"cannot create a new history database %1: %2"_s.arg(m_path, error);
                return report;
            }
        } else if (const int version = schemaVersion(); version > latestHistoryVersion()) {
            // Never touch a newer file: the user may go back to the newer Juxta.
            report.fromVersion = version;
            report.error = u"the history database %1 was written by a newer version of Juxta (schema %2; this "
                           "version knows up to %3). It was left unchanged."_s
                               .arg(m_path)
                               .arg(version)
                               .arg(latestHistoryVersion());
            closeConnection();
            return report;
        } else {
            report.fromVersion = version;
        }
    }
    if (!configure(error)) {
        report.error = error;
        closeConnection();
        return report;
    }
    if (report.fromVersion > 0 && report.fromVersion < target) {
        report.backupPath = freePath(u"%1.v%2-backup-%3"_s.arg(m_path).arg(report.fromVersion).arg(timeSuffix()));
        if (!backup(report.backupPath, error)) {
            report.error = u"the history database needs an upgrade, but no backup could be made first (%1); it "
                           "was left unchanged"_s.arg(error);
            report.backupPath.clear();
            closeConnection();
            return report;
        }
    }
    if (!migrate(report.fromVersion, target, report)) {
        closeConnection();
        return report;
    }
    m_store = std::make_unique<ConversationStore>(connection());
    if (!m_recoverFrom.isEmpty()) {
        recoverFrom(m_recoverFrom, report);
        m_recoverFrom.clear();
    }
    report.ok = true;
    report.persistent = !inMemory;
    return report;
}

bool HistoryDatabase::backup(const QString& target, QString& error)
{
    // VACUUM INTO writes a consistent copy, WAL content included, without taking the file away from readers.
    QSqlQuery query(connection());
    query.prepare(u"VACUUM INTO ?"_s);
    query.addBindValue(target);
    if (!query.exec()) {
        error = sqlError(query);
        QFile::remove(target);
        return false;
    }
    return true;
}

bool HistoryDatabase::migrate(int from, int to, HistoryOpenReport& report)
{
    QSqlDatabase db = connection();
    for (const Migration& step : historyMigrations()) {
        if (step.version <= from || step.version > to)
            continue;
        if (!db.transaction()) {
            report.error = u"cannot start the history upgrade to version %1: %2"_s.arg(step.version).arg(db.lastError().text());
            return false;
        }
        QSqlQuery query(db);
        bool ok = true;
        QString failure;
        for (const QString& statement : step.statements) {
            if (!query.exec(statement)) {
                ok = false;
                failure = sqlError(query);
                break;
            }
        }
        if (ok && !query.exec(u"PRAGMA user_version = %1"_s.arg(step.version))) {
            ok = false;
            failure = sqlError(query);
        }
        if (!ok || !db.commit()) {
            db.rollback();
            report.error = u"the history upgrade to version %1 (%2) failed: %3. The database was left at version %4"_s
                               .arg(step.version)
                               .arg(step.description, failure.isEmpty() ? db.lastError().text() : failure)
                               .arg(step.version - 1);
            if (!report.backupPath.isEmpty())
                report.error += u"; a backup is at %1"_s.arg(report.backupPath);
            return false;
        }
    }
    if (from > 0 && from < to)
        report.notes.append(u"upgraded the history database from version %1 to %2"_s.arg(from).arg(to));
    return true;
}

bool HistoryDatabase::setAside(HistoryOpenReport& report, const QString& reason)
{
    closeConnection();
    const QString aside = freePath(u"%1.damaged-%2"_s.arg(m_path, timeSuffix()));
    // The file and its WAL move together, or not at all: a fresh database must never pick up the old WAL.
    QStringList moved;
    for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        if (suffix.isEmpty() || QFileInfo::exists(m_path + suffix)) {
            if (!QFile::rename(m_path + suffix, aside + suffix)) {
                for (const QString& back : std::as_const(moved))
                    QFile::rename(aside + back, m_path + back);
                report.error = u"the history database %1 is damaged (%2) and could not be moved aside; it was left as "
                               "it is"_s.arg(m_path, reason.left(300));
                return false;
            }
            moved.append(suffix);
        }
    }
    report.backupPath = aside;
    report.error = u"the history database was damaged (%1). It was moved to %2 and a new one was started"_s.arg(
        reason.left(300), aside);
    m_recoverFrom = aside; // what can be read is copied once the new database exists
    return true;
}

void HistoryDatabase::recoverFrom(const QString& damagedPath, HistoryOpenReport& report)
{
    // Row by row through ATTACH: every row SQLite can still read comes over (a bad page ends that table's copy,
    // not the whole recovery); the rest stays in the damaged copy, which is never deleted.
    QSqlDatabase db = connection();
    QSqlQuery query(db);
    query.prepare(u"ATTACH DATABASE ? AS damaged"_s);
    query.addBindValue(damagedPath);
    if (!query.exec()) {
        report.notes.append(u"recovered 0 conversations: the damaged file could not be read"_s);
        return;
    }
    QHash<QString, int> copied;
    // Parents before children (foreign keys); tables a damaged file from an older version lacks are skipped.
    for (const QString& table : {u"conversations"_s, u"messages"_s, u"request_log"_s, u"comparisons"_s,
                                 u"ratings"_s, u"votes"_s, u"answer_traces"_s}) {
        QSqlQuery columns(db);
        QStringList common;
        QSet<QString> ours;
        if (columns.exec(u"PRAGMA main.table_info(%1)"_s.arg(table))) {
            while (columns.next())
                ours.insert(columns.value(1).toString());
        }
        if (columns.exec(u"PRAGMA damaged.table_info(%1)"_s.arg(table))) {
            while (columns.next()) {
                const QString name = columns.value(1).toString();
                if (ours.contains(name))
                    common.append(name);
            }
        }
        if (common.isEmpty())
            continue;
        const QString list = common.join(u", "_s);
        QSqlQuery read(db);
        read.setForwardOnly(true);
        // Messages only with a conversation to show them in (the foreign key would refuse the others anyway).
        const QString where = table == u"messages"_s
            ? u" WHERE conversation_id IN (SELECT id FROM main.conversations)"_s : QString();
        if (!read.exec(u"SELECT %2 FROM damaged.%1%3"_s.arg(table, list, where)))
            continue;
        QSqlQuery write(db);
        write.prepare(u"INSERT OR IGNORE INTO main.%1 (%2) VALUES (%3)"_s.arg(
            table, list, QStringList(common.size(), u"?"_s).join(u", "_s)));
        db.transaction();
        while (read.next()) {
            for (int i = 0; i < common.size(); ++i)
                write.bindValue(i, read.value(i));
            if (write.exec() && write.numRowsAffected() > 0)
                ++copied[table];
        }
        db.commit();
    }
    query.exec(u"DETACH DATABASE damaged"_s);
    report.notes.append(u"recovered %1 conversations and %2 messages from the damaged file"_s
                            .arg(copied.value(u"conversations"_s))
                            .arg(copied.value(u"messages"_s)));
}

} // namespace juxta
