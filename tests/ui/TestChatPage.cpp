// SPDX-License-Identifier: GPL-3.0-or-later
// The chat window driven as a person would, against the fake provider over 127.0.0.1: send (Ctrl+Enter), stream,
// stop (Esc), regenerate, edit-and-resend (↑), switch version, switch model, an error shown inline and retried,
// the history reopened in a new window, delete with undo, export and import. Light and dark screenshots.
#include "FakeProviderServer.h"
#include "StreamScripts.h"
#include "catalog/ModelPicker.h"
#include "chat/ChatPage.h"
#include "chat/CodeBlockView.h"
#include "chat/Composer.h"
#include "chat/ConversationSidebar.h"
#include "chat/MessageWidget.h"
#include "chat/TranscriptView.h"
#include "config/ConfigStore.h"
#include "report/ExportDialog.h"
#include "shell/MainWindow.h"
#include "storage/HistoryService.h"

#include <QAbstractEventDispatcher>
#include <QAccessible>
#include <QApplication>

#include <ctime>
#include <QStatusBar>
#include <QDir>
#include <QJsonArray>
#include <QPushButton>
#include <QJsonObject>
#include <QJsonDocument>
#include <QFile>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QScreen>
#include <QSplitter>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace juxta;
using namespace juxta::test;

