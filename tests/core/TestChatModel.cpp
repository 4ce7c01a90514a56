// SPDX-License-Identifier: GPL-3.0-or-later
// The chat's data side: settings JSON, the message tree (edits and regenerations branch), conversation export and
// import (fresh ids, skipped damage, newer files refused), Markdown export of one branch and fenced-code splitting.
// Over 500 lines on purpose: data tables (one row per case) around one shared branched-conversation fixture.
#include "answer/ChatSettings.h"
#include "chat/ConversationExport.h"
#include "chat/ConversationTree.h"
#include "chat/MarkdownBlocks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QTest>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace juxta;

Q_DECLARE_METATYPE(juxta::ChatSettings)

namespace {

QDateTime at(int minute)
{
    return QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0, 123), Qt::UTC).addSecs(minute * 60);
}

MessageRecord message(const QString& id, const QString& parent, MessageRole role, int minute)
{
    MessageRecord m;
    m.id = id;
    m.conversationId = u"conv-1"_s;
    m.parentId = parent;
    m.role = role;
    m.content = u"Text of [%1]."_s.arg(id); // "[a2]" is not a substring of "[a2b]"
    m.createdAt = at(minute);
    return m;
}

// u1 ─ a1 ─┬─ u2 ─┬─ a2
//          │      ├─ a2c  (regenerated)
//          │      └─ a2d  (regenerated, same millisecond as a2c)
//          └─ u2b ── a2b  (u2 edited)
//    └ a1b ── u3          (a1 regenerated)
QList<MessageRecord> branchedMessages()
{
    const auto user = MessageRole::User;
    const auto assistant = MessageRole::Assistant;
    return {
        message(u"u1"_s, {}, user, 0),
        message(u"a1"_s, u"u1"_s, assistant, 1),
        message(u"u2"_s, u"a1"_s, user, 2),
        message(u"a2"_s, u"u2"_s, assistant, 3),
        message(u"u2b"_s, u"a1"_s, user, 4),
        message(u"a2b"_s, u"u2b"_s, assistant, 5),
        message(u"a1b"_s, u"u1"_s, assistant, 6),
        message(u"u3"_s, u"a1b"_s, user, 7),
        message(u"a2c"_s, u"u2"_s, assistant, 8),
        message(u"a2d"_s, u"u2"_s, assistant, 8),
    };
}

const QStringList kAllIds{u"u1"_s, u"a1"_s, u"u2"_s, u"a2"_s, u"u2b"_s,
                          u"a2b"_s, u"a1b"_s, u"u3"_s, u"a2c"_s, u"a2d"_s};

ChatSettings fullSettings()
{
    ChatSettings s;
    s.model = u"openai/gpt-4o-mini"_s;
    s.systemPrompt = u"Be brief.\nAnswer in English."_s;
    s.temperature = 0.7;
    s.topP = 0.9;
    s.maxTokens = 2048;
    s.seed = 1234567890123;
    s.reasoningEffort = u"high"_s;
    s.fallbacks = {u"anthropic/claude-3-5-haiku"_s, u"ollama/llama3"_s};
    return s;
}

Conversation branchedConversation()
{
    Conversation c;
    c.record.id = u"conv-1"_s;
    c.record.title = u"Arithmetic · «branches» 🌳"_s;
    c.record.createdAt = at(0);
    c.record.updatedAt = at(8);
    c.record.pinned = true;
    c.record.currentLeafId = u"a2b"_s;
    c.record.settingsJson = fullSettings().toJson();
    c.messages = branchedMessages();

    MessageRecord& a2 = c.messages[3];
    a2.reasoning = u"Three plus three is six."_s;
    a2.toolCallsJson = u"[{\"arguments\":\"{\\\"expr\\\":\\\"3+3\\\"}\",\"id\":\"call_1\",\"name\":\"calc\"}]"_s;
    a2.stats.requestedModel = u"default/gpt-4o-mini"_s;
    a2.stats.servedBy = u"openai/gpt-4o-mini"_s;
    a2.stats.servedModel = u"gpt-4o-mini-2024-07-18"_s;
    a2.stats.fallbackNotes = {u"openai/gpt-4o: rate limited (HTTP 429)"_s};
    a2.stats.ttftMs = 420;
    a2.stats.totalMs = 3100;
    a2.stats.tokensPerSecond = 109.67741935483872;
    a2.stats.inputTokens = 120;
    a2.stats.outputTokens = 340;
    a2.stats.costUsd = 0.0012;
    a2.stats.finishReason = u"stop"_s;

    MessageRecord& a2b = c.messages[5];
    a2b.state = MessageState::Failed;
    a2b.stats.requestedModel = u"default/gpt-4o-mini"_s;
    a2b.stats.errorClass = u"rate_limited"_s;
    a2b.stats.errorMessage = u"Too many requests"_s;

    MessageRecord& a1b = c.messages[6];
    a1b.state = MessageState::Stopped;
    a1b.stats.servedBy = u"anthropic/claude-3-5-haiku"_s;
    a1b.stats.costUsd = 0.0003;
    a1b.stats.costIsEstimate = true;

    c.record.totalCostUsd = 0.0012 + 0.0003; // file order, as the importer adds
    return c;
}

