// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/MainWindow.h"

#include "catalog/CatalogService.h"
#include "catalog/ModelPicker.h"
#include "config/ConfigStore.h"
#include "keys/KeyResolver.h"
#include "providers/ProvidersDialog.h"

#include <QApplication>
#include <QCloseEvent>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTimer>
#include <QToolBar>
#include <QSettings>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr auto kGeometryKey = "window/geometry";
constexpr auto kStateKey = "window/state";

} // namespace

MainWindow::MainWindow(const QString& configPath, QWidget* parent)
    : QMainWindow(parent)
    , m_store(std::make_unique<ConfigStore>(configPath.isEmpty() ? ConfigStore::defaultPath() : configPath))
    , m_network(new QNetworkAccessManager(this))
{
    setWindowTitle(tr("Juxta"));
    setObjectName(u"MainWindow"_s);
    const ConfigStore::LoadReport report = m_store->load();
    m_secrets = createSecretStore(m_store->config());
    m_catalog = new CatalogService(m_store->config(), *m_secrets, *m_network, DiscoveryCache(), this);
    m_catalog->loadCachedLists();
    if (!report.ok) {
        // Shown once the window is up, without blocking: the user's file is kept (see the backup path).
        QTimer::singleShot(0, this, [this, report] {
            auto* box = new QMessageBox(QMessageBox::Warning, tr("Configuration not loaded"), report.error,
                                        QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            if (m_store->isReadOnly() && !report.backupPath.isEmpty()) {
                QPushButton* fresh = box->addButton(tr("Start with an empty configuration"), QMessageBox::DestructiveRole);
                connect(fresh, &QPushButton::clicked, this, [this] { m_store->startFresh(); });
            }
            box->open();
        });
    }

    // Placeholder centre until the chat page lands; it tells the user what comes next rather than showing nothing.
    auto* central = new QWidget(this);
    central->setObjectName(u"centralArea"_s);
    auto* layout = new QVBoxLayout(central);
    auto* hint = new QLabel(tr("No conversation yet.\nAdd providers under Settings ▸ Providers…, pick a model above, "
                               "or use “juxta ask” from a terminal."),
                            central);
    hint->setObjectName(u"emptyHint"_s);
    hint->setAlignment(Qt::AlignCenter);
    hint->setEnabled(false);
    layout->addWidget(hint);
    setCentralWidget(central);

    createMenus();
    createToolBar();
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

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    QAction* providers = settings->addAction(tr("&Providers…"), this, &MainWindow::showProviders);
    providers->setObjectName(u"actionProviders"_s);
    providers->setShortcut(QKeySequence::Preferences);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Juxta"), this, &MainWindow::showAbout);
    about->setObjectName(u"actionAbout"_s);
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

MainWindow::~MainWindow()
{
    // Widgets and services that hold references to the config and key stores go before those stores do.
    delete m_picker;
    delete m_catalog;
}

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(tr("Model"));
    bar->setObjectName(u"modelToolBar"_s);
    bar->setMovable(false);
    m_picker = new ModelPicker(m_store->config(), m_catalog->catalog(), bar);
    m_picker->setObjectName(u"modelPicker"_s);
    if (!m_store->config().recentModels.isEmpty())
        m_picker->setCurrentModel(m_store->config().recentModels.constFirst());
    bar->addWidget(m_picker);
    connect(m_picker, &ModelPicker::modelChosen, this, &MainWindow::saveConfig);
    connect(m_picker, &ModelPicker::favouritesChanged, this, &MainWindow::saveConfig);
    connect(m_catalog, &CatalogService::refreshed, m_picker, &ModelPicker::reload);
    connect(m_picker, &ModelPicker::refreshRequested, this, [this] {
        for (const ProviderProfile& p : std::as_const(m_store->config().profiles))
            m_catalog->refresh(p);
        statusBar()->showMessage(tr("Refreshing the model lists…"), 5000);
    });
}

void MainWindow::saveConfig()
{
    // Only what this window changed (favourites, recent models) goes over what is on disk now.
    const QStringList favourites = m_store->config().favouriteModels;
    const QStringList recent = m_store->config().recentModels;
    QString error;
    const bool saved = m_store->update([&](AppConfig& config) {
        config.favouriteModels = favourites;
        config.recentModels = recent;
    }, &error);
    if (!saved)
        statusBar()->showMessage(error);
    m_picker->reload();
}

void MainWindow::showProviders()
{
    auto* dialog = new ProvidersDialog(*m_store, *m_secrets, *m_catalog, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"providersDialog"_s);
    connect(dialog, &ProvidersDialog::saved, m_picker, &ModelPicker::reload);
    dialog->detectLocalServers(*m_network);
    dialog->open();
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
