// SPDX-License-Identifier: GPL-3.0-or-later
// The page a new user lands on while no provider is set up: add a key, use a local server found on this machine,
// or try Juxta offline. It only offers; the window carries the choices out.
#pragma once

#include "config/LocalServerDetector.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace juxta {

class WelcomePage final : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget* parent = nullptr);

    void setSearching();                                       // "Looking for Ollama, LM Studio and llama.cpp…"
    void setDetectedServers(const QList<DetectedServer>& servers);
    bool showAtStart() const;
    void setShowAtStart(bool show);

    QPushButton* addKeyButton() const { return m_addKey; }
    QPushButton* offlineButton() const { return m_offline; }
    QList<QPushButton*> serverButtons() const { return m_serverButtons; }

signals:
    void addKeyRequested();
    void useServerRequested(const juxta::DetectedServer& server);
    void lookAgainRequested();
    void tryOfflineRequested();
    void skipRequested();
    void showAtStartChanged(bool show);

private:
    QWidget* card(const QString& title, const QString& text, QWidget* action, QLabel** body = nullptr);

    QPushButton* m_addKey;
    QPushButton* m_offline;
    QPushButton* m_lookAgain;
    QLabel* m_serversText = nullptr;
    QVBoxLayout* m_serverRows;
    QList<QPushButton*> m_serverButtons;
    QCheckBox* m_showAtStart;
};

} // namespace juxta