QStringList ids(const QList<MessageRecord>& messages)
{
    QStringList out;
    for (const MessageRecord& m : messages)
        out.append(m.id);
    return out;
}

QString describe(const MarkdownBlock& b)
{
    if (b.kind == MarkdownBlock::Kind::Prose)
        return u"P:"_s + b.text;
    return u"C("_s + b.language + (b.closed ? QString() : u",open"_s) + u"):"_s + b.text;
}

QStringList describe(const QList<MarkdownBlock>& blocks)
{
    QStringList out;
    for (const MarkdownBlock& b : blocks)
        out.append(describe(b));
    return out;
}

QJsonObject exportedObject(const Conversation& c)
{
    return QJsonDocument::fromJson(exportConversationJson(c)).object();
}

} // namespace

class TestChatModel : public QObject
{
    Q_OBJECT

private slots:
    void settingsRoundTrip_data();
    void settingsRoundTrip();
    void settingsToleratesBadInput_data();
    void settingsToleratesBadInput();

    void treePathFollowsParents_data();
    void treePathFollowsParents();
    void treeSiblingsShareAParent_data();
    void treeSiblingsShareAParent();
    void treeLatestLeafFollowsNewestChild_data();
    void treeLatestLeafFollowsNewestChild();
    void treeSurvivesCycles();
    void treeUpsertInsertsAndReplaces();
    void emptyTree();

    void exportImportRoundTrip_data();
    void exportImportRoundTrip();
    void importingTwiceNeverCollides();
    void importRefusesUnreadableFiles_data();
    void importRefusesUnreadableFiles();
    void importSkipsMalformedMessages_data();
    void importSkipsMalformedMessages();
    void importRepairsStreamingAndMissingDates();

    void markdownExportsOneBranch_data();
    void markdownExportsOneBranch();

    void splitMarkdownBlocks_data();
    void splitMarkdownBlocks();
    void splitMarkdownBlocksOnAMegabyte();
};

// ── Settings ─────────────────────────────────────────────────────────────────────────────────────────────────────

void TestChatModel::settingsRoundTrip_data()
{
    QTest::addColumn<ChatSettings>("settings");
    QTest::addColumn<QStringList>("keys"); // exactly the keys written, sorted

    QTest::newRow("defaults write nothing") << ChatSettings{} << QStringList{};
    QTest::newRow("everything") << fullSettings()
                                << QStringList{u"fallbacks"_s, u"max_tokens"_s, u"model"_s, u"reasoning_effort"_s,
                                               u"seed"_s, u"system_prompt"_s, u"temperature"_s, u"top_p"_s};
    ChatSettings zeros;
    zeros.model = u"ollama/llama3"_s;
    zeros.temperature = 0.0; // set to zero is not unset
    zeros.seed = 0;
    QTest::newRow("zeros are kept") << zeros << QStringList{u"model"_s, u"seed"_s, u"temperature"_s};
}

void TestChatModel::settingsRoundTrip()
{
    QFETCH(ChatSettings, settings);
    QFETCH(QStringList, keys);
    const QByteArray json = settings.toJson();
    QVERIFY2(!json.contains('\n'), json.constData()); // compact
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    QVERIFY(doc.isObject());
    QCOMPARE(doc.object().keys(), keys);
    const ChatSettings back = ChatSettings::fromJson(json);
    QCOMPARE(back.toJson(), json);
    QVERIFY(back == settings);
}

void TestChatModel::settingsToleratesBadInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<ChatSettings>("expected");

    QTest::newRow("empty") << QByteArray() << ChatSettings{};
    QTest::newRow("not JSON") << QByteArray("{model: gpt") << ChatSettings{};
    QTest::newRow("an array") << QByteArray(R"(["openai/gpt-4o"])") << ChatSettings{};
    QTest::newRow("wrong types") << QByteArray(R"({"model":5,"system_prompt":[],"temperature":"hot","top_p":null,)"
                                               R"("max_tokens":1.5,"seed":"7","reasoning_effort":true,)"
                                               R"("fallbacks":"a/b"})")
                                 << ChatSettings{};
    QTest::newRow("negative max tokens") << QByteArray(R"({"max_tokens":-1})") << ChatSettings{};

    ChatSettings mixed;
    mixed.model = u"openai/gpt-4o"_s;
    mixed.temperature = 0.25;
    mixed.maxTokens = 4096;
    mixed.seed = 42;
    mixed.fallbacks = {u"anthropic/claude"_s, u"ollama/llama3"_s};
    QTest::newRow("good fields kept, bad and unknown ones dropped")
        << QByteArray(R"({"model":"openai/gpt-4o","temperature":0.25,"max_tokens":4096,"seed":42,)"
                      R"("fallbacks":["anthropic/claude",3,"",null,"ollama/llama3"],"future_field":{"x":1}})")
        << mixed;
}

