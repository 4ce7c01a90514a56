// SPDX-License-Identifier: GPL-3.0-or-later
// The history database: WAL, upgrades from every earlier schema with a backup first, transactional migrations,
// newer and damaged files, conversations with branches, search, undoable deletion, the request log, the threaded
// service, and AnswerRecorder saving a streaming answer from a real HTTP stream.
// Over 500 lines on purpose: the database, its service and the recorder share the rig of real files, threads and
// a fake HTTP server; one suite keeps every history guarantee in one place.
#include "FakeProviderServer.h"
#include "StreamScripts.h"
#include "answer/AnswerRecorder.h"
#include "common/MonotonicClock.h"
#include "routing/Scheduler.h"
#include "storage/HistoryDatabase.h"
#include "storage/HistoryService.h"
#include "storage/Migrations.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;
using namespace juxta::test;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

bool run(QSqlDatabase db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        qWarning() << sql << query.lastError().text();
        return false;
    }
    return true;
}

QVariant scalar(QSqlDatabase db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

// Rows as an older Juxta wrote them: one conversation, a question, and two answers (the second a regeneration).
QStringList fixtureRows(int version)
{
    QStringList sql;
    if (version >= 1) {
        sql << u"INSERT INTO conversations (id, title, created_at, updated_at, settings) VALUES"
               " ('c1', 'Old chat', 1000, 4000, '{\"model\":\"openai/gpt-4o\"}')"_s
            << u"INSERT INTO messages (id, conversation_id, parent_id, role, content, state, created_at) VALUES"
               " ('m1', 'c1', NULL, 'user', 'Hello 100%', 'complete', 1000)"_s
            << u"INSERT INTO messages (id, conversation_id, parent_id, role, content, state, created_at) VALUES"
               " ('m2', 'c1', 'm1', 'assistant', 'First answer', 'complete', 2000)"_s
            << u"INSERT INTO messages (id, conversation_id, parent_id, role, content, state, created_at) VALUES"
               " ('m3', 'c1', 'm1', 'assistant', 'Second answer', 'streaming', 3000)"_s;
    }
    if (version >= 2) {
        sql << u"UPDATE conversations SET pinned = 1, current_leaf = 'm2'"_s
            << u"UPDATE messages SET stats = '{\"cost_usd\":0.25,\"served_by\":\"openai/gpt-4o\"}' WHERE id = 'm2'"_s;
    }
    if (version >= 3) // version 3 keeps the running cost as it writes answers
        sql << u"UPDATE conversations SET total_cost_usd = 0.25"_s;
    return sql;
}

MessageRecord message(const QString& conversation, const QString& parent, MessageRole role, const QString& text,
                      qint64 createdMs)
{
    MessageRecord m;
    m.id = newRecordId();
    m.conversationId = conversation;
    m.parentId = parent;
    m.role = role;
    m.content = text;
    m.createdAt = QDateTime::fromMSecsSinceEpoch(createdMs, Qt::UTC);
    return m;
}

ConversationRecord conversation(const QString& title, qint64 updatedMs = 0)
{
    ConversationRecord c;
    c.id = newRecordId();
    c.title = title;
    c.createdAt = QDateTime::fromMSecsSinceEpoch(updatedMs, Qt::UTC);
    c.updatedAt = c.createdAt;
    return c;
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void newDatabaseIsWalAndLatest();
    void upgradesFromEveryEarlierVersion_data();
    void upgradesFromEveryEarlierVersion();
    void failedMigrationLeavesTheFileAsItWas();
    void newerDatabaseIsLeftAlone();
    void damagedFileIsSetAsideAndRecovered_data();
    void damagedFileIsSetAsideAndRecovered();
    void conversationsBranchesAndSearch();
    void deletionCanBeUndone();
    void streamingRowsOfAGoneWriterReadAsInterrupted();
    void requestLogRoundTrip();
    void serviceRunsJobsInOrderOffTheCallerThread();
    void serviceFallsBackToMemoryForAnUnusableFile();
    void serviceFinishesEveryWriteBeforeItGoes();
    void recorderSavesPartialTextWhileStreaming();
    void recorderRecordsFailuresAndStops_data();
    void recorderRecordsFailuresAndStops();

private:
    QString dbPath() const { return m_dir->filePath(u"history.sqlite"_s); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHistory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestHistory::cleanup()
{
    m_dir.reset();
}

void TestHistory::newDatabaseIsWalAndLatest()
{
    HistoryDatabase db(dbPath());
    const HistoryOpenReport report = db.open();
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(report.fromVersion, 0);
    QCOMPARE(report.toVersion, latestHistoryVersion());
    QVERIFY(report.backupPath.isEmpty()); // nothing to back up
    QCOMPARE(db.schemaVersion(), latestHistoryVersion());
    QCOMPARE(scalar(db.connection(), u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(scalar(db.connection(), u"PRAGMA foreign_keys"_s).toInt(), 1);
    QCOMPARE(db.integrityCheck(), u"ok"_s);
}

void TestHistory::upgradesFromEveryEarlierVersion_data()
{
    QTest::addColumn<int>("version");
    for (int v = 1; v < latestHistoryVersion(); ++v)
        QTest::addRow("from v%d", v) << v;
}

void TestHistory::upgradesFromEveryEarlierVersion()
{
    QFETCH(int, version);
    {
        HistoryDatabase old(dbPath());
        QVERIFY(old.open(version).ok);
        QCOMPARE(old.schemaVersion(), version);
        for (const QString& sql : fixtureRows(version))
            QVERIFY(run(old.connection(), sql));
    }
    HistoryDatabase db(dbPath());
    const HistoryOpenReport report = db.open();
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(report.fromVersion, version);
    QCOMPARE(db.schemaVersion(), latestHistoryVersion());
    QCOMPARE(db.integrityCheck(), u"ok"_s);
    QVERIFY(!report.notes.isEmpty());

    // The backup is a complete copy of the old file, at the old version.
    QVERIFY(QFileInfo::exists(report.backupPath));
    QVERIFY(report.backupPath.contains(u".v%1-backup-"_s.arg(version)));
    {
        HistoryDatabase backup(report.backupPath);
        QVERIFY(backup.open(version).ok);
        QCOMPARE(backup.schemaVersion(), version);
        QCOMPARE(scalar(backup.connection(), u"SELECT COUNT(*) FROM messages"_s).toInt(), 3);
    }

    const std::optional<Conversation> c = db.conversations().loadConversation(u"c1"_s);
    QVERIFY(c);
    QCOMPARE(c->record.title, u"Old chat"_s);
    QCOMPARE(c->messages.size(), 3);
    QCOMPARE(c->messages.at(0).content, u"Hello 100%"_s);
    QCOMPARE(c->messages.at(2).state, MessageState::Interrupted);
    QVERIFY(c->record.settingsJson.contains("gpt-4o"));
    if (version == 1) {
        QCOMPARE(c->record.currentLeafId, u"m3"_s); // the newest message's branch, as version 1 showed it
        QCOMPARE(c->record.pinned, false);
    } else {
        QCOMPARE(c->record.currentLeafId, u"m2"_s);
        QCOMPARE(c->record.pinned, true);
        QCOMPARE(c->record.totalCostUsd, 0.25); // from v2: computed by the version 3 step from the answers' costs
        QCOMPARE(c->messages.at(1).stats.servedBy, u"openai/gpt-4o"_s);
    }
    // Upgraded files take new writes.
    QVERIFY(db.conversations().saveMessage(message(u"c1"_s, u"m2"_s, MessageRole::User, u"More"_s, 5000)));
}

void TestHistory::failedMigrationLeavesTheFileAsItWas()
{
    {
        HistoryDatabase old(dbPath());
        QVERIFY(old.open(2).ok);
        for (const QString& sql : fixtureRows(2))
            QVERIFY(run(old.connection(), sql));
        // Something the version 3 step cannot cope with: a table of the same name already there.
        QVERIFY(run(old.connection(), u"CREATE TABLE request_log (x INTEGER)"_s));
    }
    HistoryDatabase db(dbPath());
    const HistoryOpenReport report = db.open();
    QVERIFY(!report.ok);
    QVERIFY2(report.error.contains(u"version 3"_s), qPrintable(report.error));
    QVERIFY2(report.error.contains(u"backup"_s), qPrintable(report.error));
    QVERIFY(QFileInfo::exists(report.backupPath));
    QVERIFY(!db.isOpen());

    // Nothing of the failed step stayed behind: still version 2, no new column.
    HistoryDatabase check(dbPath());
    QVERIFY(check.open(2).ok);
    QCOMPARE(check.schemaVersion(), 2);
    QSqlQuery query(check.connection());
    QVERIFY(!query.exec(u"SELECT total_cost_usd FROM conversations"_s));
    QCOMPARE(scalar(check.connection(), u"SELECT COUNT(*) FROM messages"_s).toInt(), 3);
}

void TestHistory::newerDatabaseIsLeftAlone()
{
    {
        HistoryDatabase db(dbPath());
        QVERIFY(db.open().ok);
        QVERIFY(run(db.connection(), u"PRAGMA user_version = 99"_s));
        QVERIFY(run(db.connection(), u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
    }
    const QByteArray before = fileHash(dbPath());
    HistoryDatabase db(dbPath());
    const HistoryOpenReport report = db.open();
    QVERIFY(!report.ok);
    QCOMPARE(report.fromVersion, 99);
    QVERIFY2(report.error.contains(u"newer version of Juxta"_s), qPrintable(report.error));
    QCOMPARE(fileHash(dbPath()), before);
    QVERIFY(QDir(m_dir->path()).entryList({u"*backup*"_s, u"*damaged*"_s}).isEmpty());
}

void TestHistory::damagedFileIsSetAsideAndRecovered_data()
{
    QTest::addColumn<bool>("garbage"); // true: not a database at all; false: a database whose index lies
    QTest::addColumn<int>("recovered");
    QTest::newRow("not a database") << true << 0;
    QTest::newRow("inconsistent index") << false << 2;
}

void TestHistory::damagedFileIsSetAsideAndRecovered()
{
    QFETCH(bool, garbage);
    QFETCH(int, recovered);
    if (garbage) {
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
    } else {
        HistoryDatabase db(dbPath());
        QVERIFY(db.open().ok);
        QVERIFY(db.conversations().createConversation(conversation(u"kept one"_s, 1)));
        QVERIFY(db.conversations().createConversation(conversation(u"kept two"_s, 2)));
        QSqlDatabase c = db.connection();
        QVERIFY(run(c, u"CREATE INDEX conversations_by_title ON conversations(title)"_s));
        // Make the index disagree with its table, as a torn write would.
        QVERIFY(run(c, u"PRAGMA writable_schema = ON"_s));
        QVERIFY(run(c, u"UPDATE sqlite_master SET sql = 'CREATE INDEX conversations_by_title ON conversations(created_at)'"
                       " WHERE name = 'conversations_by_title'"_s));
        QVERIFY(run(c, u"PRAGMA writable_schema = OFF"_s));
    }
    if (!garbage) {
        // A torn index is what a crash leaves, and only the full check finds it; the quick check on a normal start
        // does not. So this file is left as a process that died would leave it: its session lock still there.
        QProcess gone;
        gone.start(u"true"_s, {});
        QVERIFY(gone.waitForStarted(5000));
        const qint64 pid = gone.processId();
        QVERIFY(gone.waitForFinished(5000));
        QFile lock(dbPath() + u".session-%1.lock"_s.arg(pid));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(QByteArray::number(pid) + "\njuxta\n" + QSysInfo::machineHostName().toUtf8() + "\n");
    }
    HistoryDatabase db(dbPath());
    const HistoryOpenReport report = db.open();
    QVERIFY2(report.ok, qPrintable(report.error));
    QVERIFY2(report.error.contains(u"damaged"_s), qPrintable(report.error)); // said, even though it went on
    QCOMPARE(report.fullCheck, !garbage);
    QVERIFY(report.backupPath.contains(u".damaged-"_s));
    QVERIFY(QFileInfo::exists(report.backupPath));
    QCOMPARE(db.integrityCheck(), u"ok"_s);
    QCOMPARE(db.conversations().listConversations().size(), recovered);
    QVERIFY(report.notes.join(u' ').contains(u"recovered %1"_s.arg(recovered)));
}

void TestHistory::conversationsBranchesAndSearch()
{
    HistoryDatabase db(dbPath());
    QVERIFY(db.open().ok);
    ConversationStore& store = db.conversations();
    ConversationRecord a = conversation(u"Rust lifetimes"_s, 1000);
    ConversationRecord b = conversation(u"Pasta recipe"_s, 2000);
    QVERIFY(store.createConversation(a));
    QVERIFY(store.createConversation(b));

    const MessageRecord q = message(a.id, {}, MessageRole::User, u"Explain 'static"_s, 10);
    MessageRecord first = message(a.id, q.id, MessageRole::Assistant, u"It lives for the whole program."_s, 20);
    first.stats.costUsd = 0.5;
    first.stats.servedBy = u"openai/gpt-4o"_s;
    first.stats.ttftMs = 420;
    MessageRecord regenerated = message(a.id, q.id, MessageRole::Assistant, u"A 100% different answer"_s, 30);
    regenerated.stats.costUsd = 0.25;
    for (const MessageRecord& m : {q, first, regenerated})
        QVERIFY(store.saveMessage(m));
    QVERIFY(store.setPinned(b.id, true));

    // Pinned first, then most recently updated.
    QList<ConversationRecord> list = store.listConversations();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).id, b.id);
    QCOMPARE(list.at(1).id, a.id);
    QCOMPARE(list.at(1).totalCostUsd, 0.75);
    QCOMPARE(list.at(1).currentLeafId, regenerated.id); // the last saved message is the branch shown

    // Search matches titles and text, case-insensitively, with % and _ taken literally.
    QCOMPARE(store.listConversations(u"pasta"_s).size(), 1);
    QCOMPARE(store.listConversations(u"WHOLE PROGRAM"_s).constFirst().id, a.id);
    QCOMPARE(store.listConversations(u"100%"_s).size(), 1);
    QCOMPARE(store.listConversations(u"0%"_s).size(), 1);
    QCOMPARE(store.listConversations(u"1_0"_s).size(), 0);
    QCOMPARE(store.listConversations(u"nowhere"_s).size(), 0);

    QVERIFY(store.renameConversation(a.id, u"Lifetimes"_s));
    QVERIFY(store.setCurrentLeaf(a.id, first.id));
    const std::optional<Conversation> loaded = store.loadConversation(a.id);
    QVERIFY(loaded);
    QCOMPARE(loaded->record.title, u"Lifetimes"_s);
    QCOMPARE(loaded->record.currentLeafId, first.id);
    QCOMPARE(loaded->messages.size(), 3);
    QCOMPARE(loaded->messages.at(1), first); // every field, stats included, comes back
    QCOMPARE(loaded->messages.at(2).parentId, q.id);
}

void TestHistory::deletionCanBeUndone()
{
    HistoryDatabase db(dbPath());
    QVERIFY(db.open().ok);
    ConversationStore& store = db.conversations();
    const ConversationRecord c = conversation(u"Keep me"_s);
    QVERIFY(store.createConversation(c));
    QVERIFY(store.saveMessage(message(c.id, {}, MessageRole::User, u"hi"_s, 1)));
    QVERIFY(store.setDeleted(c.id, true));
    QVERIFY(store.listConversations().isEmpty());
    QVERIFY(store.setDeleted(c.id, false));
    QCOMPARE(store.listConversations().size(), 1);
    QVERIFY(store.setDeleted(c.id, true));
    QCOMPARE(store.purgeDeleted(), 1);
    QCOMPARE(scalar(db.connection(), u"SELECT COUNT(*) FROM messages"_s).toInt(), 0); // messages went with it
}

void TestHistory::streamingRowsOfAGoneWriterReadAsInterrupted()
{
    HistoryDatabase db(dbPath());
    QVERIFY(db.open().ok);
    ConversationStore& store = db.conversations();
    const ConversationRecord c = conversation(u"Streaming"_s);
    QVERIFY(store.createConversation(c));
    MessageRecord answer = message(c.id, {}, MessageRole::Assistant, QString(), 1);
    answer.state = MessageState::Streaming;
    store.setLive(answer.id, true);
    QVERIFY(store.saveMessage(answer));
    QVERIFY(store.savePartial(answer.id, u"partial text"_s, u"thinking"_s));
    std::optional<Conversation> loaded = store.loadConversation(c.id);
    QCOMPARE(loaded->messages.constFirst().state, MessageState::Streaming); // ours, still going
    QCOMPARE(loaded->messages.constFirst().content, u"partial text"_s);
    QCOMPARE(loaded->messages.constFirst().reasoning, u"thinking"_s);

    HistoryDatabase other(dbPath()); // another process, or this one after a restart
    QVERIFY(other.open().ok);
    loaded = other.conversations().loadConversation(c.id);
    QCOMPARE(loaded->messages.constFirst().state, MessageState::Interrupted);
    QCOMPARE(loaded->messages.constFirst().content, u"partial text"_s);
}

void TestHistory::requestLogRoundTrip()
{
    HistoryDatabase db(dbPath());
    QVERIFY(db.open().ok);
    AttemptLogRow failed;
    failed.messageId = u"m"_s;
    failed.target = u"openai/gpt-4o"_s;
    failed.errorClass = u"rate_limited"_s;
    failed.httpStatus = 429;
    failed.errorMessage = u"Rate limit reached"_s;
    failed.totalMs = 120;
    AttemptLogRow served;
    served.messageId = u"m"_s;
    served.attempt = 1;
    served.target = u"groq/llama"_s;
    served.parametersJson = u"{\"temperature\":0.2}"_s;
    served.ttftMs = 80;
    served.inputTokens = 10;
    served.outputTokens = 20;
    served.costUsd = 0.001;
    served.servedModel = u"llama-3.3-70b"_s;
    QVERIFY2(db.conversations().logAttempts({failed, served}), qPrintable(db.conversations().lastError()));
    const QList<AttemptLogRow> rows = db.conversations().attemptsFor(u"m"_s);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).httpStatus, 429);
    QCOMPARE(rows.at(0).errorClass, u"rate_limited"_s);
    QVERIFY(!rows.at(0).inputTokens);
    QCOMPARE(rows.at(1).ttftMs, std::optional<double>(80));
    QCOMPARE(rows.at(1).outputTokens, std::optional<qint64>(20));
    QCOMPARE(rows.at(1).costUsd, std::optional<double>(0.001));
    QCOMPARE(rows.at(1).parametersJson, u"{\"temperature\":0.2}"_s);
}

void TestHistory::serviceRunsJobsInOrderOffTheCallerThread()
{
    HistoryService service(dbPath());
    QSignalSpy opened(&service, &HistoryService::opened);
    QVERIFY(opened.wait(5000));
    QVERIFY(service.openReport().ok);
    QVERIFY(service.openReport().persistent);

    const ConversationRecord c = conversation(u"Threaded"_s);
    QThread* caller = QThread::currentThread();
    QThread* worker = nullptr;
    service.write([c, &worker](ConversationStore& store) {
        worker = QThread::currentThread();
        return store.createConversation(c);
    });
    QList<ConversationRecord> seen;
    QThread* callbackThread = nullptr;
    service.read<QList<ConversationRecord>>([](ConversationStore& store) { return store.listConversations(); }, this,
                                            [&](const QList<ConversationRecord>& list) {
                                                seen = list;
                                                callbackThread = QThread::currentThread();
                                            });
    QTRY_COMPARE(seen.size(), 1);
    QCOMPARE(seen.constFirst().title, u"Threaded"_s);
    QCOMPARE(callbackThread, caller);
    QVERIFY(worker != nullptr && worker != caller);

    QSignalSpy failed(&service, &HistoryService::writeFailed);
    service.write([c](ConversationStore& store) { return store.createConversation(c); }); // same id again
    QVERIFY(failed.wait(5000));
    QVERIFY(failed.constFirst().constFirst().toString().contains(u"UNIQUE"_s, Qt::CaseInsensitive));
}

void TestHistory::serviceFallsBackToMemoryForAnUnusableFile()
{
    {
        HistoryDatabase db(dbPath());
        QVERIFY(db.open().ok);
        QVERIFY(run(db.connection(), u"PRAGMA user_version = 99"_s));
    }
    HistoryService service(dbPath());
    QSignalSpy opened(&service, &HistoryService::opened);
    QVERIFY(opened.wait(5000));
    QVERIFY(service.openReport().ok);
    QVERIFY(!service.openReport().persistent);
    QVERIFY(service.openReport().error.contains(u"newer version"_s));
    bool created = false;
    service.write([&created](ConversationStore& store) {
        created = store.createConversation(conversation(u"in memory"_s));
        return created;
    });
    service.flush();
    QVERIFY(created);
}

void TestHistory::serviceFinishesEveryWriteBeforeItGoes()
{
    const ConversationRecord c = conversation(u"Last words"_s);
    {
        HistoryService service(dbPath());
        service.write([c](ConversationStore& store) { return store.createConversation(c); });
        for (int i = 0; i < 200; ++i) {
            const MessageRecord m = message(c.id, {}, MessageRole::User, QString::number(i), i);
            service.write([m](ConversationStore& store) { return store.saveMessage(m); });
        }
    } // destroyed at once, as at the end of `juxta ask --save` or when the window closes
    HistoryDatabase db(dbPath());
    QVERIFY(db.open().ok);
    QCOMPARE(db.conversations().loadConversation(c.id)->messages.size(), 200);
}

namespace {

struct RecorderRig
{
    explicit RecorderRig(const QString& path) : history(path)
    {
        QSignalSpy opened(&history, &HistoryService::opened);
        opened.wait(5000);
        QVERIFY(server.listen());
        conversationRecord = conversation(u"Recorder"_s);
        history.write([c = conversationRecord](ConversationStore& store) { return store.createConversation(c); });
    }

    Target target(const QString& model) const
    {
        Target t;
        t.profile.id = u"fake"_s;
        t.profile.baseUrl = server.baseUrl();
        t.model = model;
        return t;
    }

    HistoryService history;
    FakeProviderServer server;
    QNetworkAccessManager network;
    SteadyClock clock;
    EventLoopScheduler scheduler;
    ConversationRecord conversationRecord;
};

MessageRecord answerRow(const ConversationRecord& c)
{
    MessageRecord m;
    m.id = newRecordId();
    m.conversationId = c.id;
    m.stats.requestedModel = u"fake/model-a"_s;
    return m;
}

ChatRequest prompt()
{
    ChatRequest request;
    request.messages.append({ChatMessage::Role::User, u"Tell me a story"_s});
    request.temperature = 0.3;
    return request;
}

} // namespace

void TestHistory::recorderSavesPartialTextWhileStreaming()
{
    RecorderRig rig(dbPath());
    StreamScript script;
    script.pieces = proseTokens(40);
    script.delayMs = 100; // 4 s of streaming
    rig.server.enqueue(openAiStream(script));

    const QList<Target> targets{rig.target(u"model-a"_s)};
    ModelPrice price;
    price.base.input = 1.0;   // USD per 1M tokens
    price.base.output = 10.0;
    AnswerRecorder recorder(&rig.history, rig.clock, answerRow(rig.conversationRecord), prompt(), targets,
                            [price](const Target&) { return std::optional<ModelPrice>(price); });
    ResilientCall call({rig.network, rig.clock, rig.scheduler, nullptr, nullptr}, prompt(), targets, {}, {}, {}, 1);
    recorder.watch(call);
    QSignalSpy finished(&recorder, &AnswerRecorder::finished);
    call.start();

    // Another connection, as a crash-surviving reader would see the file: the partial text shows up within a
    // second of arriving and keeps growing.
    HistoryDatabase reader(dbPath());
    QVERIFY(reader.open().ok);
    auto savedText = [&] {
        const std::optional<Conversation> c = reader.conversations().loadConversation(rig.conversationRecord.id);
        return c && !c->messages.isEmpty() ? c->messages.constFirst().content : QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!savedText().isEmpty(), 2000);
    const qsizetype early = savedText().size();
    QVERIFY(early < script.pieces.join(QString()).size());
    QTRY_VERIFY_WITH_TIMEOUT(savedText().size() > early, 1500);

    QVERIFY(finished.wait(10'000));
    rig.history.flush();
    const std::optional<Conversation> c = reader.conversations().loadConversation(rig.conversationRecord.id);
    const MessageRecord& saved = c->messages.constFirst();
    QCOMPARE(saved.state, MessageState::Complete);
    QCOMPARE(saved.content, script.pieces.join(QString()));
    QCOMPARE(saved.stats.servedBy, u"fake/model-a"_s);
    QCOMPARE(saved.stats.inputTokens, std::optional<qint64>(12));
    QCOMPARE(saved.stats.outputTokens, std::optional<qint64>(40));
    QVERIFY(saved.stats.ttftMs && *saved.stats.ttftMs > 0);
    QVERIFY(saved.stats.costUsd);
    QCOMPARE(*saved.stats.costUsd, (12 * 1.0 + 40 * 10.0) / 1e6);
    QCOMPARE(c->record.totalCostUsd, *saved.stats.costUsd);
    const QList<AttemptLogRow> log = reader.conversations().attemptsFor(saved.id);
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.constFirst().target, u"fake/model-a"_s);
    QVERIFY(log.constFirst().parametersJson.contains(u"\"temperature\":0.3"_s));
    QCOMPARE(log.constFirst().outputTokens, std::optional<qint64>(40));
}

void TestHistory::recorderRecordsFailuresAndStops_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("errorClass");
    QTest::addColumn<int>("logRows");
    QTest::newRow("cut mid-stream") << u"cut"_s << int(MessageState::Failed) << u"network"_s << 1;
    QTest::newRow("stopped by the user") << u"stop"_s << int(MessageState::Stopped) << u"cancelled"_s << 1;
    QTest::newRow("429 then fallback") << u"fallback"_s << int(MessageState::Complete) << QString() << 2;
    QTest::newRow("cut, then the fallback fails too") << u"cut-then-401"_s << int(MessageState::Failed) << u"auth"_s << 2;
}

void TestHistory::recorderRecordsFailuresAndStops()
{
    QFETCH(QString, mode);
    QFETCH(int, state);
    QFETCH(QString, errorClass);
    QFETCH(int, logRows);
    RecorderRig rig(dbPath());
    StreamScript script;
    script.pieces = {u"Once"_s, u" upon"_s, u" a"_s, u" time"_s};
    QList<Target> targets{rig.target(u"model-a"_s)};
    if (mode == u"cut"_s) {
        script.cutBeforeFinish = true;
        rig.server.enqueue(openAiStream(script));
    } else if (mode == u"stop"_s) {
        script.delayMs = 300;
        rig.server.enqueue(openAiStream(script));
    } else if (mode == u"cut-then-401"_s) {
        script.cutBeforeFinish = true;
        rig.server.enqueue(openAiStream(script));
        rig.server.enqueue(ScriptedResponse::fromFixture(u"openai/error_401_invalid_key.http"_s));
        targets.append(rig.target(u"model-b"_s));
    } else {
        rig.server.enqueue(ScriptedResponse::fromFixture(u"openai/error_429_rate_limit.http"_s));
        rig.server.enqueue(openAiStream(script));
        targets.append(rig.target(u"model-b"_s));
    }
    RetryPolicy noRetry;
    noRetry.maxRetries = 0;
    AnswerRecorder recorder(&rig.history, rig.clock, answerRow(rig.conversationRecord), prompt(), targets, {});
    ResilientCall call({rig.network, rig.clock, rig.scheduler, nullptr, nullptr}, prompt(), targets, noRetry, {}, {}, 1);
    recorder.watch(call);
    QSignalSpy finished(&recorder, &AnswerRecorder::finished);
    call.start();
    if (mode == u"stop"_s) {
        QTRY_VERIFY(recorder.transcript().text().contains(u"upon"_s));
        call.cancel();
    }
    QVERIFY(finished.wait(10'000) || finished.size() == 1);
    rig.history.flush();
    HistoryDatabase reader(dbPath());
    QVERIFY(reader.open().ok);
    const MessageRecord saved = reader.conversations().loadConversation(rig.conversationRecord.id)->messages.constFirst();
    QCOMPARE(int(saved.state), state);
    QCOMPARE(saved.stats.errorClass, errorClass);
    QVERIFY(!saved.content.isEmpty()); // partial or whole, never dropped
    if (mode.startsWith(u"cut"_s))
        QCOMPARE(saved.content, script.pieces.join(QString())); // everything that arrived before the cut
    QCOMPARE(reader.conversations().attemptsFor(saved.id).size(), logRows);
    if (mode == u"fallback"_s) {
        QCOMPARE(saved.stats.servedBy, u"fake/model-b"_s);
        QCOMPARE(saved.stats.fallbackNotes.size(), 1);
        QVERIFY(saved.stats.fallbackNotes.constFirst().contains(u"429"_s));
    }
}

QTEST_GUILESS_MAIN(TestHistory)
#include "TestHistory.moc"
