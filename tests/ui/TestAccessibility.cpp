// SPDX-License-Identifier: GPL-3.0-or-later
// A screen reader's walk through every window: the pages with content in them (welcome, a finished comparison, a
// chat with answers, a pipeline after a run), the dialogs (Leaderboard, History charts, Diff, Column settings,
// Export, Connect, Run variables, Unsaved changes, Providers, Keyboard shortcuts, Budget, About), the tool window
// (Undo history) and the popups (model picker, add node): each interactive control has a name (from its visible
// text, its label or its purpose — never an object name), and no two controls in one window share one. Qt's own
// file dialogs are Qt's, not walked.
#include "chat/ChatPage.h"
#include "chat/Composer.h"
#include "catalog/ModelPicker.h"
#include "common/BudgetDialog.h"
#include "compare/ComparePage.h"
#include "compare/CompareBoard.h"
#include "compare/CompareColumn.h"
#include "compare/CompareSetupBar.h"
#include "compare/LeaderboardDialog.h"
#include "onboarding/WelcomePage.h"
#include "pricing/BudgetGuard.h"
#include "pipeline/PipelineDialogs.h"
#include "pipeline/PipelineEditor.h"
#include "pipeline/PipelinePage.h"
#include "pipeline/NodePalette.h"
#include "shell/MainWindow.h"
#include "shell/ShortcutsDialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTimer>
#include <QToolButton>
#include <QMenu>

#include <functional>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

bool isInteractive(QWidget* w)
{
    if (w->focusPolicy() == Qt::NoFocus || qobject_cast<QScrollBar*>(w))
        return false;
    if (qobject_cast<QAbstractSpinBox*>(w->parentWidget()) || qobject_cast<QComboBox*>(w->parentWidget()))
        return false; // the editor inside a spin or combo box: the box is the control
    if (w->objectName().startsWith(u"qt_"_s))
        return false; // Qt's own parts (viewports, scroll area containers)
    if (auto* area = qobject_cast<QAbstractScrollArea*>(w->parentWidget()); area && area->viewport() == w)
        return false; // a scroll area's viewport: the area is the control
    return qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w)
           || qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QAbstractItemView*>(w)
           || qobject_cast<QPlainTextEdit*>(w) || qobject_cast<QTextEdit*>(w) || w->focusPolicy() & Qt::TabFocus;
}

QString describe(QWidget* w)
{
    QString parent;
    for (QWidget* p = w->parentWidget(); p && parent.isEmpty(); p = p->parentWidget())
        parent = p->objectName();
    return u"%1 \"%2\" (in %3)"_s.arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(), parent);
}

// Problems in what `window` shows now: unnamed controls and names used twice.
QStringList walk(QWidget* window, const QString& where)
{
    QStringList problems;
    QHash<QString, QWidget*> names;
    QList<QWidget*> widgets = window->findChildren<QWidget*>();
    widgets.prepend(window); // a window can be the control itself (the undo history is one list)
    for (QWidget* w : std::as_const(widgets)) {
        if (!w->isVisible() || w->window() != window || !isInteractive(w))
            continue;
        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
        const QString name = a ? a->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty()) {
            problems.append(u"%1: %2 has no name"_s.arg(where, describe(w)));
            continue;
        }
        if (QWidget* other = names.value(name); other && other != w)
            problems.append(u"%1: %2 and %3 are both \"%4\""_s.arg(where, describe(other), describe(w), name));
        names.insert(name, w);
    }
    return problems;
}

// Every window shown now (the main window, dialogs, tool windows, popups), each on its own.
QStringList walkShown(const QString& where)
{
    QStringList problems;
    for (QWidget* top : QApplication::topLevelWidgets()) {
        if (top->isVisible())
            problems += walk(top, u"%1 [%2]"_s.arg(where, top->windowTitle().isEmpty() ? QString::fromLatin1(
                                                                top->metaObject()->className()) : top->windowTitle()));
    }
    return problems;
}

