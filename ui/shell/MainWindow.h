// SPDX-License-Identifier: GPL-3.0-or-later
// The application window. It only assembles pages, menus and the status bar; features live in their own folders.
#pragma once

#include "config/LocalServerDetector.h"

#include <QMainWindow>
#include <QPointer>
#include <memory>

class QNetworkAccessManager;
class QTimer;
class QAction;
class QIcon;
class QStackedWidget;
class QToolButton;

namespace juxta {

class CatalogService;
class ChatPage;
class ComparePage;
class ConfigStore;
class FirstRunCheck;
struct FirstRunVerdict;
class AnswerEngine;
class HistoryService;
class ModelPicker;
class PipelinePage;
class SecretStore;
class WelcomePage;

// The Juxta icon: the icon theme's (installed with the package) or the one compiled in.
QIcon applicationIcon();

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // `configPath` empty: $XDG_CONFIG_HOME/juxta/config.json. `historyPath` empty: $XDG_DATA_HOME/juxta/history.sqlite.
    explicit MainWindow(const QString& configPath = {}, QWidget* parent = nullptr, const QString& historyPath = {});
    ~MainWindow() override;

    void showProviders(); // Settings ▸ Providers…
    ModelPicker* modelPicker() const { return m_picker; }
    ChatPage* chatPage() const { return m_chat; }
    ComparePage* comparePage() const { return m_compare; }
    PipelinePage* pipelinePage() const { return m_pipeline; }
    void showChat();
    void showCompare();
    void showPipeline();
    HistoryService& history() const { return *m_history; }

    // First run (MainWindowFirstRun.cpp). At start-up: opens on the welcome page when no provider is usable (no
    // key, no configured server answering), unless the user turned the page off. `candidates`: where to look for
    // local servers (tests point it at their own port).
    void checkFirstRun(QList<LocalServerDetector::Candidate> candidates = LocalServerDetector::defaultCandidates());
    void showWelcome();
    void tryOffline(); // the ready-made offline comparison, started
    WelcomePage* welcomePage() const { return m_welcome; }
    bool isCheckingFirstRun() const { return !m_firstRun.isNull(); }
    static constexpr auto kWelcomeAtStartKey = "welcome/showAtStart";
    static constexpr auto kModeKey = "window/mode"; // "chat", "compare" or "pipeline": the page to come back to

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void showAbout();
    void restoreWindowState();
    void createToolBar();
    void saveConfig();
    void createChat();
    void createCompare();
    void createPipeline();
    void updateWindowTitle();
    void exportCurrent(); // the Export dialog of the page shown
    void importConversation();
    void offerUndo(const QString& text);
    void createWelcome();
    void runFirstRunCheck(bool openIfNeeded, bool leaveIfReady);
    void onFirstRunVerdict(const FirstRunVerdict& verdict, bool openIfNeeded, bool leaveIfReady);
    void useServer(const DetectedServer& server);
    void leaveWelcome();

    std::unique_ptr<ConfigStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    QNetworkAccessManager* m_network;
    CatalogService* m_catalog;
    std::unique_ptr<HistoryService> m_history;
    std::unique_ptr<AnswerEngine> m_engine; // after the history it records into: goes first
    ModelPicker* m_picker = nullptr;
    ChatPage* m_chat = nullptr;
    ComparePage* m_compare = nullptr;
    PipelinePage* m_pipeline = nullptr;
    WelcomePage* m_welcome = nullptr;
    QPointer<FirstRunCheck> m_firstRun;
    QList<LocalServerDetector::Candidate> m_serverCandidates = LocalServerDetector::defaultCandidates();
    QStackedWidget* m_pages = nullptr;
    QAction* m_chatMode = nullptr;
    QAction* m_compareMode = nullptr;
    QAction* m_pipelineMode = nullptr;
    QAction* m_pickerAction = nullptr;
    QToolButton* m_undo = nullptr;
    QTimer* m_undoExpiry = nullptr;
};

} // namespace juxta