namespace {

const QString kAnswer = u"Here is a **plan**:\n\n1. Read the file\n2. Count the words\n\n"
                        "```python\nimport sys\nprint(len(sys.stdin.read().split()))\n```\n\n"
                        "| Model | Cost |\n|---|---|\n| small | $0.10 |\n| large | $2.50 |\n\n"
                        "See [the docs](https://example.org/docs) and `wc -w`."_s;

QStringList piecesOf(const QString& text, int size = 6)
{
    QStringList pieces;
    for (qsizetype i = 0; i < text.size(); i += size)
        pieces.append(text.mid(i, size));
    return pieces;
}

ScriptedResponse answer(const QString& text, int delayMs = 5, const QString& model = u"model-a"_s)
{
    StreamScript script;
    script.pieces = piecesOf(text);
    script.delayMs = delayMs;
    script.model = model;
    return openAiStream(script);
}

QStringList requestRoles(const RecordedRequest& request)
{
    QStringList roles;
    for (const QJsonValue& m : request.json().value(u"messages"_s).toArray())
        roles.append(m.toObject().value(u"role"_s).toString() + u':' + m.toObject().value(u"content"_s).toString());
    return roles;
}

void saveShot(QWidget& window, const QString& name)
{
    const QString dir = qEnvironmentVariable("JUXTA_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    QVERIFY(window.grab().toImage().save(dir + u'/' + name));
}

} // namespace

class TestChatPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fullConversation();
    void emptyPageHintLeavesWithTheFirstMessage();
    void reopensFromHistoryAndDeletesWithUndo();
    void reasoningIsCollapsedAndToolCallsAreBlocks();
    void idleWindowRunsNoTimers();
    void layoutIsRemembered();
    void damagedHistoryIsReportedAndChatGoesOn();
    void budgetGuardsTheChat();
    void screenshots();

private:
    MainWindow* openWindow();
    ChatPage* page() const { return m_window->chatPage(); }
    TranscriptView* transcript() const { return page()->transcript(); }
    void sendTyped(const QString& text);
    MessageRecord waitForAnswer();
    MessageWidget* widget(int index) const { return transcript()->widgetAt(index); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeProviderServer> m_server;
    MainWindow* m_window = nullptr;
    std::unique_ptr<QSignalSpy> m_answers;
    qsizetype m_answersSeen = 0;
};

void TestChatPage::init()
{
    QSettings().clear(); // every test starts from the default layout
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<FakeProviderServer>();
    QVERIFY(m_server->listen());
    ConfigStore store(m_dir->filePath(u"config.json"_s));
    store.load();
    QString error;
    QVERIFY(store.update([this](AppConfig& config) {
        ProviderProfile p;
        p.id = u"fake"_s;
        p.displayName = u"Fake provider"_s;
        p.presetId = u"custom"_s;
        p.baseUrl = m_server->baseUrl();
        p.auth = AuthStyle::None;
        config.profiles = {p};
        config.recentModels = {u"fake/model-a"_s};
    }, &error));
    m_window = openWindow();
}

void TestChatPage::cleanup()
{
    m_answers.reset();
    delete m_window;
    m_window = nullptr;
    m_server.reset();
    m_dir.reset();
}

MainWindow* TestChatPage::openWindow()
{
    auto* window = new MainWindow(m_dir->filePath(u"config.json"_s), nullptr, m_dir->filePath(u"history.sqlite"_s));
    window->resize(1280, 820);
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        qWarning("window not exposed");
    QSignalSpy opened(&window->history(), &HistoryService::opened);
    if (!window->history().openReport().ok)
        opened.wait(5000);
    m_answers = std::make_unique<QSignalSpy>(window->chatPage(), &ChatPage::answerFinished);
    m_answersSeen = 0;
    return window;
}

void TestChatPage::sendTyped(const QString& text)
{
    ComposerEdit* edit = page()->composer()->editor();
    edit->setFocus();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
}

MessageRecord TestChatPage::waitForAnswer()
{
    // The spy lives as long as the window: a stop can finish an answer before this is called.
    if (m_answers->size() <= m_answersSeen && !m_answers->wait(15'000))
        return {};
    return m_answers->at(m_answersSeen++).constFirst().value<MessageRecord>();
}

void TestChatPage::fullConversation()
{
    // Send, stream, and the finished answer rendered as Markdown with a code block and its figures.
    m_server->enqueue(answer(kAnswer));
    sendTyped(u"How do I count words?"_s);
    QCOMPARE(transcript()->count(), 2);
    QVERIFY(page()->composer()->isBusy());
    MessageRecord a1 = waitForAnswer();
    QCOMPARE(a1.state, MessageState::Complete);
    QCOMPARE(a1.content, kAnswer);
    QVERIFY(!page()->composer()->isBusy());
    QCOMPARE(page()->composer()->text(), QString()); // cleared on send
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests().at(0).json().value(u"model"_s).toString(), u"model-a"_s);
    QCOMPARE(requestRoles(m_server->requests().at(0)), (QStringList{u"user:How do I count words?"_s}));
    QTRY_VERIFY(widget(1) && widget(1)->findChild<CodeBlockView*>());
    QCOMPARE(widget(1)->findChild<CodeBlockView*>()->code(), u"import sys\nprint(len(sys.stdin.read().split()))"_s);
    const QLabel* figures = widget(1)->findChild<QLabel*>(u"answerFigures"_s);
    QVERIFY(figures);
    QVERIFY2(figures->text().contains(u"12 in / "_s), qPrintable(figures->text()));
    QVERIFY(figures->text().contains(u"TTFT "_s));
    // What a screen reader hears: the same figures in words, on the line and as the answer's description.
    const QString heard = QAccessible::queryAccessibleInterface(const_cast<QLabel*>(figures))->text(QAccessible::Name);
    QVERIFY2(heard.contains(u"Time to first token "_s) && heard.contains(u"12 input tokens, "_s)
                 && heard.contains(u"Finish reason: stop."_s) && !heard.contains(u"·"_s),
             qPrintable(heard));
    QCOMPARE(QAccessible::queryAccessibleInterface(widget(1))->text(QAccessible::Description), heard);
    // The figures line wraps inside the answer when the window is narrow, instead of running off its edge.
    const QSize before = m_window->size();
    m_window->resize(520, before.height());
    QTRY_VERIFY(figures->width() > 0 && figures->width() < 500);
    QTRY_VERIFY(figures->geometry().right() <= widget(1)->contentsRect().right());
    QVERIFY(figures->height() >= 2 * figures->fontMetrics().height()); // on two lines or more, all of it shown
    QCOMPARE(figures->toolTip(), figures->text());
    m_window->resize(before);
    QVERIFY(!transcript()->message(1).stats.servedBy.isEmpty());
    QCOMPARE(page()->sidebar()->list()->count(), 1);
    QCOMPARE(page()->sidebar()->list()->item(0)->text(), u"How do I count words?"_s);

    // Stop mid-stream with Esc: the partial answer stays, marked incomplete.
    StreamScript slow;
    slow.pieces = proseTokens(200);
    slow.delayMs = 40;
    m_server->enqueue(openAiStream(slow));
    sendTyped(u"Tell me more"_s);
    QTRY_VERIFY_WITH_TIMEOUT(transcript()->message(3).content.size() > 20, 10'000);
    QTest::keyClick(page()->composer()->editor(), Qt::Key_Escape);
    MessageRecord stopped = waitForAnswer();
    QCOMPARE(stopped.state, MessageState::Stopped);
    QVERIFY(!stopped.content.isEmpty());
    QVERIFY(slow.pieces.join(QString()).startsWith(stopped.content));
    QTRY_VERIFY(widget(3) && widget(3)->findChild<QFrame*>(u"errorBanner"_s));
    QCOMPARE(requestRoles(m_server->requests().at(1)),
             (QStringList{u"user:How do I count words?"_s, u"assistant:"_s + kAnswer, u"user:Tell me more"_s}));

    // Regenerate the stopped answer: a second version of the same turn.
    m_server->enqueue(answer(u"A shorter answer."_s));
    QToolButton* regenerate = widget(3)->findChild<QToolButton*>(u"regenerateMessage"_s);
    QVERIFY(regenerate);
    regenerate->click();
    MessageRecord again = waitForAnswer();
    QCOMPARE(again.content, u"A shorter answer."_s);
    QCOMPARE(again.parentId, stopped.parentId);
    QCOMPARE(transcript()->count(), 4);
    QTRY_VERIFY(widget(3) && widget(3)->findChild<QLabel*>(u"branchPosition"_s));
    QCOMPARE(widget(3)->findChild<QLabel*>(u"branchPosition"_s)->text(), u"2 / 2"_s);
    QCOMPARE(requestRoles(m_server->requests().at(2)).size(), 3); // the same context as the stopped one

    // Edit and resend with ↑: the edited question is a new version; the old branch stays reachable.
    QTest::keyClick(page()->composer()->editor(), Qt::Key_Up);
    QCOMPARE(page()->composer()->text(), u"Tell me more"_s);
    QVERIFY(page()->composer()->isEditing());
    page()->composer()->setText(u"Tell me more, briefly"_s);
    m_server->enqueue(answer(u"Briefly: split and count."_s));
    QTest::keyClick(page()->composer()->editor(), Qt::Key_Return, Qt::ControlModifier);
    MessageRecord edited = waitForAnswer();
    QCOMPARE(edited.content, u"Briefly: split and count."_s);
    QCOMPARE(transcript()->count(), 4);
    QCOMPARE(transcript()->message(2).content, u"Tell me more, briefly"_s);
    QTRY_VERIFY(widget(2) && widget(2)->findChild<QLabel*>(u"branchPosition"_s));
    QCOMPARE(widget(2)->findChild<QLabel*>(u"branchPosition"_s)->text(), u"2 / 2"_s);
    widget(2)->findChild<QToolButton*>(u"previousBranch"_s)->click();
    QCOMPARE(transcript()->message(2).content, u"Tell me more"_s);
    QCOMPARE(transcript()->message(3).content, u"A shorter answer."_s); // that branch's latest answer
    QTRY_VERIFY(widget(2));
    widget(2)->findChild<QToolButton*>(u"nextBranch"_s)->click();
    QCOMPARE(transcript()->message(2).content, u"Tell me more, briefly"_s);

    // Switch model mid-conversation: the next turn goes to the other model with the whole branch as context.
    m_window->modelPicker()->setCurrentModel(u"fake/model-b"_s);
    m_server->enqueue(answer(u"From model B."_s, 5, u"model-b"_s));
    sendTyped(u"And you?"_s);
    MessageRecord fromB = waitForAnswer();
    QCOMPARE(m_server->requests().constLast().json().value(u"model"_s).toString(), u"model-b"_s);
    QCOMPARE(requestRoles(m_server->requests().constLast()).size(), 5);
    QCOMPARE(fromB.stats.requestedModel, u"fake/model-b"_s);

    // An error is shown inline with its class; Retry asks again and the answer arrives.
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/error_401_invalid_key.http"_s));
    sendTyped(u"One more"_s);
    MessageRecord failed = waitForAnswer();
    QCOMPARE(failed.state, MessageState::Failed);
    QCOMPARE(failed.stats.errorClass, u"auth"_s);
    QTRY_VERIFY(widget(7) && widget(7)->findChild<QLabel*>(u"errorText"_s));
    QVERIFY(widget(7)->findChild<QLabel*>(u"errorText"_s)->text().startsWith(u"auth (HTTP 401)"_s));
    m_server->enqueue(answer(u"Recovered."_s, 5, u"model-b"_s));
    widget(7)->findChild<QToolButton*>(u"retryAnswer"_s)->click();
    MessageRecord retried = waitForAnswer();
    QCOMPARE(retried.state, MessageState::Complete);
    QCOMPARE(retried.content, u"Recovered."_s);
    QCOMPARE(transcript()->message(7).id, retried.id);
}

// What the window shows, not a fresh render: the offscreen platform's screen grab reads the backing store, so a
// region nobody repainted still holds its old pixels, as on a real screen.
QImage shownOnScreen(QWidget* widget)
{
    QWidget* window = widget->window();
    const QPixmap store = window->windowHandle()->screen()->grabWindow(window->winId());
    const QRect area(widget->mapTo(window, QPoint(0, 0)) * store.devicePixelRatio(),
                     widget->size() * store.devicePixelRatio());
    return store.toImage().copy(area).convertToFormat(QImage::Format_RGB32);
}

int differingPixels(const QImage& a, const QImage& b)
{
    if (a.size() != b.size())
        return a.width() * a.height();
    int count = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto* la = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const auto* lb = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x)
            count += la[x] != lb[x];
    }
    return count;
}

void TestChatPage::emptyPageHintLeavesWithTheFirstMessage()
{
    // Welcome → chat at the window's first size: the empty page says what to do; once the first answer is there,
    // nothing of that hint may stay on screen (it used to linger until the page was shown again).
    m_window->resize(1100, 720);
    m_window->showChat();
    QWidget* viewport = transcript()->viewport();
    QTest::qWait(200);
    const QImage empty = shownOnScreen(viewport);
    const QColor base = viewport->palette().color(QPalette::Base);
    int ink = 0;
    for (int y = empty.height() / 3; y < 2 * empty.height() / 3; ++y) {
        for (int x = 0; x < empty.width(); ++x)
            ink += QColor(empty.pixel(x, y)) != base;
    }
    QVERIFY2(ink > 100, "the empty page shows its hint"); // the hint's letters

    m_server->enqueue(answer(u"Short."_s));
    sendTyped(u"Hello"_s);
    QCOMPARE(waitForAnswer().state, MessageState::Complete);
    QTest::qWait(200); // every repaint the change asked for has reached the screen
    const QImage shown = shownOnScreen(viewport);
    const QImage fresh = viewport->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const int stale = differingPixels(shown, fresh);
    if (stale > 0 && !qEnvironmentVariableIsEmpty("JUXTA_SCREENSHOT_DIR"))
        shown.save(QDir(qEnvironmentVariable("JUXTA_SCREENSHOT_DIR")).filePath(u"chat_stale_hint.png"_s));
    QVERIFY2(stale == 0, qPrintable(u"%1 pixels on screen differ from a fresh paint"_s.arg(stale)));
}

void TestChatPage::budgetGuardsTheChat()
{
    // The chat sends through the same engine as compare, so the budget guard sees it: a block sends nothing and
    // keeps the text in the composer; a warning can be overridden.
    delete m_window;
    m_window = nullptr;
    ConfigStore store(m_dir->filePath(u"config.json"_s));
    store.load();
    QVERIFY(store.update([](AppConfig& config) {
        ModelPrice price;
        price.base.input = 1;
        price.base.output = 10;
        config.priceOverrides.insert(u"fake/model-a"_s, price);
        config.budget.perRequestUsd = 0.000001;
        config.budget.action = BudgetLimits::Action::Block;
    }));
    m_window = openWindow();
    m_window->modelPicker()->setCurrentModel(u"fake/model-a"_s);
    sendTyped(u"Too dear"_s);
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = page()->findChild<QMessageBox*>(u"budgetVerdict"_s)) != nullptr);
    QCOMPARE(box->icon(), QMessageBox::Critical);
    QCOMPARE(box->standardButtons(), QMessageBox::Ok);
    box->button(QMessageBox::Ok)->click();
    QTRY_VERIFY(!page()->findChild<QMessageBox*>(u"budgetVerdict"_s));
    QCOMPARE(m_server->requests().size(), 0);
    QCOMPARE(transcript()->count(), 0);
    QCOMPARE(page()->composer()->text(), u"Too dear"_s); // nothing lost
    QVERIFY(!page()->composer()->isBusy());

    delete m_window;
    m_window = nullptr;
    QVERIFY(store.update([](AppConfig& config) { config.budget.action = BudgetLimits::Action::Warn; }));
    m_window = openWindow();
    m_window->modelPicker()->setCurrentModel(u"fake/model-a"_s);
    m_server->enqueue(answer(u"Worth it."_s));
    sendTyped(u"Worth it?"_s);
    QTRY_VERIFY((box = page()->findChild<QMessageBox*>(u"budgetVerdict"_s)) != nullptr);
    QCOMPARE(box->icon(), QMessageBox::Warning);
    QCOMPARE(m_server->requests().size(), 0); // nothing sent while asking
    box->button(QMessageBox::Ok)->click();    // "Send anyway"
    const MessageRecord sent = waitForAnswer();
    QCOMPARE(sent.state, MessageState::Complete);
    QCOMPARE(sent.content, u"Worth it."_s);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestChatPage::reopensFromHistoryAndDeletesWithUndo()
{
    m_server->enqueue(answer(kAnswer));
    sendTyped(u"Persist me"_s);
    const MessageRecord a = waitForAnswer();
    QCOMPARE(a.state, MessageState::Complete);
    const QString conversationId = page()->currentConversationId();

    // Export both ways, then import the JSON as a second conversation.
    QSignalSpy exported(page(), &ChatPage::exported);
    page()->exportConversation(conversationId, m_dir->filePath(u"chat.md"_s), u"md"_s);
    page()->exportConversation(conversationId, m_dir->filePath(u"chat.json"_s), u"json"_s);
    QTRY_COMPARE(exported.size(), 2);
    QVERIFY(exported.at(0).at(1).toBool() && exported.at(1).at(1).toBool());
    QFile md(m_dir->filePath(u"chat.md"_s));
    QVERIFY(md.open(QIODevice::ReadOnly));
    const QString markdown = QString::fromUtf8(md.readAll());
    QVERIFY(markdown.contains(u"Persist me"_s) && markdown.contains(u"```python"_s));

    // The Export dialog from the sidebar's menu: a report, and the lossless JSON, both written from the history.
    emit page()->sidebar()->exportRequested(conversationId);
    ExportDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = page()->findChild<ExportDialog*>()) != nullptr);
    QCOMPARE(dialog->formatBox()->count(), 6); // four report formats, the conversation's JSON and Markdown
    QPushButton* exportButton = nullptr;
    for (QPushButton* b : dialog->findChildren<QPushButton*>())
        exportButton = b->text() == u"&Export"_s ? b : exportButton;
    QVERIFY(exportButton);
    const auto exportTo = [dialog, exportButton](int format, const QString& path) {
        dialog->setFormatIndex(format);
        dialog->setPath(path);
        QTest::mouseClick(exportButton, Qt::LeftButton);
    };
    exportTo(3, m_dir->filePath(u"chat-report.json"_s));
    QTRY_VERIFY(QFile::exists(m_dir->filePath(u"chat-report.json"_s)));
    QFile reportFile(m_dir->filePath(u"chat-report.json"_s));
    QVERIFY(reportFile.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(reportFile.readAll()).object();
    QCOMPARE(report.value(u"format"_s).toString(), u"juxta.report"_s);
    QCOMPARE(report.value(u"kind"_s).toString(), u"conversation"_s);
    QCOMPARE(report.value(u"messages"_s).toArray().at(0).toObject().value(u"content"_s).toString(), u"Persist me"_s);
    QTRY_VERIFY(exportButton->isEnabled()); // one export at a time: given back once the first is written
    exportTo(4, m_dir->filePath(u"chat-lossless.json"_s));
    QTRY_VERIFY(QFile::exists(m_dir->filePath(u"chat-lossless.json"_s)));
    QFile lossless(m_dir->filePath(u"chat-lossless.json"_s));
    QVERIFY(lossless.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(lossless.readAll()).object().value(u"format"_s).toString(), u"juxta.conversation"_s);
    dialog->close();

    m_answers.reset();
    delete m_window;
    m_window = openWindow();
    QTRY_COMPARE(page()->sidebar()->list()->count(), 1);
    page()->sidebar()->list()->setCurrentRow(0);
    QTRY_COMPARE(transcript()->count(), 2);
    QCOMPARE(transcript()->message(1).content, kAnswer);
    QCOMPARE(transcript()->message(1).state, MessageState::Complete);

    QSignalSpy imported(page(), &ChatPage::imported);
    page()->importConversation(m_dir->filePath(u"chat.json"_s));
    QVERIFY(imported.wait(5000));
    QVERIFY(!imported.constFirst().constFirst().toString().isEmpty());
    QTRY_COMPARE(page()->sidebar()->list()->count(), 2);
    page()->importConversation(m_dir->filePath(u"chat.md"_s)); // the Markdown export reads back too
    QVERIFY(imported.wait(5000));
    QVERIFY(!imported.constLast().constFirst().toString().isEmpty());
    QTRY_COMPARE(page()->sidebar()->list()->count(), 3);
    QTRY_COMPARE(transcript()->count(), 2);
    QCOMPARE(transcript()->message(1).content, kAnswer);

    page()->deleteConversation(conversationId);
    QTRY_COMPARE(page()->sidebar()->list()->count(), 2);
    QToolButton* undo = m_window->findChild<QToolButton*>(u"undoDelete"_s);
    QVERIFY(undo && undo->isVisible());
    undo->click();
    QTRY_COMPARE(page()->sidebar()->list()->count(), 3);
    QTRY_COMPARE(page()->currentConversationId(), conversationId);
}

