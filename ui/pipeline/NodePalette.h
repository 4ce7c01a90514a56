// SPDX-License-Identifier: GPL-3.0-or-later
// The palette of node kinds: drag one onto the canvas, or press Enter (double-click) to add it at the view's centre.
// AddNodePopup is the same list behind a search field, opened at the cursor (Space, or a double-click on the canvas).
#pragma once

#include "pipeline/Pipeline.h"

#include <QFrame>
#include <QListWidget>

class QLineEdit;

namespace juxta {

class NodePalette final : public QListWidget
{
    Q_OBJECT

public:
    explicit NodePalette(QWidget* parent = nullptr);

signals:
    void addRequested(juxta::NodeKind kind);

protected:
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;
};

class AddNodePopup final : public QFrame
{
    Q_OBJECT

public:
    explicit AddNodePopup(QWidget* parent = nullptr);
    void popUp(QPoint globalPos);
    QLineEdit* searchField() const { return m_search; }
    QListWidget* list() const { return m_list; }

signals:
    void chosen(juxta::NodeKind kind);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void filter(const QString& text);
    void choose();

    QLineEdit* m_search;
    QListWidget* m_list;
};

QList<NodeKind> allNodeKinds();

} // namespace juxta