void TestChatModel::settingsToleratesBadInput()
{
    QFETCH(QByteArray, json);
    QFETCH(ChatSettings, expected);
    const ChatSettings actual = ChatSettings::fromJson(json);
    QCOMPARE(actual.toJson(), expected.toJson());
    QVERIFY(actual == expected);
}

// ── Tree ─────────────────────────────────────────────────────────────────────────────────────────────────────────

void TestChatModel::treePathFollowsParents_data()
{
    QTest::addColumn<QString>("leaf");
    QTest::addColumn<QStringList>("path");

    QTest::newRow("first branch") << u"a2"_s << QStringList{u"u1"_s, u"a1"_s, u"u2"_s, u"a2"_s};
    QTest::newRow("edited question") << u"a2b"_s << QStringList{u"u1"_s, u"a1"_s, u"u2b"_s, u"a2b"_s};
    QTest::newRow("regenerated answer") << u"u3"_s << QStringList{u"u1"_s, u"a1b"_s, u"u3"_s};
    QTest::newRow("inner message") << u"a1"_s << QStringList{u"u1"_s, u"a1"_s};
    QTest::newRow("root") << u"u1"_s << QStringList{u"u1"_s};
    QTest::newRow("unknown leaf: latest branch") << u"nope"_s << QStringList{u"u1"_s, u"a1b"_s, u"u3"_s};
    QTest::newRow("empty leaf: latest branch") << QString() << QStringList{u"u1"_s, u"a1b"_s, u"u3"_s};
}

void TestChatModel::treePathFollowsParents()
{
    QFETCH(QString, leaf);
    QFETCH(QStringList, path);
    const ConversationTree tree(branchedMessages());
    const QList<MessageRecord> actual = tree.pathTo(leaf);
    QCOMPARE(ids(actual), path);
    QCOMPARE(actual.last().content, u"Text of [%1]."_s.arg(path.last())); // whole records, not just ids
}

void TestChatModel::treeSiblingsShareAParent_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("siblings");

    QTest::newRow("edit: sibling questions") << u"u2b"_s << QStringList{u"u2"_s, u"u2b"_s};
    QTest::newRow("same from the other side") << u"u2"_s << QStringList{u"u2"_s, u"u2b"_s};
    QTest::newRow("regenerate: sibling answers") << u"a1b"_s << QStringList{u"a1"_s, u"a1b"_s};
    QTest::newRow("same time: by id") << u"a2d"_s << QStringList{u"a2"_s, u"a2c"_s, u"a2d"_s};
    QTest::newRow("lone root") << u"u1"_s << QStringList{u"u1"_s};
    QTest::newRow("only child") << u"u3"_s << QStringList{u"u3"_s};
    QTest::newRow("unknown") << u"nope"_s << QStringList{};
}

void TestChatModel::treeSiblingsShareAParent()
{
    QFETCH(QString, id);
    QFETCH(QStringList, siblings);
    QList<MessageRecord> messages = branchedMessages();
    std::reverse(messages.begin(), messages.end()); // input order must not matter
    QCOMPARE(ConversationTree(messages).siblingsOf(id), siblings);
}

void TestChatModel::treeLatestLeafFollowsNewestChild_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("leaf");

    QTest::newRow("root: newest answer wins") << u"u1"_s << u"u3"_s;
    QTest::newRow("edited question is newer") << u"a1"_s << u"a2b"_s;
    QTest::newRow("same-time regenerations: by id") << u"u2"_s << u"a2d"_s;
    QTest::newRow("a leaf is its own") << u"a2"_s << u"a2"_s;
    QTest::newRow("unknown") << u"nope"_s << QString();
}

void TestChatModel::treeLatestLeafFollowsNewestChild()
{
    QFETCH(QString, from);
    QFETCH(QString, leaf);
    const ConversationTree tree(branchedMessages());
    QCOMPARE(tree.latestLeafUnder(from), leaf);
    QCOMPARE(tree.latestLeaf(), u"u3"_s);
}

void TestChatModel::treeSurvivesCycles()
{
    // x and y are each other's parent, z its own: corrupt history must not hang the app.
    const ConversationTree tree(QList<MessageRecord>{message(u"r"_s, {}, MessageRole::User, 0),
                                                     message(u"x"_s, u"y"_s, MessageRole::User, 1),
                                                     message(u"y"_s, u"x"_s, MessageRole::Assistant, 2),
                                                     message(u"z"_s, u"z"_s, MessageRole::User, 3)});
    QCOMPARE(ids(tree.pathTo(u"x"_s)), (QStringList{u"y"_s, u"x"_s}));
    QCOMPARE(ids(tree.pathTo(u"z"_s)), QStringList{u"z"_s});
    QCOMPARE(tree.latestLeafUnder(u"x"_s), u"y"_s);
    QCOMPARE(tree.latestLeafUnder(u"z"_s), u"z"_s);
    QCOMPARE(tree.latestLeaf(), u"r"_s); // the only real root
    QCOMPARE(tree.siblingsOf(u"z"_s), QStringList{u"z"_s});
}

