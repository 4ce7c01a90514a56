// SPDX-License-Identifier: GPL-3.0-or-later
// Proves the test command's private Secret Service is real: write, read back and delete through QtKeychain.
// Fails (rather than skips) when JUXTA_REQUIRE_KEYCHAIN=1, which the README's test command sets.
#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kService = u"org.juxta.Juxta.test"_s;

template <typename Job>
void runJob(Job& job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

} // namespace

class TestKeychainSession : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
};

void TestKeychainSession::roundTrip()
{
    const QString secret = u"sk-test-ü-%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
    QKeychain::WritePasswordJob write(kService);
    write.setKey(u"roundtrip"_s);
    write.setTextData(secret);
    runJob(write);
    if (write.error() != QKeychain::NoError) {
        if (qEnvironmentVariable("JUXTA_REQUIRE_KEYCHAIN") == u"1"_s)
            QFAIL(qPrintable(u"no usable Secret Service: "_s + write.errorString()));
        QSKIP(qPrintable(u"no Secret Service in this session: "_s + write.errorString()));
    }
    QKeychain::ReadPasswordJob read(kService);
    read.setKey(u"roundtrip"_s);
    runJob(read);
    QCOMPARE(read.error(), QKeychain::NoError);
    QCOMPARE(read.textData(), secret);

    QKeychain::DeletePasswordJob remove(kService);
    remove.setKey(u"roundtrip"_s);
    runJob(remove);
    QCOMPARE(remove.error(), QKeychain::NoError);
    QKeychain::ReadPasswordJob gone(kService);
    gone.setKey(u"roundtrip"_s);
    runJob(gone);
    QCOMPARE(gone.error(), QKeychain::EntryNotFound);
}

QTEST_GUILESS_MAIN(TestKeychainSession)
#include "TestKeychainSession.moc"
