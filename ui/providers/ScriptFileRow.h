// SPDX-License-Identifier: GPL-3.0-or-later
// For an Offline · Scripted profile: which script it answers from, and buttons to pick a file, start one from a copy
// of the demo script, or open it in the desktop's editor.
#pragma once

#include <QUrl>
#include <QWidget>

class QLabel;
class QPushButton;

namespace juxta {

class ScriptFileRow final : public QWidget
{
    Q_OBJECT

public:
    explicit ScriptFileRow(QWidget* parent = nullptr);
    void setUrl(const QUrl& baseUrl); // the profile's base URL as typed

signals:
    void urlChosen(const QUrl& baseUrl); // the same URL answering from another script

private:
    void chooseFile();
    void copyDemo();

    QUrl m_url;
    QLabel* m_current;
    QPushButton* m_open;
};

} // namespace juxta