void TestChatPage::reasoningIsCollapsedAndToolCallsAreBlocks()
{
    StreamScript thinking;
    thinking.reasoningBefore = u"The user wants a count, so split on whitespace."_s;
    thinking.pieces = {u"Use "_s, u"split()."_s};
    m_server->enqueue(openAiStream(thinking));
    sendTyped(u"Think first"_s);
    const MessageRecord a = waitForAnswer();
    QCOMPARE(a.reasoning, thinking.reasoningBefore + u' ');
    QCOMPARE(a.content, u"Use split()."_s);
    QTRY_VERIFY(widget(1));
    QToolButton* toggle = widget(1)->findChild<QToolButton*>(u"reasoningToggle"_s);
    QWidget* reasoning = widget(1)->findChild<QWidget*>(u"reasoningText"_s);
    QVERIFY(toggle && reasoning);
    QVERIFY(toggle->isVisible() && !toggle->isChecked());
    QVERIFY(!reasoning->isVisible()); // collapsed until asked for
    const int collapsed = widget(1)->height();
    toggle->click();
    QVERIFY(reasoning->isVisible());
    QTRY_VERIFY(widget(1) && widget(1)->height() > collapsed); // the row grew to show it

    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/stream_tool_calls.http"_s));
    sendTyped(u"What's the weather?"_s);
    const MessageRecord tools = waitForAnswer();
    QVERIFY(!tools.toolCallsJson.isEmpty());
    QTRY_VERIFY(transcript()->lastWidgetAt(3) && transcript()->lastWidgetAt(3)->findChild<QWidget*>(u"toolCall"_s));
}

