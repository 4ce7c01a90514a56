// SPDX-License-Identifier: GPL-3.0-or-later
// Paints a model picker row: favourite star, name and reference, context and price, capability badges.
// Section headers are painted as small captions.
#pragma once

#include <QStyledItemDelegate>

#include <utility>

namespace juxta {

class ModelEntryDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

    static QRect starRect(const QRect& row);
    // True once after a click landed on a star: the view's clicked() that follows must not pick the model.
    bool takeStarClick() { return std::exchange(m_starClicked, false); }

signals:
    void favouriteToggled(const QString& reference);

private:
    bool m_starClicked = false;
};

} // namespace juxta
