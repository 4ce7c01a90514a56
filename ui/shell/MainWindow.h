// SPDX-License-Identifier: GPL-3.0-or-later
// The application window. It only assembles pages, menus and the status bar; features live in their own folders.
#pragma once

#include <QMainWindow>
#include <memory>

class QNetworkAccessManager;
class QTimer;
class QToolButton;

namespace juxta {

class CatalogService;
class ChatPage;
class ConfigStore;
class HistoryService;
class ModelPicker;
class SecretStore;

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
    HistoryService& history() const { return *m_history; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void showAbout();
    void restoreWindowState();
    void createToolBar();
    void saveConfig();
    void createChat();
    void exportCurrent(const QString& format);
    void importConversation();
    void offerUndo(const QString& text);

    std::unique_ptr<ConfigStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    QNetworkAccessManager* m_network;
    CatalogService* m_catalog;
    std::unique_ptr<HistoryService> m_history;
    ModelPicker* m_picker = nullptr;
    ChatPage* m_chat = nullptr;
    QToolButton* m_undo = nullptr;
    QTimer* m_undoExpiry = nullptr;
};

} // namespace juxta