void TestChatPage::idleWindowRunsNoTimers()
{
    m_server->enqueue(answer(kAnswer));
    sendTyped(u"Anything"_s);
    QCOMPARE(waitForAnswer().state, MessageState::Complete);
    m_window->statusBar()->clearMessage();
    m_window->setFocus(); // no text cursor blinking anywhere
    QTest::qWait(400);    // one-shot timers of the answer (save, frame, estimate) have fired
    QStringList running;
    QList<QObject*> objects = m_window->findChildren<QObject*>();
    objects.append(m_window);
    for (QObject* object : std::as_const(objects)) {
        for (const QAbstractEventDispatcher::TimerInfo& timer :
             QAbstractEventDispatcher::instance()->registeredTimers(object))
            running.append(u"%1 (%2, %3 ms)"_s.arg(QString::fromLatin1(object->metaObject()->className()),
                                                  object->objectName())
                               .arg(timer.interval));
    }
    QVERIFY2(running.isEmpty(), qPrintable(running.join(u", "_s)));

    // And nothing re-posts itself either (a layout that never settles would): the event loop sleeps.
    const std::clock_t before = std::clock();
    QTest::qWait(1000);
    const double cpuMs = double(std::clock() - before) * 1000.0 / CLOCKS_PER_SEC;
    QVERIFY2(cpuMs < 100, qPrintable(u"%1 ms of CPU in one idle second"_s.arg(cpuMs)));
}

