// SPDX-License-Identifier: GPL-3.0-or-later
// The application window. It only assembles pages, menus and the status bar; features live in their own folders.
#pragma once

#include <QMainWindow>

namespace juxta {

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void showAbout();
    void restoreWindowState();
};

} // namespace juxta
