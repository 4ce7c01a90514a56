// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/MainWindow.h"

#include <QApplication>
#include <QCloseEvent>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr auto kGeometryKey = "window/geometry";
constexpr auto kStateKey = "window/state";

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Juxta"));
    setObjectName(u"MainWindow"_s);

    // Placeholder centre until the chat page lands; it tells the user what comes next rather than showing nothing.
    auto* central = new QWidget(this);
    central->setObjectName(u"centralArea"_s);
    auto* layout = new QVBoxLayout(central);
    auto* hint = new QLabel(tr("No conversation yet.\nUse “juxta ask” from a terminal to stream an answer."), central);
    hint->setObjectName(u"emptyHint"_s);
    hint->setAlignment(Qt::AlignCenter);
    hint->setEnabled(false);
    layout->addWidget(hint);
    setCentralWidget(central);

    createMenus();
    statusBar()->showMessage(tr("Ready"));
    resize(1100, 720);
    restoreWindowState();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(u"actionQuit"_s);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Juxta"), this, &MainWindow::showAbout);
    about->setObjectName(u"actionAbout"_s);
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Juxta"),
                       tr("<h3>Juxta %1</h3><p>Pick any model from any provider, compare answers side by side, "
                          "and chain models into pipelines.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    restoreGeometry(settings.value(QLatin1StringView(kGeometryKey)).toByteArray());
    restoreState(settings.value(QLatin1StringView(kStateKey)).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QLatin1StringView(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1StringView(kStateKey), saveState());
    event->accept();
}

} // namespace juxta