void TestChatPage::layoutIsRemembered()
{
    page()->splitter()->setSizes({300, 700, 250});
    const QList<int> sizes = page()->splitter()->sizes();
    page()->setSettingsPanelVisible(false);
    m_window->close();
    m_answers.reset();
    delete m_window;
    m_window = openWindow();
    QVERIFY(!page()->isSettingsPanelVisible());
    page()->setSettingsPanelVisible(true);
    QCOMPARE(page()->splitter()->sizes().constFirst(), sizes.constFirst());
    m_window->close(); // saved with the panel shown again
}

void TestChatPage::damagedHistoryIsReportedAndChatGoesOn()
{
    m_answers.reset();
    delete m_window;
    QFile file(m_dir->filePath(u"history.sqlite"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, '\x7f'));
    file.close();
    m_window = openWindow();
    QTRY_VERIFY(m_window->findChild<QMessageBox*>(u"historyProblem"_s));
    const QString text = m_window->findChild<QMessageBox*>(u"historyProblem"_s)->text();
    QVERIFY2(text.contains(u"damaged"_s) && text.contains(u".damaged-"_s), qPrintable(text));
    QVERIFY(!QDir(m_dir->path()).entryList({u"history.sqlite.damaged-*"_s}).isEmpty()); // the old file is kept
    m_server->enqueue(answer(u"Still here."_s));
    sendTyped(u"Hello?"_s);
    QCOMPARE(waitForAnswer().content, u"Still here."_s);
}

