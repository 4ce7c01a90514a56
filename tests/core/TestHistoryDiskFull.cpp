// SPDX-License-Identifier: GPL-3.0-or-later
// A full disk while saving, made real with SQLite's max_page_count on the history file: the write fails with a
// message that says so, what was saved before is intact, and saving works again once there is room.
#include "storage/HistoryService.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

Conversation conversationWith(const QString& title, const QString& text)
{
    Conversation c;
    c.record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    c.record.title = title;
    c.record.createdAt = c.record.updatedAt = QDateTime::currentDateTimeUtc();
    MessageRecord m;
    m.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m.conversationId = c.record.id;
    m.role = MessageRole::User;
    m.content = text;
    m.state = MessageState::Complete;
    m.createdAt = c.record.createdAt;
    c.messages.append(m);
    c.record.currentLeafId = m.id;
    return c;
}

bool pragma(ConversationStore& store, const QString& statement)
{
    QSqlQuery query(store.database());
    return query.exec(statement);
}

} // namespace

class TestHistoryDiskFull : public QObject
{
    Q_OBJECT

private slots:
    void fullDiskLosesNothingAndSavingResumes();
};

void TestHistoryDiskFull::fullDiskLosesNothingAndSavingResumes()
{
    QTemporaryDir dir;
    HistoryService history(dir.filePath(u"history.sqlite"_s));
    QSignalSpy opened(&history, &HistoryService::opened);
    QVERIFY(opened.wait(10'000));
    QSignalSpy failed(&history, &HistoryService::writeFailed);

    const Conversation kept = conversationWith(u"Saved before"_s, u"This was saved before the disk filled."_s);
    history.write([kept](ConversationStore& store) { return store.importConversation(kept); });
    // The disk fills: the file may not grow by a single page.
    history.write([](ConversationStore& store) {
        QSqlQuery count(store.database());
        if (!count.exec(u"PRAGMA page_count"_s) || !count.next())
            return false;
        return pragma(store, u"PRAGMA max_page_count = %1"_s.arg(count.value(0).toLongLong()));
    });
    const Conversation big = conversationWith(u"Too big"_s, QString(2 * 1024 * 1024, u'x'));
    history.write([big](ConversationStore& store) { return store.importConversation(big); });
    history.flush();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    const QString error = failed.constFirst().constFirst().toString();
    QVERIFY2(error.startsWith(u"the disk is full"_s), qPrintable(error));

    std::optional<Conversation> before;
    std::optional<Conversation> missing;
    bool read = false;
    history.read<bool>([&](ConversationStore& store) {
        before = store.loadConversation(kept.record.id);
        missing = store.loadConversation(big.record.id);
        return true;
    }, this, [&](bool) { read = true; });
    QTRY_VERIFY_WITH_TIMEOUT(read, 5000);
    QVERIFY(before);
    QCOMPARE(before->messages.constFirst().content, kept.messages.constFirst().content);
    QVERIFY(!missing); // all or nothing: no half-written conversation

    // Room again: the same save goes through.
    history.write([](ConversationStore& store) { return pragma(store, u"PRAGMA max_page_count = 1073741823"_s); });
    history.write([big](ConversationStore& store) { return store.importConversation(big); });
    history.flush();
    read = false;
    std::optional<Conversation> after;
    history.read<bool>([&](ConversationStore& store) {
        after = store.loadConversation(big.record.id);
        return true;
    }, this, [&](bool) { read = true; });
    QTRY_VERIFY_WITH_TIMEOUT(read, 5000);
    QVERIFY(after);
    QCOMPARE(after->messages.constFirst().content.size(), big.messages.constFirst().content.size());
    QCOMPARE(failed.size(), 1);
}

QTEST_GUILESS_MAIN(TestHistoryDiskFull)
#include "TestHistoryDiskFull.moc"