void TestChatModel::treeUpsertInsertsAndReplaces()
{
    ConversationTree tree(branchedMessages());
    QCOMPARE(tree.size(), 10);

    MessageRecord edited = *tree.find(u"a2"_s);
    edited.content = u"Six."_s;
    tree.upsert(edited);
    QCOMPARE(tree.size(), 10);
    QCOMPARE(tree.find(u"a2"_s)->content, u"Six."_s);

    tree.upsert(message(u"a4"_s, u"u3"_s, MessageRole::Assistant, 9));
    QCOMPARE(tree.size(), 11);
    QCOMPARE(tree.latestLeaf(), u"a4"_s);
    QCOMPARE(ids(tree.pathTo(u"a4"_s)), (QStringList{u"u1"_s, u"a1b"_s, u"u3"_s, u"a4"_s}));

    // Moved under another parent: the children index follows.
    MessageRecord moved = *tree.find(u"a4"_s);
    moved.parentId = u"a2"_s;
    tree.upsert(moved);
    QCOMPARE(tree.siblingsOf(u"a4"_s), QStringList{u"a4"_s});
    QCOMPARE(tree.latestLeafUnder(u"u3"_s), u"u3"_s);
    QCOMPARE(ids(tree.pathTo(u"a4"_s)), (QStringList{u"u1"_s, u"a1"_s, u"u2"_s, u"a2"_s, u"a4"_s}));

    // A repeated id in the input keeps the last record.
    MessageRecord twice = message(u"u1"_s, {}, MessageRole::User, 0);
    twice.content = u"second"_s;
    const ConversationTree repeated(QList<MessageRecord>{message(u"u1"_s, {}, MessageRole::User, 0), twice});
    QCOMPARE(repeated.size(), 1);
    QCOMPARE(repeated.find(u"u1"_s)->content, u"second"_s);
}

void TestChatModel::emptyTree()
{
    const ConversationTree tree(QList<MessageRecord>{});
    QVERIFY(tree.isEmpty());
    QVERIFY(!tree.find(u"x"_s));
    QCOMPARE(tree.latestLeaf(), QString());
    QVERIFY(tree.pathTo(u"x"_s).isEmpty());
    QVERIFY(!ConversationTree(branchedMessages()).isEmpty());
}

// ── Export and import ────────────────────────────────────────────────────────────────────────────────────────────

void TestChatModel::exportImportRoundTrip_data()
{
    QTest::addColumn<Conversation>("original");

    QTest::newRow("branched, with stats, failures and tool calls") << branchedConversation();

    Conversation empty;
    empty.record.id = u"conv-empty"_s;
    empty.record.createdAt = at(0);
    empty.record.updatedAt = at(0);
    empty.record.settingsJson = ChatSettings{}.toJson();
    QTest::newRow("no messages") << empty;

    Conversation single;
    single.record.id = u"conv-single"_s;
    single.record.title = u"Ünïcödé \"quotes\"\nand a newline"_s;
    single.record.createdAt = at(0);
    single.record.updatedAt = at(1);
    single.record.settingsJson = ChatSettings{}.toJson();
    MessageRecord only = message(u"only"_s, {}, MessageRole::System, 0);
    only.conversationId = single.record.id;
    only.content = u"Line one\n\n```cpp\nint main() {}\n```\n😀 \\ \" \t end"_s;
    single.messages = {only};
    single.record.currentLeafId = only.id;
    QTest::newRow("one system message with awkward text") << single;
}

