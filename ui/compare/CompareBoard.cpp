// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/CompareBoard.h"

#include "chat/TranscriptView.h"
#include "compare/CompareColumn.h"

#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace juxta {

CompareBoard::CompareBoard(QWidget* parent)
    : QWidget(parent)
    , m_scroll(new QScrollArea(this))
    , m_splitter(new QSplitter(Qt::Horizontal))
{
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(6);
    m_scroll->setWidget(m_splitter);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setAccessibleName(tr("Answers side by side"));
    m_scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // each column scrolls itself
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);
}

void CompareBoard::setColumns(const QList<CompareColumn*>& columns)
{
    for (CompareColumn* old : this->columns()) {
        if (!columns.contains(old))
            delete old;
    }
    for (CompareColumn* column : columns) {
        m_splitter->addWidget(column); // in this order: re-adding moves a column to the end
        QScrollBar* bar = column->transcript()->verticalScrollBar();
        disconnect(bar, nullptr, this, nullptr);
        connect(bar, &QScrollBar::valueChanged, this, [this, column](int value) { followScroll(column, value); });
    }
    QList<int> sizes;
    sizes.fill(1000, m_splitter->count()); // equal widths to start with
    m_splitter->setSizes(sizes);
    updateMoveButtons();
}

QList<CompareColumn*> CompareBoard::columns() const
{
    QList<CompareColumn*> list;
    for (int i = 0; i < m_splitter->count(); ++i) {
        if (auto* column = qobject_cast<CompareColumn*>(m_splitter->widget(i)))
            list.append(column);
    }
    return list;
}

void CompareBoard::move(CompareColumn* column, int step)
{
    const int from = m_splitter->indexOf(column);
    // Past hidden neighbours: a move is always visible.
    int to = from + step;
    while (to >= 0 && to < m_splitter->count() && m_splitter->widget(to)->isHidden())
        to += step;
    if (from < 0 || to < 0 || to >= m_splitter->count())
        return;
    const QList<int> sizes = m_splitter->sizes();
    m_splitter->insertWidget(to, column);
    QList<int> moved = sizes;
    moved.move(from, to);
    m_splitter->setSizes(moved);
    updateMoveButtons();
    emit orderChanged();
}

void CompareBoard::setColumnHidden(CompareColumn* column, bool hidden)
{
    column->setHidden(hidden);
    updateMoveButtons();
    emit visibilityChanged();
}

void CompareBoard::setSyncScroll(bool on)
{
    m_sync = on;
}

void CompareBoard::updateMoveButtons()
{
    const QList<CompareColumn*> all = columns();
    int firstVisible = -1, lastVisible = -1;
    for (int i = 0; i < all.size(); ++i) {
        if (all.at(i)->isHidden())
            continue;
        if (firstVisible < 0)
            firstVisible = i;
        lastVisible = i;
    }
    for (int i = 0; i < all.size(); ++i)
        all.at(i)->setMovable(i > firstVisible, i < lastVisible);
}

void CompareBoard::followScroll(CompareColumn* moved, int)
{
    if (!m_sync || m_syncing || m_pendingSource)
        return;
    // Decided after the event that moved the bar: by then the view knows whether a person scrolled it away from
    // the bottom. Several moves in one turn of the event loop make one sync.
    m_pendingSource = moved;
    QTimer::singleShot(0, this, [this] {
        CompareColumn* source = m_pendingSource;
        m_pendingSource = nullptr;
        if (!source || !columns().contains(source))
            return;
        const QScrollBar* bar = source->transcript()->verticalScrollBar();
        const bool following = source->transcript()->isFollowingBottom();
        if (following && bar->value() < bar->maximum() - 4)
            return; // the view is only catching up with its own stream
        // Answers differ in length: the others follow by proportion, so the same stage of every answer is in view.
        const double fraction = following || bar->maximum() <= 0 ? 1.0 : double(bar->value()) / bar->maximum();
        m_syncing = true;
        for (CompareColumn* other : columns()) {
            if (other == source || other->isHidden())
                continue;
            if (fraction >= 0.999 && other->transcript()->isFollowingBottom())
                continue; // already there: streaming columns at the bottom cost nothing per frame
            other->transcript()->scrollToFraction(fraction);
        }
        m_syncing = false;
    });
}

} // namespace juxta
