// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/NodePalette.h"

#include "pipeline/NodeItem.h"
#include "pipeline/PipelineView.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

void fillKinds(QListWidget* list)
{
    for (NodeKind kind : allNodeKinds()) {
        auto* item = new QListWidgetItem(nodeKindTitle(kind), list);
        item->setData(Qt::UserRole, nodeKindName(kind));
        item->setToolTip(nodeKindHelp(kind));
        item->setData(Qt::AccessibleDescriptionRole, nodeKindHelp(kind));
    }
}

} // namespace

QList<NodeKind> allNodeKinds()
{
    return {NodeKind::Input, NodeKind::Model, NodeKind::Template, NodeKind::Transform,
            NodeKind::Condition, NodeKind::Merge, NodeKind::Output};
}

NodePalette::NodePalette(QWidget* parent)
    : QListWidget(parent)
{
    setObjectName(u"nodePalette"_s);
    setAccessibleName(tr("Node palette"));
    setAccessibleDescription(tr("Drag a kind onto the canvas, or press Enter to add it"));
    setDragEnabled(true);
    setDragDropMode(DragOnly);
    setSelectionMode(SingleSelection);
    fillKinds(this);
    setCurrentRow(0);
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        if (const auto kind = nodeKindFromName(item->data(Qt::UserRole).toString()))
            emit addRequested(*kind);
    });
}

QMimeData* NodePalette::mimeData(const QList<QListWidgetItem*>& items) const
{
    auto* mime = new QMimeData;
    if (!items.isEmpty())
        mime->setData(kNodeKindMimeType, items.constFirst()->data(Qt::UserRole).toString().toUtf8());
    return mime;
}

AddNodePopup::AddNodePopup(QWidget* parent)
    : QFrame(parent, Qt::Popup)
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setObjectName(u"addNodePopup"_s);
    setFrameStyle(QFrame::StyledPanel | QFrame::Raised);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_search->setPlaceholderText(tr("Add a node…"));
    m_search->setAccessibleName(tr("Search node kinds"));
    m_search->setClearButtonEnabled(true);
    m_list->setAccessibleName(tr("Node kinds"));
    fillKinds(m_list);
    for (int i = 0; i < m_list->count(); ++i) // the help text is searchable too
        m_list->item(i)->setText(m_list->item(i)->text() + u" — "_s + nodeKindHelp(*nodeKindFromName(m_list->item(i)->data(Qt::UserRole).toString())));
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    resize(420, 260);
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, this, &AddNodePopup::filter);
    connect(m_search, &QLineEdit::returnPressed, this, &AddNodePopup::choose);
    connect(m_list, &QListWidget::itemActivated, this, &AddNodePopup::choose);
}

void AddNodePopup::popUp(QPoint globalPos)
{
    m_search->clear();
    filter({});
    move(globalPos);
    show();
    m_search->setFocus();
}

void AddNodePopup::filter(const QString& text)
{
    QListWidgetItem* first = nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        const bool match = item->text().contains(text.trimmed(), Qt::CaseInsensitive);
        item->setHidden(!match);
        if (match && !first)
            first = item;
    }
    m_list->setCurrentItem(first);
}

void AddNodePopup::choose()
{
    QListWidgetItem* item = m_list->currentItem();
    if (!item || item->isHidden())
        return;
    const auto kind = nodeKindFromName(item->data(Qt::UserRole).toString());
    hide();
    if (kind)
        emit chosen(*kind);
}

bool AddNodePopup::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) { // arrows walk the list while typing
            int row = m_list->currentRow();
            do
                row += key == Qt::Key_Down ? 1 : -1;
            while (row >= 0 && row < m_list->count() && m_list->item(row)->isHidden());
            if (row >= 0 && row < m_list->count())
                m_list->setCurrentRow(row);
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace juxta