void TestChatModel::exportImportRoundTrip()
{
    QFETCH(Conversation, original);
    const QByteArray file = exportConversationJson(original);

    const QJsonObject root = QJsonDocument::fromJson(file).object();
    QCOMPARE(root.value("format"_L1).toString(), u"juxta.conversation"_s);
    QCOMPARE(root.value("version"_L1).toInt(), 1);
    QCOMPARE(root.value("messages"_L1).toArray().size(), original.messages.size());
    QVERIFY(file.contains("\n    ")); // indented

    const ImportedConversation imported = importConversationJson(file);
    QVERIFY2(imported.conversation, qPrintable(imported.error));
    QVERIFY(imported.error.isEmpty());
    QCOMPARE(imported.warnings, QStringList{});
    const Conversation& copy = *imported.conversation;

    // Fresh ids: valid UUIDs, unique, none reused.
    QVERIFY(!QUuid::fromString(copy.record.id).isNull());
    QVERIFY(copy.record.id != original.record.id);
    QCOMPARE(copy.messages.size(), original.messages.size());
    QHash<QString, QString> newIdOf;
    QSet<QString> oldIds;
    for (qsizetype i = 0; i < original.messages.size(); ++i) {
        newIdOf.insert(original.messages[i].id, copy.messages[i].id);
        oldIds.insert(original.messages[i].id);
    }
    QSet<QString> fresh;
    for (const MessageRecord& m : copy.messages) {
        QVERIFY(!QUuid::fromString(m.id).isNull());
        QVERIFY(!oldIds.contains(m.id));
        fresh.insert(m.id);
    }
    QCOMPARE(fresh.size(), copy.messages.size());

    // Same structure, same content.
    for (qsizetype i = 0; i < original.messages.size(); ++i) {
        MessageRecord expected = original.messages[i];
        const MessageRecord& actual = copy.messages[i];
        QCOMPARE(actual.conversationId, copy.record.id);
        QCOMPARE(actual.parentId, expected.parentId.isEmpty() ? QString() : newIdOf.value(expected.parentId));
        QVERIFY(expected.parentId.isEmpty() || !actual.parentId.isEmpty());
        QCOMPARE(actual.content, expected.content);
        QCOMPARE(actual.reasoning, expected.reasoning);
        QCOMPARE(actual.toolCallsJson, expected.toolCallsJson);
        QCOMPARE(actual.createdAt, expected.createdAt);
        QCOMPARE(messageStateName(actual.state), messageStateName(expected.state));
        QCOMPARE(messageRoleName(actual.role), messageRoleName(expected.role));
        QCOMPARE(actual.stats.fallbackNotes, expected.stats.fallbackNotes);
        QCOMPARE(actual.stats.ttftMs, expected.stats.ttftMs);
        QCOMPARE(actual.stats.tokensPerSecond, expected.stats.tokensPerSecond);
        QCOMPARE(actual.stats.inputTokens, expected.stats.inputTokens);
        QCOMPARE(actual.stats.costUsd, expected.stats.costUsd);
        QVERIFY(actual.stats == expected.stats);
        expected.id = actual.id;
        expected.conversationId = actual.conversationId;
        expected.parentId = actual.parentId;
        QVERIFY(actual == expected);
    }

    ConversationRecord expectedRecord = original.record;
    QCOMPARE(copy.record.currentLeafId, newIdOf.value(original.record.currentLeafId));
    QCOMPARE(copy.record.title, expectedRecord.title);
    QCOMPARE(copy.record.createdAt, expectedRecord.createdAt);
    QCOMPARE(copy.record.updatedAt, expectedRecord.updatedAt);
    QCOMPARE(copy.record.pinned, expectedRecord.pinned);
    QCOMPARE(copy.record.settingsJson, expectedRecord.settingsJson);
    QCOMPARE(copy.record.totalCostUsd, expectedRecord.totalCostUsd);
    expectedRecord.id = copy.record.id;
    expectedRecord.currentLeafId = copy.record.currentLeafId;
    QVERIFY(copy.record == expectedRecord);
}

void TestChatModel::importingTwiceNeverCollides()
{
    const QByteArray file = exportConversationJson(branchedConversation());
    const ImportedConversation first = importConversationJson(file);
    const ImportedConversation second = importConversationJson(file);
    QVERIFY(first.conversation && second.conversation);
    QVERIFY(first.conversation->record.id != second.conversation->record.id);
    QSet<QString> seen;
    for (const ImportedConversation* imported : {&first, &second}) {
        for (const MessageRecord& m : imported->conversation->messages) {
            QVERIFY2(!seen.contains(m.id), qPrintable(m.id));
            seen.insert(m.id);
        }
    }
    QCOMPARE(seen.size(), 20);
    // The current branch is the same branch in both.
    for (const ImportedConversation* imported : {&first, &second}) {
        const Conversation& c = *imported->conversation;
        const QList<MessageRecord> path = ConversationTree(c.messages).pathTo(c.record.currentLeafId);
        QCOMPARE(path.size(), 4);
        QCOMPARE(path.last().content, u"Text of [a2b]."_s);
    }
}

void TestChatModel::importRefusesUnreadableFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");

    QTest::newRow("not JSON") << QByteArray("{\"format\": ") << u"not valid JSON"_s;
    QTest::newRow("not an object") << QByteArray("[1, 2]") << u"not a Juxta conversation"_s;
    QTest::newRow("another format") << QByteArray(R"({"format":"other.app","version":1,"messages":[]})")
                                    << u"\"other.app\""_s;
    QTest::newRow("no format") << QByteArray(R"({"version":1,"messages":[]})") << u"not a Juxta conversation"_s;
    QTest::newRow("newer version") << QByteArray(R"({"format":"juxta.conversation","version":2,"messages":[]})")
                                   << u"made by a newer Juxta"_s;
    QTest::newRow("version as text") << QByteArray(R"({"format":"juxta.conversation","version":"1","messages":[]})")
                                     << u"version"_s;
    QTest::newRow("no messages") << QByteArray(R"({"format":"juxta.conversation","version":1})")
                                 << u"no message list"_s;
}

