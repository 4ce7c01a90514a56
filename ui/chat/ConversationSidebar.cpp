// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ConversationSidebar.h"

#include "pricing/CostCalculator.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kPinnedRole = Qt::UserRole + 1;

} // namespace

ConversationSidebar::ConversationSidebar(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(u"conversationSidebar"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 6);
    m_new = new QPushButton(tr("New chat"), this);
    m_new->setObjectName(u"newConversation"_s);
    m_new->setToolTip(tr("Start a new conversation (Ctrl+N)"));
    layout->addWidget(m_new);
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"conversationSearch"_s);
    m_search->setPlaceholderText(tr("Search conversations"));
    m_search->setAccessibleName(tr("Search conversations"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"conversationList"_s);
    m_list->setAccessibleName(tr("Conversations"));
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setUniformItemSizes(true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->installEventFilter(this);
    layout->addWidget(m_list, 1);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { emit searchChanged(m_search->text()); });
    connect(m_new, &QPushButton::clicked, this, &ConversationSidebar::newConversationRequested);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item && !m_filling)
            emit conversationChosen(item->data(kIdRole).toString());
    });
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (!m_filling)
            emit renameRequested(item->data(kIdRole).toString(), item->text().trimmed());
    });
    connect(m_list, &QWidget::customContextMenuRequested, this, &ConversationSidebar::showMenu);
}

void ConversationSidebar::fill(QListWidgetItem* item, const ConversationRecord& c)
{
    const bool wasFilling = m_filling;
    m_filling = true;
    item->setText(c.title.isEmpty() ? tr("New conversation") : c.title);
    item->setData(kIdRole, c.id);
    item->setData(kPinnedRole, c.pinned);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    QString tip = tr("Last active %1").arg(QLocale().toString(c.updatedAt.toLocalTime(), QLocale::ShortFormat));
    if (c.totalCostUsd > 0)
        tip += u'\n' + tr("Spent %1").arg(formatMoney(c.totalCostUsd, u"USD"_s));
    item->setToolTip(tip);
    QFont font = m_list->font();
    font.setBold(c.pinned); // pinned ones stay on top, in bold
    item->setFont(font);
    if (c.pinned)
        item->setToolTip(tr("Pinned") + u'\n' + tip);
    m_filling = wasFilling;
}

void ConversationSidebar::setConversations(const QList<ConversationRecord>& conversations)
{
    const QString current = currentId();
    m_filling = true;
    m_list->clear();
    for (const ConversationRecord& c : conversations) {
        auto* item = new QListWidgetItem(m_list);
        fill(item, c);
    }
    if (QListWidgetItem* item = itemFor(current))
        m_list->setCurrentItem(item);
    m_filling = false;
}

QListWidgetItem* ConversationSidebar::itemFor(const QString& id) const
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(kIdRole).toString() == id)
            return m_list->item(i);
    }
    return nullptr;
}

void ConversationSidebar::setCurrent(const QString& id)
{
    m_filling = true;
    if (QListWidgetItem* item = itemFor(id))
        m_list->setCurrentItem(item);
    else
        m_list->setCurrentItem(nullptr);
    m_filling = false;
}

void ConversationSidebar::updateConversation(const ConversationRecord& c)
{
    QListWidgetItem* item = itemFor(c.id);
    m_filling = true;
    if (!item) {
        // Newest first, after the pinned ones.
        int row = 0;
        while (row < m_list->count() && m_list->item(row)->data(kPinnedRole).toBool())
            ++row;
        item = new QListWidgetItem;
        m_list->insertItem(row, item);
    }
    fill(item, c);
    m_filling = false;
}

QString ConversationSidebar::currentId() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(kIdRole).toString() : QString();
}

QString ConversationSidebar::searchText() const
{
    return m_search->text();
}

void ConversationSidebar::renameCurrent()
{
    if (QListWidgetItem* item = m_list->currentItem())
        m_list->editItem(item);
}

bool ConversationSidebar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const QString id = currentId();
        if (key->key() == Qt::Key_Delete && !id.isEmpty()) {
            emit deleteRequested(id);
            return true;
        }
        if (key->key() == Qt::Key_F2 && !id.isEmpty()) {
            renameCurrent();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ConversationSidebar::showMenu(const QPoint& position)
{
    QListWidgetItem* item = m_list->itemAt(position);
    if (!item)
        return;
    const QString id = item->data(kIdRole).toString();
    const bool pinned = item->data(kPinnedRole).toBool();
    QMenu menu(this);
    menu.addAction(tr("Rename"), this, [this, id] {
        if (QListWidgetItem* current = itemFor(id)) // the list may have been refilled while the menu was open
            m_list->editItem(current);
    });
    menu.addAction(pinned ? tr("Unpin") : tr("Pin"), this, [this, id, pinned] { emit pinRequested(id, !pinned); });
    menu.addSeparator();
    menu.addAction(tr("Export…"), this, [this, id] { emit exportRequested(id); });
    menu.addSeparator();
    menu.addAction(tr("Delete"), this, [this, id] { emit deleteRequested(id); });
    menu.exec(m_list->viewport()->mapToGlobal(position));
}

} // namespace juxta