// `open` shows something modal (a dialog's exec(), a message box): walked while it is open, then dismissed.
QStringList walkModal(const QString& where, const std::function<void()>& open)
{
    QStringList problems;
    bool seen = false;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible())
            return;
        poll.stop();
        seen = true;
        problems += walkShown(where);
        if (auto* dialog = qobject_cast<QDialog*>(modal))
            dialog->reject();
        else
            modal->close();
    });
    poll.start();
    open();
    poll.stop();
    if (!seen)
        problems.append(where + u": nothing modal opened"_s);
    return problems;
}

// Dialogs opened with open() (not exec) as children of `parent`: walked, then closed.
QStringList walkOpenDialogs(QWidget* parent, const QString& where)
{
    QStringList problems;
    for (QDialog* d : parent->findChildren<QDialog*>()) {
        if (!d->isVisible())
            continue;
        problems += walk(d, u"%1 [%2]"_s.arg(where, d->windowTitle()));
        d->reject();
    }
    return problems;
}

// The accessible names of the controls `window` shows: what a screen reader would list.
QStringList namesShown(QWidget* window)
{
    QStringList names;
    for (QWidget* w : window->findChildren<QWidget*>()) {
        if (w->isVisible() && isInteractive(w))
            names.append(QAccessible::queryAccessibleInterface(w)->text(QAccessible::Name));
    }
    return names;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private slots:
    void everyPageAndDialogIsNamed();
};

