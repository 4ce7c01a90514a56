// SPDX-License-Identifier: GPL-3.0-or-later
// Nothing is lost when the app dies mid-answer: `juxta ask --save` streams from a slow fake server and is killed
// with SIGKILL; the history then holds the question and the partial answer (saved at most about a second before
// the kill), marked interrupted, and SQLite's integrity check passes.
#include "FakeProviderServer.h"
#include "StreamScripts.h"
#include "storage/HistoryDatabase.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace juxta;
using namespace juxta::test;

class TestChatCrash : public QObject
{
    Q_OBJECT

private slots:
    void killedMidAnswerKeepsThePartialAnswer_data();
    void killedMidAnswerKeepsThePartialAnswer();
};

void TestChatCrash::killedMidAnswerKeepsThePartialAnswer_data()
{
    QTest::addColumn<int>("killAfterMs"); // after the first byte of the answer
    QTest::newRow("early") << 1300;
    QTest::newRow("later") << 3100;
}

void TestChatCrash::killedMidAnswerKeepsThePartialAnswer()
{
    QFETCH(int, killAfterMs);
    QTemporaryDir home;
    QVERIFY(home.isValid());
    FakeProviderServer server;
    QVERIFY(server.listen());
    constexpr int kPieceMs = 50;
    StreamScript script;
    script.pieces = proseTokens(400); // 20 s: never finishes before the kill
    script.delayMs = kPieceMs;
    server.enqueue(openAiStream(script));

    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    env.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
    child.setProcessEnvironment(env);
    child.start(QStringLiteral(JUXTA_BINARY), {u"ask"_s, u"--save"_s, u"--base-url"_s, server.baseUrl().toString(),
                                               u"--model"_s, u"slow-model"_s, u"Tell me a long story"_s});
    QVERIFY(child.waitForStarted());
    QSignalSpy requested(&server, &FakeProviderServer::requestReceived);
    QVERIFY(requested.wait(10'000));
    QElapsedTimer sinceRequest;
    sinceRequest.start();
    QTest::qWait(killAfterMs);
    const qint64 killedAtMs = sinceRequest.elapsed();
    ::kill(pid_t(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(5000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    HistoryDatabase db(home.filePath(u"data/juxta/history.sqlite"_s));
    const HistoryOpenReport report = db.open();
    QVERIFY2(report.ok, qPrintable(report.error));
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error)); // not treated as damaged
    QVERIFY(report.fullCheck); // the killed process never closed the file: the whole of it was checked
    QCOMPARE(db.integrityCheck(), u"ok"_s);
    {
        HistoryDatabase again(home.filePath(u"data/juxta/history.sqlite"_s)); // this process still has it open
        const HistoryOpenReport quick = again.open();
        QVERIFY(quick.ok);
        QVERIFY(!quick.fullCheck); // no session left behind by a dead process any more: the quick check
    }
    const QList<ConversationRecord> list = db.conversations().listConversations();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.constFirst().title, u"Tell me a long story"_s);
    const std::optional<Conversation> c = db.conversations().loadConversation(list.constFirst().id);
    QVERIFY(c);
    QCOMPARE(c->messages.size(), 2);
    QCOMPARE(c->messages.at(0).content, u"Tell me a long story"_s);
    const MessageRecord& answer = c->messages.at(1);
    QCOMPARE(answer.parentId, c->messages.at(0).id);
    QCOMPARE(answer.state, MessageState::Interrupted);
    QVERIFY(isIncomplete(answer.state));

    // What was saved is the start of the answer, and no older than about a second before the kill (the save
    // interval plus scheduling slack on a busy machine).
    const QString full = script.pieces.join(QString());
    QVERIFY(!answer.content.isEmpty());
    QVERIFY(full.startsWith(answer.content));
    const int streamedBySaveDeadline = int((killedAtMs - 1000 - 400) / kPieceMs);
    const QString mustHave = script.pieces.mid(0, qMax(1, streamedBySaveDeadline)).join(QString());
    QVERIFY2(answer.content.size() >= mustHave.size(),
             qPrintable(u"saved %1 characters; %2 had streamed a second before the kill at %3 ms"_s
                            .arg(answer.content.size())
                            .arg(mustHave.size())
                            .arg(killedAtMs)));
    QVERIFY(answer.content.size() < full.size());
}

QTEST_GUILESS_MAIN(TestChatCrash)
#include "TestChatCrash.moc"
