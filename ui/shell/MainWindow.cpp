// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/MainWindow.h"

#include "answer/AnswerEngine.h"
#include "catalog/CatalogService.h"
#include "catalog/ModelPicker.h"
#include "chat/ChatPage.h"
#include "chat/ChatSettingsPanel.h"
#include "common/PlainTextLabels.h"
#include "chat/Composer.h"
#include "chat/ConversationSidebar.h"
#include "compare/ComparePage.h"
#include "compare/CompareSetupBar.h"
#include "storage/HistoryService.h"
#include "config/ConfigStore.h"
#include "keys/KeyResolver.h"
#include "keys/SecretHeaders.h"
#include "onboarding/WelcomePage.h"
#include "pipeline/PipelinePage.h"
#include "providers/ProvidersDialog.h"
#include "shell/ShortcutsDialog.h"

#include "offline/OfflineNetwork.h"

#include <QActionGroup>
#include <QPointer>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QIcon>
#include <QLineEdit>
#include <QSplitter>
#include <QToolButton>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTimer>
#include <QToolBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr auto kGeometryKey = "window/geometry";
constexpr auto kStateKey = "window/state";
constexpr auto kSplitterKey = "chat/splitter";
constexpr auto kPanelKey = "chat/settingsPanelVisible";

} // namespace

QIcon applicationIcon()
{
    QIcon bundled;
    for (int size : {16, 32, 48, 64, 128, 256})
        bundled.addFile(u":/juxta/icons/%1x%1/apps/org.juxta.Juxta.png"_s.arg(size), QSize(size, size));
    return QIcon::fromTheme(u"org.juxta.Juxta"_s, bundled); // the installed theme's copy where there is one
}