void TestAccessibility::everyPageAndDialogIsNamed()
{
    // The first minutes as a new user has them (welcome → the offline comparison → a chat → a pipeline run), so
    // the pages are walked full: answers with their buttons, compare columns, a pipeline's nodes and run table.
    QSettings().clear();
    QTemporaryDir dir;
    MainWindow window(dir.filePath(u"config.json"_s), nullptr, dir.filePath(u"history.sqlite"_s));
    window.resize(1100, 720);
    window.checkFirstRun({});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList problems;
    QTRY_VERIFY_WITH_TIMEOUT(window.welcomePage() && window.welcomePage()->isVisible(), 5000);
    problems += walkShown(u"Welcome"_s);

    QSignalSpy compared(window.comparePage(), &ComparePage::runFinished);
    window.welcomePage()->offlineButton()->click();
    QVERIFY(compared.wait(30'000));
    QTest::qWait(100);
    problems += walkShown(u"Compare, after the offline comparison"_s);
    // The walk saw the columns' buttons, each named for its column.
    const QStringList compareNames = namesShown(&window);
    const QString firstColumn = window.comparePage()->board()->columns().constFirst()->title();
    QVERIFY2(compareNames.contains(u"Rate the answer from %1 good"_s.arg(firstColumn))
                 && compareNames.contains(u"Copy answer 1 from %1"_s.arg(firstColumn)),
             qPrintable(compareNames.join(u", "_s)));
    ComparePage* compare = window.comparePage();
    compare->showLeaderboard();
    QTRY_VERIFY(compare->findChild<LeaderboardDialog*>() && compare->findChild<LeaderboardDialog*>()->isVisible());
    problems += walkOpenDialogs(compare, u"Leaderboard"_s);
    compare->showHistoryCharts();
    QTRY_VERIFY(compare->findChild<QDialog*>(u"historyChartsDialog"_s)
                && compare->findChild<QDialog*>(u"historyChartsDialog"_s)->isVisible());
    problems += walkOpenDialogs(compare, u"History charts"_s);
    compare->showDiff();
    QTest::qWait(50);
    problems += walkOpenDialogs(compare, u"Diff"_s);
    auto* chip = compare->setupBar()->findChild<QToolButton*>(u"modelChip"_s);
    QVERIFY(chip && chip->menu());
    problems += walkModal(u"Column settings"_s, [&] { chip->menu()->actions().constFirst()->trigger(); });
    compare->openExportDialog();
    QTest::qWait(50);
    problems += walkOpenDialogs(compare, u"Export"_s);

    window.showChat();
    window.modelPicker()->choose(u"scripted/swift"_s);
    QSignalSpy answered(window.chatPage(), &ChatPage::answerFinished);
    for (const QString& prompt : {u"Why compare models?"_s, u"Show me some code"_s}) {
        window.chatPage()->composer()->editor()->setFocus();
        QTest::keyClicks(window.chatPage()->composer()->editor(), prompt);
        QTest::keyClick(window.chatPage()->composer()->editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(answered.wait(30'000));
    }
    QTest::qWait(100);
    problems += walkShown(u"Chat, two answers"_s);
    const QStringList chatNames = namesShown(&window);
    for (const QString& name : {u"Edit your message 2"_s, u"Regenerate answer 2"_s, u"Answer 1"_s, u"Copy answer 1"_s})
        QVERIFY2(chatNames.contains(name), qPrintable(name + u" not in: "_s + chatNames.join(u", "_s)));
    window.modelPicker()->showPopup();
    QTRY_VERIFY(window.modelPicker()->popup()->isVisible());
    problems += walkShown(u"Model picker"_s);
    window.modelPicker()->popup()->hide();

    window.showPipeline();
    PipelinePage* pipeline = window.pipelinePage();
    pipeline->setExamplesFolder(dir.filePath(u"examples"_s));
    pipeline->openExample(u"summarize-then-format.juxta"_s);
    QSignalSpy ran(pipeline, &PipelinePage::runFinished);
    pipeline->run(QHash<QString, QString>());
    QVERIFY(ran.wait(30'000));
    QTest::qWait(100);
    problems += walkShown(u"Pipeline, after a run"_s);
    const QString node = pipeline->editor().pipeline().nodes.constFirst().name;
    pipeline->selectNode(node);
    QTest::qWait(50);
    problems += walkShown(u"Pipeline, a node selected"_s);
    pipeline->action(u"pipelineUndoHistory"_s)->trigger();
    problems += walkShown(u"Undo history"_s);
    pipeline->findChild<QWidget*>(u"pipelineUndoHistory"_s)->close();
    pipeline->addNodePopup()->popUp(window.geometry().center());
    QTRY_VERIFY(pipeline->addNodePopup()->isVisible());
    problems += walkShown(u"Add node"_s);
    pipeline->addNodePopup()->hide();
    pipeline->selectNode(node);
    pipeline->openConnectDialog();
    QTRY_VERIFY(pipeline->findChild<ConnectDialog*>() && pipeline->findChild<ConnectDialog*>()->isVisible());
    problems += walkOpenDialogs(pipeline, u"Connect"_s);
    Variable question;
    question.name = u"question"_s;
    question.description = u"What to ask"_s;
    RunVariablesDialog variables({question}, {}, &window);
    variables.show();
    problems += walk(&variables, u"Run variables"_s);
    variables.close();
    pipeline->addNode(NodeKind::Output); // unsaved: New asks what to do with the changes
    problems += walkModal(u"Unsaved changes"_s, [&] { pipeline->maybeSave(); });
    pipeline->editor().markSaved();

    window.showProviders();
    QTest::qWait(100);
    problems += walkOpenDialogs(&window, u"Providers"_s);
    ShortcutsDialog shortcuts(window.menuBar(), &window);
    shortcuts.show();
    problems += walk(&shortcuts, u"Keyboard shortcuts"_s);
    shortcuts.close();
    BudgetVerdict verdict;
    verdict.kind = BudgetVerdict::Kind::Warn;
    verdict.message = u"This may cost up to $0.40, over your warning of $0.25."_s;
    showBudgetVerdict(&window, verdict, u"Compare"_s, [] {});
    QTest::qWait(50);
    problems += walkOpenDialogs(&window, u"Budget"_s);
    QAction* about = nullptr;
    for (QAction* a : window.findChildren<QAction*>()) {
        if (a->text() == u"&About Juxta"_s)
            about = a;
    }
    QVERIFY(about);
    problems += walkModal(u"About"_s, [&] { about->trigger(); });
    problems.removeDuplicates();
    for (const QString& problem : std::as_const(problems))
        qWarning("%s", qPrintable(problem)); // all of them: QVERIFY2 cuts a long message
    QVERIFY2(problems.isEmpty(), qPrintable(u"%1 problems, the first: %2"_s.arg(problems.size()).arg(problems.value(0))));
}

QTEST_MAIN(TestAccessibility)
#include "TestAccessibility.moc"
