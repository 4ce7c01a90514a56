// SPDX-License-Identifier: GPL-3.0-or-later
// The application window. It only assembles pages, menus and the status bar; features live in their own folders.
#pragma once

#include <QMainWindow>
#include <memory>

class QNetworkAccessManager;

namespace juxta {

class CatalogService;
class ConfigStore;
class ModelPicker;
class SecretStore;

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // `configPath` empty: $XDG_CONFIG_HOME/juxta/config.json.
    explicit MainWindow(const QString& configPath = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    void showProviders(); // Settings ▸ Providers…
    ModelPicker* modelPicker() const { return m_picker; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void showAbout();
    void restoreWindowState();
    void createToolBar();
    void saveConfig();

    std::unique_ptr<ConfigStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    QNetworkAccessManager* m_network;
    CatalogService* m_catalog;
    ModelPicker* m_picker = nullptr;
};

} // namespace juxta