void TestChatModel::importRefusesUnreadableFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const ImportedConversation imported = importConversationJson(json);
    QVERIFY(!imported.conversation);
    QVERIFY2(imported.error.contains(error), qPrintable(imported.error));
}

void TestChatModel::importSkipsMalformedMessages_data()
{
    QTest::addColumn<int>("index");      // in branchedMessages() order
    QTest::addColumn<QString>("key");    // empty: replace the whole message
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QStringList>("kept");
    QTest::addColumn<int>("warnings");
    QTest::addColumn<QString>("currentLeaf");

    const auto allBut = [](const QStringList& gone) {
        QStringList out;
        for (const QString& id : kAllIds) {
            if (!gone.contains(id))
                out.append(id);
        }
        return out;
    };

    QTest::newRow("unknown role on a leaf")
        << 7 << u"role"_s << QJsonValue(u"robot"_s) << allBut({u"u3"_s}) << 1 << u"a2b"_s;
    // u2b goes and takes its answer (the current leaf) with it; the latest remaining branch is shown.
    QTest::newRow("content not text on an edit")
        << 4 << u"content"_s << QJsonValue(5) << allBut({u"u2b"_s, u"a2b"_s}) << 3 << u"u3"_s;
    QTest::newRow("not an object") << 1 << QString() << QJsonValue(42)
                                   << QStringList{u"u1"_s, u"a1b"_s, u"u3"_s} << 8 << u"u3"_s;
    QTest::newRow("id used twice") << 8 << u"id"_s << QJsonValue(u"a2"_s) << allBut({u"a2c"_s}) << 1 << u"a2b"_s;
    QTest::newRow("missing parent") << 7 << u"parent_id"_s << QJsonValue(u"nowhere"_s) << allBut({u"u3"_s}) << 1
                                    << u"a2b"_s;
    QTest::newRow("unknown state") << 9 << u"state"_s << QJsonValue(u"dreaming"_s) << allBut({u"a2d"_s}) << 1
                                   << u"a2b"_s;
    QTest::newRow("a cycle drops everything in it")
        << 0 << u"parent_id"_s << QJsonValue(u"a1"_s) << QStringList{} << 11 << QString();
}

void TestChatModel::importSkipsMalformedMessages()
{
    QFETCH(int, index);
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QStringList, kept);
    QFETCH(int, warnings);
    QFETCH(QString, currentLeaf);

    QJsonObject root = exportedObject(branchedConversation());
    QJsonArray messages = root.value("messages"_L1).toArray();
    if (key.isEmpty()) {
        messages[index] = value;
    } else {
        QJsonObject m = messages[index].toObject();
        m.insert(key, value);
        messages[index] = m;
    }
    root.insert("messages"_L1, messages);

    const ImportedConversation imported = importConversationJson(QJsonDocument(root).toJson());
    QVERIFY2(imported.conversation, qPrintable(imported.error));
    QCOMPARE(imported.warnings.size(), warnings);
    QVERIFY(imported.warnings.first().contains(u"Message %1"_s.arg(index + 1)));

    // Contents name the original ids.
    const Conversation& c = *imported.conversation;
    QStringList keptIds;
    QHash<QString, QString> oldIdOf;
    for (const MessageRecord& m : c.messages) {
        const QString old = m.content.sliced(9, m.content.size() - 11); // "Text of [" … "]."
        keptIds.append(old);
        oldIdOf.insert(m.id, old);
    }
    QCOMPARE(keptIds, kept);
    // Every kept parent link points at a kept message.
    for (const MessageRecord& m : c.messages)
        QVERIFY(m.parentId.isEmpty() || oldIdOf.contains(m.parentId));
    QCOMPARE(oldIdOf.value(c.record.currentLeafId), currentLeaf);
    double cost = 0; // in file order, as the importer adds
    if (kept.contains(u"a2"_s))
        cost += 0.0012;
    if (kept.contains(u"a1b"_s))
        cost += 0.0003;
    QCOMPARE(c.record.totalCostUsd, cost);
}

void TestChatModel::importRepairsStreamingAndMissingDates()
{
    Conversation c;
    c.record.id = u"conv-2"_s;
    c.record.createdAt = at(0);
    c.record.updatedAt = at(1);
    c.messages = {message(u"q"_s, {}, MessageRole::User, 0), message(u"a"_s, u"q"_s, MessageRole::Assistant, 1)};
    c.messages[1].state = MessageState::Streaming;
    c.record.currentLeafId = u"a"_s;

    QJsonObject root = exportedObject(c);
    root.remove("created_at"_L1);
    root.remove("updated_at"_L1);
    QJsonArray messages = root.value("messages"_L1).toArray();
    QJsonObject first = messages[0].toObject();
    first.remove("created_at"_L1);
    messages[0] = first;
    root.insert("messages"_L1, messages);
    QCOMPARE(messages[1].toObject().value("state"_L1).toString(), u"streaming"_s);

    const QDateTime before = QDateTime::currentDateTimeUtc();
    const ImportedConversation imported = importConversationJson(QJsonDocument(root).toJson());
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QVERIFY2(imported.conversation, qPrintable(imported.error));
    const Conversation& copy = *imported.conversation;
    QCOMPARE(copy.messages.size(), 2);
    QVERIFY(copy.messages[1].state == MessageState::Interrupted);
    QVERIFY(copy.messages[0].createdAt >= before && copy.messages[0].createdAt <= after);
    QCOMPARE(copy.messages[1].createdAt, at(1));
    QVERIFY(copy.record.createdAt >= before && copy.record.createdAt <= after);
    QCOMPARE(copy.record.settingsJson, QByteArray("{}"));
}

