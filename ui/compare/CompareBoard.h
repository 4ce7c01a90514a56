// SPDX-License-Identifier: GPL-3.0-or-later
// The columns side by side: a splitter (drag to widen) inside a horizontal scroll area (eight columns fit any
// window), with reordering, hiding and synchronized scrolling.
#pragma once

#include <QList>
#include <QWidget>

class QScrollArea;
class QSplitter;

namespace juxta {

class CompareColumn;

class CompareBoard final : public QWidget
{
    Q_OBJECT

public:
    explicit CompareBoard(QWidget* parent = nullptr);

    // Takes the columns (reparented into the board), in display order. Earlier columns are deleted.
    void setColumns(const QList<CompareColumn*>& columns);
    QList<CompareColumn*> columns() const; // display order
    void move(CompareColumn* column, int step);
    void setColumnHidden(CompareColumn* column, bool hidden);
    void setSyncScroll(bool on);
    bool isSyncScroll() const { return m_sync; }
    QSplitter* splitter() const { return m_splitter; }

signals:
    void orderChanged();
    void visibilityChanged();

private:
    void updateMoveButtons();
    void followScroll(CompareColumn* source, int value);

    QScrollArea* m_scroll;
    QSplitter* m_splitter;
    bool m_sync = true;
    bool m_syncing = false;
    CompareColumn* m_pendingSource = nullptr;
};

} // namespace juxta
