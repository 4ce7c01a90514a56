// SPDX-License-Identifier: GPL-3.0-or-later
// The app's settings beside its configuration ($XDG_CONFIG_HOME/juxta/juxta.conf), and the one move from where
// older versions kept them: done once, never over a newer file, the old folder removed only when empty.
#include "config/SettingsLocation.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;

class TestSettingsLocation : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void settingsSitBesideTheConfiguration();
    void oldFileMovesOnce();
    void newerFileIsNeverReplaced();

private:
    void write(const QString& path, const QByteArray& text);
    QByteArray read(const QString& path);
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestSettingsLocation::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    qputenv("XDG_CONFIG_HOME", m_home->path().toUtf8());
}

void TestSettingsLocation::write(const QString& path, const QByteArray& text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

QByteArray TestSettingsLocation::read(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestSettingsLocation::settingsSitBesideTheConfiguration()
{
    QCoreApplication::setOrganizationName(QString::fromLatin1(kSettingsOrganization));
    QCoreApplication::setApplicationName(u"juxta"_s);
    QCOMPARE(settingsFilePath(), m_home->filePath(u"juxta/juxta.conf"_s));
    QCOMPARE(QSettings().fileName(), settingsFilePath()); // what the app's QSettings() opens
    QCOMPARE(legacySettingsFilePath(), m_home->filePath(u"Juxta/juxta.conf"_s));
}

void TestSettingsLocation::oldFileMovesOnce()
{
    write(legacySettingsFilePath(), "[window]\ngeometry=old\n");
    QVERIFY(moveLegacySettings());
    QCOMPARE(read(settingsFilePath()), QByteArray("[window]\ngeometry=old\n"));
    QVERIFY(!QFile::exists(legacySettingsFilePath()));
    QVERIFY(!QDir(m_home->filePath(u"Juxta"_s)).exists()); // the empty old folder is gone
    QVERIFY(moveLegacySettings()); // nothing left to do
    QCOMPARE(read(settingsFilePath()), QByteArray("[window]\ngeometry=old\n"));
}

void TestSettingsLocation::newerFileIsNeverReplaced()
{
    write(legacySettingsFilePath(), "old");
    write(m_home->filePath(u"Juxta/other.txt"_s), "the user's");
    write(settingsFilePath(), "new");
    QVERIFY(moveLegacySettings());
    QCOMPARE(read(settingsFilePath()), QByteArray("new"));
    QCOMPARE(read(legacySettingsFilePath()), QByteArray("old")); // left for the user to see
    QVERIFY(QFile::exists(m_home->filePath(u"Juxta/other.txt"_s)));
}

QTEST_GUILESS_MAIN(TestSettingsLocation)
#include "TestSettingsLocation.moc"
