// SPDX-License-Identifier: GPL-3.0-or-later
// The main window shell: menus, status bar, the chat as its centre; rendered offscreen and saved for a human look.
#include "pipeline/PipelinePage.h"
#include "shell/MainWindow.h"
#include "shell/ShortcutsDialog.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QMenuBar>
#include <QSet>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <QMenu>

using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"JuxtaTest"_s);
        QCoreApplication::setApplicationName(u"test_main_window"_s);
    }
    void showsMenusStatusAndCentre();
};

void TestMainWindow::showsMenusStatusAndCentre()
{
    // A history of its own: one left by an earlier run of an older schema would greet with "upgraded…".
    QTemporaryDir home;
    juxta::MainWindow window({}, nullptr, home.filePath(u"history.sqlite"_s));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), u"Juxta"_s);

    QStringList menus;
    for (QAction* action : window.menuBar()->actions())
        menus.append(action->text());
    QCOMPARE(menus, (QStringList{u"&File"_s, u"&Edit"_s, u"&View"_s, u"&Pipeline"_s, u"&Settings"_s, u"&Help"_s}));
    QVERIFY(window.findChild<QAction*>(u"actionProviders"_s));
    // The window has Juxta's icon in every size a desktop asks for.
    QVERIFY(!window.windowIcon().isNull());
    for (int size : {16, 32, 64, 256})
        QVERIFY(window.windowIcon().availableSizes().contains(QSize(size, size)));
    // Settings ▸ Providers has a shortcut on Linux desktops too (QKeySequence::Preferences has none there).
    QCOMPARE(window.findChild<QAction*>(u"actionProviders"_s)->shortcut(), QKeySequence(u"Ctrl+,"_s));
    // The Pipeline view: its own mode, and its shortcuts only inside it.
    QCOMPARE(window.findChild<QAction*>(u"actionPipelineMode"_s)->shortcut(), QKeySequence(u"Ctrl+3"_s));
    for (QAction* action : window.pipelinePage()->actions())
        QCOMPARE(action->shortcutContext(), Qt::WidgetWithChildrenShortcut);

    // Help ▸ Keyboard shortcuts lists the menus' keys, read from the menus themselves, and the views' own keys.
    window.findChild<QAction*>(u"actionShortcuts"_s)->trigger();
    auto* shortcuts = window.findChild<juxta::ShortcutsDialog*>();
    QVERIFY(shortcuts);
    QStringList rows;
    for (int row = 0; row < shortcuts->table()->rowCount(); ++row)
        rows.append(shortcuts->table()->item(row, 0)->text() + u" | "_s + shortcuts->table()->item(row, 1)->text()
                    + u" | "_s + shortcuts->table()->item(row, 2)->text());
    const auto listed = [&rows](const QString& text) {
        return std::any_of(rows.begin(), rows.end(), [&text](const QString& r) { return r.contains(text); });
    };
    QVERIFY2(listed(u"Settings | Providers | "_s + QKeySequence(u"Ctrl+,"_s).toString(QKeySequence::NativeText)),
             qPrintable(rows.join(u'\n')));
    QVERIFY(listed(u"View | Pipeline | "_s + QKeySequence(u"Ctrl+3"_s).toString(QKeySequence::NativeText)));
    QVERIFY(listed(u"Pipeline | Connect | "_s + QKeySequence(u"Ctrl+K"_s).toString(QKeySequence::NativeText)));
    QVERIFY(listed(u"File ▸ Open example pipeline"_s) == false); // a submenu without keys adds no row
    QVERIFY(listed(u"Add a node at the cursor | Space"_s));
    shortcuts->searchField()->setText(u"Connect"_s);
    int shown = 0;
    for (int row = 0; row < shortcuts->table()->rowCount(); ++row)
        shown += !shortcuts->table()->isRowHidden(row);
    QCOMPARE(shown, 1);
    // Every menu entry is reachable from the keyboard: a mnemonic that is unique in its menu (Alt, then letters).
    QStringList unreachable;
    std::function<void(QMenu*, const QString&)> walkMenu = [&](QMenu* menu, const QString& path) {
        QHash<QChar, QString> taken;
        for (QAction* a : menu->actions()) {
            if (a->isSeparator() || !a->isVisible())
                continue;
            const QString text = a->text();
            const qsizetype amp = text.indexOf(u'&');
            const QChar key = amp >= 0 && amp + 1 < text.size() ? text.at(amp + 1).toLower() : QChar();
            if (key.isNull() || key == u'&')
                unreachable.append(path + u" ▸ "_s + text + u": no mnemonic"_s);
            else if (taken.contains(key))
                unreachable.append(path + u" ▸ "_s + text + u": mnemonic also used by "_s + taken.value(key));
            else
                taken.insert(key, text);
            if (a->menu())
                walkMenu(a->menu(), path + u" ▸ "_s + text);
        }
    };
    for (QAction* top : window.menuBar()->actions())
        walkMenu(top->menu(), top->text());
    QVERIFY2(unreachable.isEmpty(), qPrintable(unreachable.join(u'\n')));
    // No key is bound twice where both could fire (Qt runs neither of an ambiguous pair): window-wide keys among
    // themselves, and the Pipeline view's keys against the window's.
    QHash<QKeySequence, QAction*> bound;
    QStringList ambiguous;
    int keys = 0;
    for (QAction* a : window.findChildren<QAction*>()) {
        if (a->shortcutContext() == Qt::WidgetWithChildrenShortcut && a->parent() != window.pipelinePage())
            continue; // a widget's own keys (a view's), only while it has focus
        for (const QKeySequence& key : a->shortcuts()) {
            if (QAction* other = bound.value(key); other && other != a)
                ambiguous.append(key.toString() + u": "_s + other->text() + u" and "_s + a->text());
            bound.insert(key, a);
            ++keys;
        }
    }
    QVERIFY(keys > 30); // the window's and the Pipeline view's keys were all seen
    QVERIFY2(ambiguous.isEmpty(), qPrintable(ambiguous.join(u'\n')));
    QVERIFY(window.modelPicker());
    QVERIFY(window.findChild<QAction*>(u"actionQuit"_s));
    QCOMPARE(window.statusBar()->currentMessage(), u"Ready"_s);
    QVERIFY(window.centralWidget());

    const QImage shot = window.grab().toImage();
    QSet<QRgb> colours;
    for (int y = 0; y < shot.height(); y += 4) {
        for (int x = 0; x < shot.width(); x += 4)
            colours.insert(shot.pixel(x, y));
    }
    QVERIFY2(colours.size() > 10, "the window rendered as a blank image");
    const QString dir = qEnvironmentVariable("JUXTA_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    QVERIFY(shot.save(dir + u"/main_window_empty.png"_s));

    window.findChild<QAction*>(u"actionQuit"_s)->trigger();
    QVERIFY(!window.isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