void TestChatPage::screenshots()
{
    m_server->enqueue(answer(kAnswer, 1));
    sendTyped(u"How do I count the words in a file with Python, and what does it cost?"_s);
    QCOMPARE(waitForAnswer().state, MessageState::Complete);
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/error_429_rate_limit.http"_s));
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/error_429_rate_limit.http"_s));
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/error_429_rate_limit.http"_s));
    sendTyped(u"Shorter, please"_s);
    QCOMPARE(waitForAnswer().state, MessageState::Failed);
    QTest::qWait(50);
    for (int i = 0; i < transcript()->count(); ++i) { // every row is exactly as tall as its content
        MessageWidget* w = transcript()->widgetAt(i);
        QVERIFY(w);
        QCOMPARE(w->height(), w->heightForWidth(w->width()));
    }
    saveShot(*m_window, u"chat_light.png"_s);

    // The system's dark palette, as a dark desktop theme hands it to Qt.
    const QPalette light = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2e));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1f, 0x1f, 0x22));
    dark.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x38));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3e));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0xa0));
    dark.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3e));
    dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    QApplication::setPalette(dark);
    QTest::qWait(50);
    saveShot(*m_window, u"chat_dark.png"_s);
    QApplication::setPalette(light);
}

QTEST_MAIN(TestChatPage)
#include "TestChatPage.moc"