MainWindow::MainWindow(const QString& configPath, QWidget* parent, const QString& historyPath)
    : QMainWindow(parent)
    , m_store(std::make_unique<ConfigStore>(configPath.isEmpty() ? ConfigStore::defaultPath() : configPath))
    , m_network(new OfflineNetworkAccessManager(this)) // also answers the built-in offline providers
    , m_history(std::make_unique<HistoryService>(historyPath))
{
    installPlainTextLabels(); // server and file text in any label or message box stays text
    setWindowTitle(tr("Juxta"));
    setWindowIcon(applicationIcon());
    setObjectName(u"MainWindow"_s);
    const ConfigStore::LoadReport report = m_store->load();
    m_secrets = createSecretStore(m_store->config());
    m_catalog = new CatalogService(m_store->config(), *m_secrets, *m_network, DiscoveryCache(), this);
    m_catalog->loadCachedLists();
    m_engine = std::make_unique<AnswerEngine>(m_store->config(), *m_secrets, m_catalog->catalog(), *m_network,
                                              m_history.get());
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

    // Credential headers found in the file go to the keychain now; the file keeps only their names.
    moveSecretHeaders(*m_store, *m_secrets, [self = QPointer(this)](const QStringList& problems) {
        if (self && !problems.isEmpty())
            self->statusBar()->showMessage(problems.join(u' '), 15'000);
    });

    createToolBar();
    createChat();
    createCompare();
    createPipeline();
    createMenus();
    if (statusBar()->currentMessage().isEmpty())
        statusBar()->showMessage(tr("Ready"));
    resize(1100, 720);
    restoreWindowState();
}

void MainWindow::createChat()
{
    m_chat = new ChatPage(*m_store, *m_engine, *m_catalog, *m_history, *m_picker, this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_chat);
    setCentralWidget(m_pages);
    connect(m_chat, &ChatPage::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_chat, &ChatPage::undoAvailable, this, &MainWindow::offerUndo);
    connect(m_chat, &ChatPage::historyProblem, this, [this](const QString& text) {
        // Not modal: the window stays usable, and nothing of the user's old file was deleted (see the text).
        auto* box = new QMessageBox(QMessageBox::Warning, tr("History"), text, QMessageBox::Ok, this);
        box->setObjectName(u"historyProblem"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(m_picker, &ModelPicker::favouritesChanged, m_chat->settingsPanel(), &ChatSettingsPanel::reloadModels);

    // "Conversation deleted. [Undo]" in the status bar for ten seconds.
    m_undo = new QToolButton(statusBar());
    m_undo->setObjectName(u"undoDelete"_s);
    m_undo->setText(tr("Undo"));
    m_undo->setAccessibleName(tr("Undo delete"));
    m_undo->hide();
    statusBar()->addPermanentWidget(m_undo);
    m_undoExpiry = new QTimer(this);
    m_undoExpiry->setSingleShot(true);
    m_undoExpiry->setInterval(10'000);
    connect(m_undoExpiry, &QTimer::timeout, m_undo, &QWidget::hide);
    connect(m_undo, &QToolButton::clicked, this, [this] {
        m_undo->hide();
        m_undoExpiry->stop();
        statusBar()->clearMessage();
        m_chat->undoDelete();
    });
    connect(m_chat->sidebar(), &ConversationSidebar::exportRequested, m_chat, &ChatPage::openExportDialog);
}

void MainWindow::offerUndo(const QString& text)
{
    statusBar()->showMessage(text, 10'000);
    m_undo->show();
    m_undoExpiry->start();
}

void MainWindow::exportCurrent()
{
    if (m_compare && m_pages->currentWidget() == m_compare) {
        m_compare->openExportDialog();
        return;
    }
    if (m_chat->currentConversationId().isEmpty()) {
        statusBar()->showMessage(tr("Nothing to export yet: this conversation has no messages."), 5000);
        return;
    }
    m_chat->openExportDialog(m_chat->currentConversationId());
}

void MainWindow::importConversation()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import conversation"), {},
                                                      tr("Conversations (*.json *.md *.markdown)"));
    if (!path.isEmpty())
        m_chat->importConversation(path);
}

void MainWindow::createCompare()
{
    m_compare = new ComparePage(*m_store, *m_engine, *m_catalog, *m_history, this);
    m_pages->addWidget(m_compare);
    connect(m_compare, &ComparePage::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_compare->setupBar(), &CompareSetupBar::columnsChanged, this, &MainWindow::saveConfig); // recent models
    connect(m_compare, &ComparePage::continueInChat, this, [this](const QString& id) {
        showChat();
        m_chat->refreshList();
        m_chat->openConversation(id); // read after the copy is written: the history runs jobs in order
    });
}

void MainWindow::createPipeline()
{
    m_pipeline = new PipelinePage(*m_store, *m_secrets, *m_engine, *m_catalog, this);
    m_pages->addWidget(m_pipeline);
    connect(m_pipeline, &PipelinePage::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_pipeline, &PipelinePage::titleChanged, this, &MainWindow::updateWindowTitle);
    connect(m_pages, &QStackedWidget::currentChanged, this, &MainWindow::updateWindowTitle);
}

void MainWindow::updateWindowTitle()
{
    // The pipeline's file, marked while it has unsaved changes; the other pages are the app itself.
    setWindowTitle(m_pipeline && m_pages->currentWidget() == m_pipeline ? tr("%1 — Juxta").arg(m_pipeline->title())
                                                                        : tr("Juxta"));
}

void MainWindow::showPipeline()
{
    m_pages->setCurrentWidget(m_pipeline);
    m_pipelineMode->setChecked(true);
    m_pickerAction->setVisible(false); // each model node has its own
}

void MainWindow::showChat()
{
    m_pages->setCurrentWidget(m_chat);
    m_chatMode->setChecked(true);
    m_pickerAction->setVisible(true);
}

void MainWindow::showCompare()
{
    m_pages->setCurrentWidget(m_compare);
    m_compareMode->setChecked(true);
    m_pickerAction->setVisible(false); // each column has its model; the toolbar's picker is the chat's
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newChat = file->addAction(tr("&New chat"), m_chat, &ChatPage::newConversation);
    newChat->setObjectName(u"actionNewChat"_s);
    newChat->setShortcut(QKeySequence::New);
    QAction* newComparison = file->addAction(tr("New &comparison"), this, [this] {
        showCompare();
        m_compare->newComparison();
    });
    newComparison->setObjectName(u"actionNewComparison"_s);
    newComparison->setShortcut(QKeySequence(u"Ctrl+Shift+N"_s));
    file->addSeparator();
    // The pipeline's file actions: their shortcuts work inside the Pipeline view; from the menu they show it.
    for (QAction* a : m_pipeline->fileActions()) {
        file->addAction(a);
        connect(a, &QAction::triggered, this, &MainWindow::showPipeline);
    }
    file->addMenu(m_pipeline->recentMenu());
    file->addMenu(m_pipeline->examplesMenu());
    connect(m_pipeline->recentMenu(), &QMenu::triggered, this, &MainWindow::showPipeline);
    connect(m_pipeline->examplesMenu(), &QMenu::triggered, this, &MainWindow::showPipeline);
    file->addSeparator();
    file->addAction(tr("&Import conversation…"), this, &MainWindow::importConversation)->setObjectName(u"actionImport"_s);
    QAction* exportAction = file->addAction(tr("&Export…"), this, &MainWindow::exportCurrent);
    exportAction->setObjectName(u"actionExport"_s);
    exportAction->setShortcut(QKeySequence(u"Ctrl+E"_s));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(u"actionQuit"_s);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(u"editMenu"_s);
    for (QAction* a : m_pipeline->editActions()) {
        edit->addAction(a);
        connect(a, &QAction::triggered, this, &MainWindow::showPipeline);
    }

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_chatMode);
    view->addAction(m_compareMode);
    view->addAction(m_pipelineMode);
    view->addSeparator();
    QAction* panel = view->addAction(tr("Conversation &settings panel"));
    panel->setObjectName(u"actionSettingsPanel"_s);
    panel->setCheckable(true);
    panel->setChecked(m_chat->isSettingsPanelVisible());
    panel->setShortcut(QKeySequence(u"Ctrl+Shift+S"_s));
    connect(panel, &QAction::toggled, m_chat, &ChatPage::setSettingsPanelVisible);
    QAction* rename = view->addAction(tr("&Rename conversation"), m_chat->sidebar(), &ConversationSidebar::renameCurrent);
    rename->setShortcut(QKeySequence(Qt::Key_F2));
    QAction* focusInput = view->addAction(tr("Focus the &message box"), this, [this] { m_chat->composer()->editor()->setFocus(); });
    focusInput->setShortcut(QKeySequence(u"Ctrl+L"_s));
    QAction* focusSearch = view->addAction(tr("Searc&h conversations"), this, [this] {
        m_chat->sidebar()->searchField()->setFocus();
        m_chat->sidebar()->searchField()->selectAll();
    });
    focusSearch->setShortcut(QKeySequence::Find);

    QMenu* pipeline = menuBar()->addMenu(tr("&Pipeline"));
    pipeline->setObjectName(u"pipelineMenu"_s);
    for (QAction* a : m_pipeline->pipelineActions()) {
        if (!a) {
            pipeline->addSeparator();
            continue;
        }
        pipeline->addAction(a);
        connect(a, &QAction::triggered, this, &MainWindow::showPipeline);
    }

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    QAction* providers = settings->addAction(tr("&Providers…"), this, &MainWindow::showProviders);
    providers->setObjectName(u"actionProviders"_s);
    providers->setShortcut(QKeySequence(u"Ctrl+,"_s)); // QKeySequence::Preferences has no binding on Linux desktops

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Welcome page"), this, &MainWindow::showWelcome)->setObjectName(u"actionWelcome"_s);
    QAction* keys = help->addAction(tr("&Keyboard shortcuts"), this, [this] {
        auto* dialog = new ShortcutsDialog(menuBar(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    keys->setObjectName(u"actionShortcuts"_s);
    keys->setShortcut(QKeySequence(u"Ctrl+/"_s));
    QAction* about = help->addAction(tr("&About Juxta"), this, &MainWindow::showAbout);
    about->setObjectName(u"actionAbout"_s);
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

MainWindow::~MainWindow()
{
    // Widgets and services that hold references to the config, key and history stores go before those stores do;
    // the chat first, so a streaming answer is saved through a history that still exists.
    delete m_pipeline; // a run still going is stopped and saved through the history
    delete m_compare; // its running columns are saved as stopped through the history, which is still there
    delete m_chat;
    delete m_picker;
    delete m_catalog;
}

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(tr("Model"));
    bar->setObjectName(u"modelToolBar"_s);
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* modes = new QActionGroup(this);
    m_chatMode = new QAction(tr("&Chat"), modes);
    m_chatMode->setObjectName(u"actionChatMode"_s);
    m_chatMode->setShortcut(QKeySequence(u"Ctrl+1"_s));
    m_chatMode->setToolTip(tr("Chat with one model (Ctrl+1)"));
    m_compareMode = new QAction(tr("Com&pare"), modes);
    m_compareMode->setObjectName(u"actionCompareMode"_s);
    m_compareMode->setShortcut(QKeySequence(u"Ctrl+2"_s));
    m_compareMode->setToolTip(tr("One prompt to several models side by side (Ctrl+2)"));
    m_pipelineMode = new QAction(tr("Pipe&line"), modes);
    m_pipelineMode->setObjectName(u"actionPipelineMode"_s);
    m_pipelineMode->setShortcut(QKeySequence(u"Ctrl+3"_s));
    m_pipelineMode->setToolTip(tr("Chain models in a visual pipeline and watch them run (Ctrl+3)"));
    for (QAction* mode : {m_chatMode, m_compareMode, m_pipelineMode}) {
        mode->setCheckable(true);
        bar->addAction(mode);
    }
    m_chatMode->setChecked(true);
    connect(m_chatMode, &QAction::triggered, this, &MainWindow::showChat);
    connect(m_compareMode, &QAction::triggered, this, &MainWindow::showCompare);
    connect(m_pipelineMode, &QAction::triggered, this, &MainWindow::showPipeline);
    bar->addSeparator();
    m_picker = new ModelPicker(m_store->config(), m_catalog->catalog(), bar);
    m_picker->setObjectName(u"modelPicker"_s);
    if (!m_store->config().recentModels.isEmpty())
        m_picker->setCurrentModel(m_store->config().recentModels.constFirst());
    m_pickerAction = bar->addWidget(m_picker);
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
    connect(dialog, &ProvidersDialog::saved, this, [this] {
        if (m_welcome && m_pages->currentWidget() == m_welcome)
            runFirstRunCheck(false, true); // a key or a server was added: leave the welcome page once it works
    });
    dialog->detectLocalServers(*m_network);
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Juxta"),
                       tr("Juxta %1\n\nPick any model from any provider, compare answers side by side, "
                          "and chain models into pipelines.")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    restoreGeometry(settings.value(QLatin1StringView(kGeometryKey)).toByteArray());
    restoreState(settings.value(QLatin1StringView(kStateKey)).toByteArray());
    m_chat->splitter()->restoreState(settings.value(QLatin1StringView(kSplitterKey)).toByteArray());
    m_chat->setSettingsPanelVisible(settings.value(QLatin1StringView(kPanelKey), true).toBool());
    if (auto* panel = findChild<QAction*>(u"actionSettingsPanel"_s))
        panel->setChecked(m_chat->isSettingsPanelVisible());
    const QString mode = settings.value(QLatin1StringView(kModeKey)).toString();
    if (mode == u"compare"_s)
        showCompare();
    else if (mode == u"pipeline"_s)
        showPipeline();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_pipeline->maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QLatin1StringView(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1StringView(kStateKey), saveState());
    settings.setValue(QLatin1StringView(kSplitterKey), m_chat->splitter()->saveState());
    settings.setValue(QLatin1StringView(kPanelKey), m_chat->isSettingsPanelVisible());
    if (m_pages->currentWidget() != m_welcome) // the welcome page is not a mode to come back to
        settings.setValue(QLatin1StringView(kModeKey), m_pages->currentWidget() == m_compare    ? u"compare"_s
                                                       : m_pages->currentWidget() == m_pipeline ? u"pipeline"_s
                                                                                                : u"chat"_s);
    event->accept();
}

} // namespace juxta
