// SPDX-License-Identifier: GPL-3.0-or-later
// Markdown import: what Juxta exports comes back as the same branch (roles, text, reasoning, models, settings),
// headings inside code stay text, and a document without messages is refused with a clear error.
#include "answer/ChatSettings.h"
#include "chat/MarkdownImport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;

class TestMarkdownImport : public QObject
{
    Q_OBJECT

private slots:
    void exportedBranchComesBack();
    void handWrittenDocument();
    void refusesDocumentsWithoutMessages();
};

namespace {

MessageRecord message(const QString& id, const QString& parent, MessageRole role, const QString& text)
{
    MessageRecord m;
    m.id = id;
    m.parentId = parent;
    m.role = role;
    m.content = text;
    m.createdAt = QDateTime::currentDateTimeUtc();
    return m;
}

} // namespace

void TestMarkdownImport::exportedBranchComesBack()
{
    Conversation c;
    c.record.id = u"c"_s;
    c.record.title = u"Counting words"_s;
    ChatSettings settings;
    settings.model = u"openai/gpt-4o-mini"_s;
    settings.systemPrompt = u"Be brief.\nUse Python."_s;
    c.record.settingsJson = settings.toJson();
    MessageRecord q = message(u"q"_s, {}, MessageRole::User, u"How do I count words?"_s);
    MessageRecord a = message(u"a"_s, u"q"_s, MessageRole::Assistant,
                              u"## Steps\n\nUse this:\n\n````python\n```\n## You\nprint(len(text.split()))\n````\n\n"
                              "*Really.*"_s);
    a.reasoning = u"Split on whitespace."_s;
    a.stats.servedBy = u"openai/gpt-4o-mini"_s;
    a.stats.ttftMs = 420;
    a.stats.totalMs = 1200;
    a.stats.costUsd = 0.0012;
    MessageRecord q2 = message(u"q2"_s, u"a"_s, MessageRole::User, u"Thanks"_s);
    MessageRecord a2 = message(u"a2"_s, u"q2"_s, MessageRole::Assistant, u"You're welcome"_s);
    a2.state = MessageState::Stopped;
    a.state = MessageState::Stopped; // stopped inside a code block, in the middle of the conversation
    a.content += u"\n\n~~~js\nconsole.log("_s;
    c.messages = {q, a, q2, a2};

    const ImportedConversation in = importConversationMarkdown(exportConversationMarkdown(c, u"a2"_s));
    QVERIFY2(in.conversation, qPrintable(in.error));
    const Conversation& back = *in.conversation;
    QCOMPARE(back.record.title, u"Counting words"_s);
    const ChatSettings backSettings = ChatSettings::fromJson(back.record.settingsJson);
    QCOMPARE(backSettings.model, settings.model);
    QCOMPARE(backSettings.systemPrompt, settings.systemPrompt);
    QCOMPARE(back.messages.size(), 4);
    const QList<MessageRole> roles{MessageRole::User, MessageRole::Assistant, MessageRole::User, MessageRole::Assistant};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(back.messages.at(i).role, roles.at(i));
        // Figures and markers are not text; a code block left open by a stopped answer comes back closed.
        const QString expected = c.messages.at(i).content + (i == 1 ? u"\n~~~"_s : QString());
        QCOMPARE(back.messages.at(i).content, expected);
        QCOMPARE(back.messages.at(i).parentId, i == 0 ? QString() : back.messages.at(i - 1).id);
        QCOMPARE(back.messages.at(i).conversationId, back.record.id);
    }
    QCOMPARE(back.messages.at(1).reasoning, a.reasoning);
    QCOMPARE(back.messages.at(1).stats.requestedModel, u"openai/gpt-4o-mini"_s);
    QCOMPARE(back.messages.at(1).state, MessageState::Stopped);
    QCOMPARE(back.messages.at(3).state, MessageState::Stopped);
    QCOMPARE(back.record.currentLeafId, back.messages.at(3).id);
}

void TestMarkdownImport::handWrittenDocument()
{
    const ImportedConversation in = importConversationMarkdown(
        u"Notes before any heading are ignored.\r\n\r\n## You\r\n\r\nWhat is 2+2?\r\n\r\n## Assistant\r\n\r\n4\r\n\r\n"
        "## Aside\r\n\r\nnot a role\r\n"_s);
    QVERIFY(in.conversation);
    QCOMPARE(in.conversation->record.title, u"Imported conversation"_s);
    QCOMPARE(in.conversation->messages.size(), 2);
    QCOMPARE(in.conversation->messages.at(0).content, u"What is 2+2?"_s);
    QCOMPARE(in.conversation->messages.at(1).content, u"4\n\n## Aside\n\nnot a role"_s); // other headings are text
}

void TestMarkdownImport::refusesDocumentsWithoutMessages()
{
    const ImportedConversation in = importConversationMarkdown(u"# Just a title\n\nSome text."_s);
    QVERIFY(!in.conversation);
    QVERIFY(in.error.contains(u"## You"_s));
}

QTEST_GUILESS_MAIN(TestMarkdownImport)
#include "TestMarkdownImport.moc"
