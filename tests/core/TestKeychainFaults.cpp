// SPDX-License-Identifier: GPL-3.0-or-later
// The keychain when it misbehaves: the test session's gnome-keyring daemon stopped with SIGSTOP (a hung or locked
// keyring) and no Secret Service at all. Either way a clear message comes back in bounded time, the event loop keeps
// running meanwhile, and the key is never written anywhere else instead.
#include "keys/SecretStore.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

// The newest gnome-keyring-daemon of this user: in the test session (dev.sh test) it is the session's own.
qint64 keyringDaemon()
{
    QProcess pgrep;
    pgrep.start(u"pgrep"_s, {u"-n"_s, u"-u"_s, QString::number(::getuid()), u"gnome-keyring-d"_s});
    if (!pgrep.waitForFinished(5000))
        return 0;
    return pgrep.readAllStandardOutput().trimmed().toLongLong();
}

// Every file under `root` that contains `needle`.
QStringList filesContaining(const QString& root, const QByteArray& needle)
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            found.append(f.fileName());
    }
    return found;
}

} // namespace

class TestKeychainFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aStoppedKeyringTimesOutWithoutFreezing();
    void noSecretServiceAtAllIsSaidAndNothingIsWrittenElsewhere();
};

void TestKeychainFaults::initTestCase()
{
    qputenv("JUXTA_KEYCHAIN_SERVICE", "org.juxta.Juxta.test-faults");
}

void TestKeychainFaults::aStoppedKeyringTimesOutWithoutFreezing()
{
    const qint64 daemon = keyringDaemon();
    if (daemon <= 0) {
        if (qEnvironmentVariable("JUXTA_REQUIRE_KEYCHAIN") == u"1"_s)
            QFAIL("no gnome-keyring-daemon in this session");
        QSKIP("no gnome-keyring-daemon in this session");
    }
    KeychainSecretStore store(nullptr, 1500);
    // Warm the D-Bus connection while the daemon answers, so the stop is what is measured.
    QVERIFY(waitFor([&](SecretStore::Handler done) { store.read(u"warm-up"_s, done); }).status
            != SecretResult::Status::Unavailable);

    QVERIFY(::kill(pid_t(daemon), SIGSTOP) == 0);
    auto resume = qScopeGuard([daemon] { ::kill(pid_t(daemon), SIGCONT); }); // whatever fails below
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
    ticker.start(50);
    QElapsedTimer clock;
    clock.start();
    const SecretResult read = waitFor([&](SecretStore::Handler done) { store.read(u"faults-profile"_s, done); });
    const qint64 readMs = clock.elapsed();
    const SecretResult written =
        waitFor([&](SecretStore::Handler done) { store.write(u"faults-profile"_s, u"sk-juxta-TESTKEY-stopped"_s, done); });
    resume.dismiss();
    ::kill(pid_t(daemon), SIGCONT);

    QCOMPARE(read.status, SecretResult::Status::Unavailable);
    QVERIFY2(read.message.contains(u"did not answer"_s), qPrintable(read.message));
    QVERIFY2(readMs >= 1400 && readMs < 5000, qPrintable(QString::number(readMs)));
    QVERIFY2(ticks >= 20, qPrintable(QString::number(ticks))); // the loop ran all along: no frozen window
    QCOMPARE(written.status, SecretResult::Status::Unavailable);
    QVERIFY(!QFile::exists(InsecureFileSecretStore::defaultPath())); // no quiet fallback to a file

    // Once the daemon runs again, so does the keychain. (A write the daemon queued while stopped may land now;
    // it is removed so the next run starts clean.)
    const SecretResult after = waitFor([&](SecretStore::Handler done) { store.read(u"faults-profile"_s, done); });
    QVERIFY2(after.status != SecretResult::Status::Unavailable, qPrintable(after.message));
    waitFor([&](SecretStore::Handler done) { store.remove(u"faults-profile"_s, done); });
}

void TestKeychainFaults::noSecretServiceAtAllIsSaidAndNothingIsWrittenElsewhere()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString config = home.filePath(u"config.json"_s);
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 1, "profiles": [{"id": "acme", "name": "Acme", "preset": "custom", "api": "openai",
                  "base_url": "https://llm.example.com/v1", "auth": "bearer"}]})");
    file.close();

    QProcess juxta;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=%1/no-bus"_s.arg(home.path()));
    env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    env.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
    juxta.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    juxta.start(QStringLiteral(JUXTA_BINARY), {u"key"_s, u"set"_s, u"acme"_s, u"--config"_s, config});
    QVERIFY(juxta.waitForStarted());
    juxta.write("sk-juxta-TESTKEY-nowhere\n");
    juxta.closeWriteChannel();
    QVERIFY(juxta.waitForFinished(60'000));
    const QByteArray err = juxta.readAllStandardError();
    QCOMPARE(juxta.exitStatus(), QProcess::NormalExit);
    QCOMPARE(juxta.exitCode(), 1);
    QVERIFY2(err.contains("keychain") || err.contains("Secret Service"), err.constData());
    QVERIFY2(err.contains("insecure_key_storage"), err.constData()); // what the user can do about it
    QVERIFY2(clock.elapsed() < 30'000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(filesContaining(home.path(), "TESTKEY-nowhere"), QStringList());
}

QTEST_GUILESS_MAIN(TestKeychainFaults)
#include "TestKeychainFaults.moc"
