// SPDX-License-Identifier: GPL-3.0-or-later
// The list of conversations: search (titles and text), pinned first, then most recent; rename, pin, export and
// delete from the context menu or the keyboard (F2, Delete).
#pragma once

#include "storage/HistoryRecords.h"

#include <QWidget>

class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace juxta {

class ConversationSidebar final : public QWidget
{
    Q_OBJECT

public:
    explicit ConversationSidebar(QWidget* parent = nullptr);

    void setConversations(const QList<ConversationRecord>& conversations);
    void setCurrent(const QString& id);
    void updateConversation(const ConversationRecord& conversation); // inserts, or refreshes title/pin/cost
    QString currentId() const;
    QString searchText() const;
    QListWidget* list() const { return m_list; }
    QLineEdit* searchField() const { return m_search; }
    void renameCurrent(); // starts inline editing

signals:
    void conversationChosen(const QString& id);
    void newConversationRequested();
    void searchChanged(const QString& text);
    void renameRequested(const QString& id, const QString& title);
    void pinRequested(const QString& id, bool pinned);
    void deleteRequested(const QString& id);
    void exportRequested(const QString& id); // the Export dialog, for conversation `id`

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showMenu(const QPoint& position);
    void fill(QListWidgetItem* item, const ConversationRecord& conversation);
    QListWidgetItem* itemFor(const QString& id) const;

    QLineEdit* m_search;
    QListWidget* m_list;
    QPushButton* m_new;
    QTimer* m_searchDelay;
    bool m_filling = false;
};

} // namespace juxta
