// SPDX-License-Identifier: GPL-3.0-or-later
// The real `juxta ask` against servers that never stop: reasoning streamed without end is cut at the size limit
// with the process's peak memory under three times the limit plus what a small answer needs; keep-alive comments
// forever end at the duration limit. Both print what arrived, say why in words, and exit 1.
#include "FakeProviderServer.h"
#include "StreamScripts.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <QFile>

#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

using namespace Qt::StringLiterals;
using namespace juxta::test;

namespace {

struct Finished
{
    int exitCode = -1;
    qint64 peakKiB = 0; // the child's maximum resident set
    qint64 elapsedMs = 0;
    QByteArray out;
    QByteArray err;
};

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Runs the binary with posix_spawn so wait4() can report its peak memory; the fake server keeps being served by
// this thread's event loop meanwhile.
Finished runJuxta(const QStringList& args, const QTemporaryDir& dir)
{
    const QString outPath = dir.filePath(u"out.txt"_s), errPath = dir.filePath(u"err.txt"_s);
    QList<QByteArray> argv8{QByteArray(JUXTA_BINARY)};
    for (const QString& a : args)
        argv8.append(a.toUtf8());
    QList<char*> argv;
    for (QByteArray& a : argv8)
        argv.append(a.data());
    argv.append(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, QFile::encodeName(outPath).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, QFile::encodeName(errPath).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    Finished f;
    pid_t pid = 0;
    QElapsedTimer clock;
    clock.start();
    if (posix_spawn(&pid, argv8.constFirst().constData(), &actions, nullptr, argv.data(), environ) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return f;
    }
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    rusage usage{};
    while (true) {
        const pid_t done = ::wait4(pid, &status, WNOHANG, &usage);
        if (done == pid)
            break;
        if (clock.elapsed() > 60'000) {
            ::kill(pid, SIGKILL);
            ::wait4(pid, &status, 0, &usage);
            break;
        }
        QTest::qWait(20);
    }
    f.elapsedMs = clock.elapsed();
    f.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    f.peakKiB = usage.ru_maxrss;
    f.out = readAll(outPath);
    f.err = readAll(errPath);
    return f;
}

} // namespace

class TestAnswerLimitsCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void endlessReasoningStaysWithinMemory();
    void keepAliveForeverEndsAtTheDurationLimit();

private:
    QStringList askArgs(const QStringList& extra) const;

    FakeProviderServer* m_server = nullptr;
    QTemporaryDir* m_dir = nullptr;
};

void TestAnswerLimitsCli::init()
{
    m_server = new FakeProviderServer(this);
    QVERIFY(m_server->listen());
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
}

void TestAnswerLimitsCli::cleanup()
{
    delete m_server;
    delete m_dir;
}

QStringList TestAnswerLimitsCli::askArgs(const QStringList& extra) const
{
    return QStringList{u"ask"_s, u"--base-url"_s, m_server->baseUrl().toString(), u"--model"_s, u"m"_s,
                       u"--config"_s, m_dir->filePath(u"config.json"_s)} + extra + QStringList{u"hi"_s};
}

void TestAnswerLimitsCli::endlessReasoningStaysWithinMemory()
{
    // The baseline: the same command with a small, complete answer.
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/stream_basic.http"_s));
    const Finished small = runJuxta(askArgs({}), *m_dir);
    QCOMPARE(small.exitCode, 0);

    const qint64 limitMiB = 8;
    ScriptedResponse endless = openAiStreamHead();
    const QByteArray chunk = openAiDeltaEvent("reasoning_content", QByteArray(4000, 'r') + " think ");
    // About 6 MB/s of reasoning, for ever: a thousand times what a model writes. (A flood with no pause at all is
    // cut by the backlog guard, see TestAnswerLimits::aFloodingServerIsCutOff.)
    endless.writes = {{openAiDeltaEvent("content", "Before thinking."), 0}, {chunk.repeated(16), 10}};
    m_server->enqueue(endless.repeatForever(1));
    const Finished cut = runJuxta(askArgs({u"--max-answer-size"_s, QString::number(limitMiB)}), *m_dir);
    QCOMPARE(cut.exitCode, 1);
    QVERIFY2(cut.err.contains("size limit"), cut.err.constData());
    QVERIFY2(cut.out.contains("Before thinking."), cut.out.left(200).constData());
    const qint64 allowedKiB = small.peakKiB + 3 * limitMiB * 1024;
    qInfo("peak memory: small answer %lld KiB, %lld MiB of reasoning cut at the limit %lld KiB (allowed %lld KiB)",
          small.peakKiB, limitMiB, cut.peakKiB, allowedKiB);
#if defined(__SANITIZE_ADDRESS__)
    qInfo("AddressSanitizer's quarantine keeps freed memory: the bound is checked in the ordinary build");
#else
    QVERIFY2(cut.peakKiB <= allowedKiB,
             qPrintable(u"peak %1 KiB > %2 KiB"_s.arg(cut.peakKiB).arg(allowedKiB)));
#endif
}

void TestAnswerLimitsCli::keepAliveForeverEndsAtTheDurationLimit()
{
    ScriptedResponse comments = openAiStreamHead();
    comments.writes = {{openAiDeltaEvent("content", "Partial words"), 0}, {": keep-alive\n\n", 200}};
    m_server->enqueue(comments.repeatForever(1));
    const Finished ended = runJuxta(askArgs({u"--max-duration"_s, u"2"_s, u"--idle-timeout"_s, u"1"_s}), *m_dir);
    QCOMPARE(ended.exitCode, 1);
    QVERIFY2(ended.err.contains("duration limit"), ended.err.constData());
    QVERIFY(ended.out.contains("Partial words"));
    QVERIFY2(ended.elapsedMs >= 1900 && ended.elapsedMs < 15'000, qPrintable(QString::number(ended.elapsedMs)));
}

QTEST_GUILESS_MAIN(TestAnswerLimitsCli)
#include "TestAnswerLimitsCli.moc"