// ── Markdown export ──────────────────────────────────────────────────────────────────────────────────────────────

void TestChatModel::markdownExportsOneBranch_data()
{
    QTest::addColumn<QString>("leaf");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");

    QTest::newRow("answer with reasoning, tool call and stats")
        << u"a2"_s << QStringList{u"u1"_s, u"a1"_s, u"u2"_s, u"a2"_s}
        << QStringList{u"## Assistant (openai/gpt-4o-mini)"_s,
                       u"<details><summary>Reasoning</summary>\n\nThree plus three is six.\n\n</details>"_s,
                       u"```json\n[\n    {\n        \"arguments\": \"{\\\"expr\\\":\\\"3+3\\\"}\","_s,
                       u"*served by openai/gpt-4o-mini (fallback from default/gpt-4o-mini)  ·  "_s,
                       u"  ·  TTFT 420 ms  ·  "_s,
                       u"  ·  total 3.10 s  ·  120 in / 340 out  ·  $0.0012"_s}
        << QStringList{u"*Incomplete"_s};
    QTest::newRow("failed answer on the edited branch")
        << u"a2b"_s << QStringList{u"u1"_s, u"a1"_s, u"u2b"_s, u"a2b"_s}
        << QStringList{u"## Assistant (default/gpt-4o-mini)"_s,
                       u"*Incomplete: "_s + messageStateName(MessageState::Failed)
                           + u" (rate_limited: Too many requests)*"_s}
        << QStringList{u"<details>"_s, u"```json"_s, u"$0.0012"_s};
    QTest::newRow("stopped regeneration")
        << u"u3"_s << QStringList{u"u1"_s, u"a1b"_s, u"u3"_s}
        << QStringList{u"## Assistant (anthropic/claude-3-5-haiku)"_s, u"  ·  $0.0003 (estimate)"_s,
                       u"*Incomplete: "_s + messageStateName(MessageState::Stopped) + u'*'}
        << QStringList{u"gpt-4o-mini-2024"_s};
    QTest::newRow("unknown leaf: the latest branch")
        << u"nope"_s << QStringList{u"u1"_s, u"a1b"_s, u"u3"_s} << QStringList{} << QStringList{};
}

void TestChatModel::markdownExportsOneBranch()
{
    QFETCH(QString, leaf);
    QFETCH(QStringList, path);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);

    const QString md = exportConversationMarkdown(branchedConversation(), leaf);
    QVERIFY2(md.startsWith(u"# Arithmetic · «branches» 🌳\n\n"_s), qPrintable(md));
    QVERIFY(md.contains(u"Model: `openai/gpt-4o-mini`"_s));
    QVERIFY(md.contains(u"## System prompt\n\n> Be brief.\n> Answer in English.\n"_s));
    QVERIFY(md.endsWith(u'\n') && !md.endsWith(u"\n\n"_s));

    qsizetype last = -1;
    for (const QString& id : kAllIds) {
        const qsizetype where = md.indexOf(u"Text of [%1]."_s.arg(id));
        QVERIFY2((where >= 0) == path.contains(id), qPrintable(id));
    }
    for (const QString& id : path) {
        const qsizetype where = md.indexOf(u"Text of [%1]."_s.arg(id));
        QVERIFY2(where > last, qPrintable(id)); // root first
        last = where;
    }
    const auto questions
        = std::count_if(path.cbegin(), path.cend(), [](const QString& id) { return id.startsWith(u'u'); });
    QCOMPARE(md.count(u"## You\n"_s), questions);
    for (const QString& text : present)
        QVERIFY2(md.contains(text), qPrintable(QString(text + u"\n---\n"_s + md)));
    for (const QString& text : absent)
        QVERIFY2(!md.contains(text), qPrintable(text));
}

// ── Markdown blocks ──────────────────────────────────────────────────────────────────────────────────────────────

