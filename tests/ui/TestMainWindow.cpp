// SPDX-License-Identifier: GPL-3.0-or-later
// The main window shell: menus, status bar, the chat as its centre; rendered offscreen and saved for a human look.
#include "pipeline/PipelinePage.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QMenuBar>
#include <QSet>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

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
    // Settings ▸ Providers has a shortcut on Linux desktops too (QKeySequence::Preferences has none there).
    QCOMPARE(window.findChild<QAction*>(u"actionProviders"_s)->shortcut(), QKeySequence(u"Ctrl+,"_s));
    // The Pipeline view: its own mode, and its shortcuts only inside it.
    QCOMPARE(window.findChild<QAction*>(u"actionPipelineMode"_s)->shortcut(), QKeySequence(u"Ctrl+3"_s));
    for (QAction* action : window.pipelinePage()->actions())
        QCOMPARE(action->shortcutContext(), Qt::WidgetWithChildrenShortcut);
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
