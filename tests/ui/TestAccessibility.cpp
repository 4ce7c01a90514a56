// SPDX-License-Identifier: GPL-3.0-or-later
// A screen reader's walk through every page (chat, compare, pipeline with and without a node, welcome) and the
// dialogs (Providers, Keyboard shortcuts, Export, Diff, Connect, Run variables): each interactive control has a name
// (from its visible text, its label or its purpose — never an object name), and no two controls shown together
// share one.
#include "compare/DiffDialog.h"
#include "config/ConfigStore.h"
#include "pipeline/PipelineDialogs.h"
#include "pipeline/PipelineEditor.h"
#include "pipeline/PipelinePage.h"
#include "pipeline/PipelineScene.h"
#include "report/ExportDialog.h"
#include "shell/MainWindow.h"
#include "shell/ShortcutsDialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

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
    for (QWidget* w : window->findChildren<QWidget*>()) {
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

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private slots:
    void everyPageAndDialogIsNamed();
};

void TestAccessibility::everyPageAndDialogIsNamed()
{
    QSettings().clear();
    QTemporaryDir dir;
    {
        ConfigStore store(dir.filePath(u"config.json"_s));
        store.load();
    }
    MainWindow window(dir.filePath(u"config.json"_s), nullptr, dir.filePath(u"history.sqlite"_s));
    window.resize(1100, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList problems;
    window.showChat();
    QTest::qWait(50);
    problems += walk(&window, u"Chat"_s);
    window.showCompare();
    QTest::qWait(50);
    problems += walk(&window, u"Compare"_s);
    window.showPipeline();
    const QString node = window.pipelinePage()->addNode(NodeKind::Model);
    QTest::qWait(50);
    problems += walk(&window, u"Pipeline (a model node selected)"_s);
    window.pipelinePage()->scene()->clearSelection();
    QTest::qWait(50);
    problems += walk(&window, u"Pipeline (nothing selected)"_s);
    window.showWelcome();
    QTest::qWait(50);
    problems += walk(&window, u"Welcome"_s);

    window.showProviders();
    QTest::qWait(100);
    for (QDialog* d : window.findChildren<QDialog*>()) {
        if (d->isVisible())
            problems += walk(d, d->windowTitle());
        d->close();
    }
    ShortcutsDialog shortcuts(window.menuBar(), &window);
    shortcuts.show();
    problems += walk(&shortcuts, u"Keyboard shortcuts"_s);
    ExportDialog exporter(ReportKind::Comparison, u"A comparison"_s, {}, &window);
    exporter.show();
    problems += walk(&exporter, u"Export"_s);
    DiffDialog diff({u"a/model"_s, u"b/model"_s}, {u"one two"_s, u"one three"_s}, &window);
    diff.show();
    problems += walk(&diff, u"Diff"_s);
    window.showPipeline();
    const QString output = window.pipelinePage()->addNode(NodeKind::Output);
    ConnectDialog connect(window.pipelinePage()->editor().pipeline(), node, &window);
    connect.show();
    problems += walk(&connect, u"Connect"_s);
    Variable question;
    question.name = u"question"_s;
    question.description = u"What to ask"_s;
    RunVariablesDialog variables({question}, {}, &window);
    variables.show();
    problems += walk(&variables, u"Run variables"_s);
    Q_UNUSED(output)
    window.pipelinePage()->editor().markSaved();
    Q_UNUSED(node)
    QVERIFY2(problems.isEmpty(), qPrintable(u"\n"_s + problems.join(u'\n')));
}

QTEST_MAIN(TestAccessibility)
#include "TestAccessibility.moc"