void TestChatModel::splitMarkdownBlocks_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("blocks");

    QTest::newRow("empty") << QString() << QStringList{};
    QTest::newRow("plain prose kept exactly")
        << u"Hello\n\n  *world*  \n"_s << QStringList{u"P:Hello\n\n  *world*  \n"_s};
    QTest::newRow("code with language")
        << u"Intro:\n```cpp\nint x = 1;\nreturn x;\n```\nOutro"_s
        << QStringList{u"P:Intro:"_s, u"C(cpp):int x = 1;\nreturn x;"_s, u"P:Outro"_s};
    QTest::newRow("tilde fence, info words after the language")
        << u"~~~python title=\"a.py\"\nprint(1)\n~~~\n"_s << QStringList{u"C(python):print(1)"_s};
    QTest::newRow("longer closing fence") << u"```\na\n`````\nafter"_s << QStringList{u"C():a"_s, u"P:after"_s};
    QTest::newRow("shorter inner fence does not close")
        << u"````md\n```js\ninner\n```\n````"_s << QStringList{u"C(md):```js\ninner\n```"_s};
    QTest::newRow("other fence char does not close")
        << u"```\na\n~~~\n```"_s << QStringList{u"C():a\n~~~"_s};
    QTest::newRow("text after a closing fence does not close")
        << u"```\na\n``` x\n```"_s << QStringList{u"C():a\n``` x"_s};
    QTest::newRow("unclosed runs to the end")
        << u"Text\n```js\nlet a;\nlet b;\n"_s << QStringList{u"P:Text"_s, u"C(js,open):let a;\nlet b;"_s};
    QTest::newRow("indented fence strips its indentation")
        << u"  ```sh\n  ls\n    cd x\npwd\n   ```\n"_s << QStringList{u"C(sh):ls\n  cd x\npwd"_s};
    QTest::newRow("four spaces is not a fence")
        << u"    ```\ncode\n"_s << QStringList{u"P:    ```\ncode\n"_s};
    QTest::newRow("backtick in a backtick info string is not a fence")
        << u"``` a`b\nx\n```"_s << QStringList{u"P:``` a`b\nx"_s, u"C(,open):"_s};
    QTest::newRow("backtick in a tilde info string is fine")
        << u"~~~ a`b\nx\n~~~"_s << QStringList{u"C(a`b):x"_s};
    QTest::newRow("two backticks is not a fence") << u"``\nx\n``"_s << QStringList{u"P:``\nx\n``"_s};
    QTest::newRow("consecutive code blocks")
        << u"```a\n1\n```\n```b\n2\n```\n"_s << QStringList{u"C(a):1"_s, u"C(b):2"_s};
    QTest::newRow("whitespace-only prose dropped")
        << u" \n\n```\nx\n```\n  \n"_s << QStringList{u"C():x"_s};
    QTest::newRow("empty code block") << u"```\n```"_s << QStringList{u"C():"_s};
    QTest::newRow("blank lines inside code kept")
        << u"```\n\na\n\n```"_s << QStringList{u"C():\na\n"_s};
    QTest::newRow("CRLF line ends")
        << u"a\r\n```c\r\nx\r\n```\r\nb"_s << QStringList{u"P:a"_s, u"C(c):x"_s, u"P:b"_s};
}

void TestChatModel::splitMarkdownBlocks()
{
    QFETCH(QString, markdown);
    QFETCH(QStringList, blocks);
    QCOMPARE(describe(juxta::splitMarkdownBlocks(markdown)), blocks);
}

void TestChatModel::splitMarkdownBlocksOnAMegabyte()
{
    const QString unit = u"Some prose with `inline` code.\n```cpp\nint x = 0;\n```\n"_s;
    QString big;
    qsizetype units = 0;
    while (big.size() < 1024 * 1024) {
        big += unit;
        ++units;
    }
    const QList<MarkdownBlock> blocks = juxta::splitMarkdownBlocks(big);
    QCOMPARE(blocks.size(), 2 * units);
    QCOMPARE(describe(blocks.first()), u"P:Some prose with `inline` code."_s);
    QCOMPARE(describe(blocks.last()), u"C(cpp):int x = 0;"_s);

    // One unclosed fence over a megabyte of lines: a single open block holding all of them.
    QString open = u"```\n"_s;
    for (int i = 0; i < 256 * 1024; ++i)
        open += u"abc\n"_s;
    const QList<MarkdownBlock> openBlocks = juxta::splitMarkdownBlocks(open);
    QCOMPARE(openBlocks.size(), 1);
    QVERIFY(!openBlocks.first().closed);
    QCOMPARE(openBlocks.first().text.size(), 256 * 1024 * 4 - 1);

    // A megabyte of would-be fences that are not (a backtick in the info string): one prose block.
    QString fake;
    while (fake.size() < 1024 * 1024)
        fake += u"``` `x`\n"_s;
    QCOMPARE(juxta::splitMarkdownBlocks(fake).size(), 1);

    // A single megabyte-long fence line.
    QCOMPARE(juxta::splitMarkdownBlocks(QString(1024 * 1024, u'`')).size(), 1);
}

QTEST_GUILESS_MAIN(TestChatModel)
#include "TestChatModel.moc"
