// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/ModelEntryDelegate.h"

#include "catalog/ModelListModel.h"
#include "common/Tones.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr int kPadding = 10;
constexpr int kStarSize = 18;

ModelListModel::RowKind kindOf(const QModelIndex& index)
{
    return index.data(ModelListModel::KindRole).value<ModelListModel::RowKind>();
}

// A rounded "pill" with `text`, right-aligned so that its right edge is at `right`; returns its left edge.
int drawPill(QPainter* p, int right, int centreY, const QString& text, const QColor& fg, const QColor& bg,
             const QFont& font)
{
    const QFontMetrics fm(font);
    const int w = fm.horizontalAdvance(text) + 12;
    const int h = fm.height() + 2;
    const QRectF rect(right - w, centreY - h / 2.0, w, h);
    QPainterPath path;
    path.addRoundedRect(rect, h / 2.0, h / 2.0);
    p->fillPath(path, bg);
    p->setPen(fg);
    p->setFont(font);
    p->drawText(rect, Qt::AlignCenter, text);
    return int(rect.left());
}

} // namespace

QRect ModelEntryDelegate::starRect(const QRect& row)
{
    return {row.left() + kPadding, row.center().y() - kStarSize / 2, kStarSize, kStarSize};
}

QSize ModelEntryDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QFontMetrics fm(option.font);
    if (kindOf(index) == ModelListModel::RowKind::Header)
        return {200, fm.height() + 14};
    return {200, fm.height() * 2 + 16};
}

void ModelEntryDelegate::paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = option.palette;
    const QRect r = option.rect;
    const auto kind = kindOf(index);
    QFont base = option.font;

    if (kind == ModelListModel::RowKind::Header) {
        QFont caption = base;
        caption.setBold(true);
        caption.setPointSizeF(base.pointSizeF() * 0.85);
        caption.setCapitalization(QFont::AllUppercase);
        caption.setLetterSpacing(QFont::PercentageSpacing, 106);
        p->setFont(caption);
        p->setPen(blendColours(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.45));
        p->drawText(r.adjusted(kPadding, 6, -kPadding, 0), Qt::AlignLeft | Qt::AlignVCenter,
                    index.data(Qt::DisplayRole).toString());
        p->restore();
        return;
    }

    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    if (selected || hovered) {
        QPainterPath path;
        path.addRoundedRect(QRectF(r).adjusted(4, 1, -4, -1), 6, 6);
        p->fillPath(path,
            selected ? pal.color(QPalette::Highlight)
                     : blendColours(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.12));
    }
    const QColor text = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    const QColor muted
        = blendColours(text, selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Base), 0.42);

    const int lineH = QFontMetrics(base).height();
    const int top = r.top() + 8;
    int left = r.left() + kPadding;

    if (kind == ModelListModel::RowKind::Placeholder) {
        QFont italic = base;
        italic.setItalic(true);
        p->setFont(italic);
        p->setPen(muted);
        p->drawText(QRect(left + kStarSize + 8, top, r.width() - 2 * kPadding, lineH), Qt::AlignLeft,
                    index.data(Qt::DisplayRole).toString());
        p->drawText(QRect(left + kStarSize + 8, top + lineH, r.width() - 2 * kPadding, lineH), Qt::AlignLeft,
                    index.data(ModelListModel::SubtitleRole).toString());
        p->restore();
        return;
    }

    // Favourite star.
    const bool favourite = index.data(ModelListModel::FavouriteRole).toBool();
    QFont starFont = base;
    starFont.setPointSizeF(base.pointSizeF() * 1.15);
    p->setFont(starFont);
    p->setPen(favourite ? toneColour(Tone::Favourite, pal, ToneUse::Mark)
                        : blendColours(muted, pal.color(QPalette::Base), 0.3));
    p->drawText(starRect(r), Qt::AlignCenter, favourite ? u"★"_s : u"☆"_s);
    left += kStarSize + 8;

    // Right column: context and capability pills on the first line, price on the second.
    QFont small = base;
    small.setPointSizeF(base.pointSizeF() * 0.85);
    const QColor pillBg = selected
        ? blendColours(pal.color(QPalette::Highlight), pal.color(QPalette::HighlightedText), 0.18)
        : blendColours(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.08);
    int right = r.right() - kPadding;
    const int line1Y = top + lineH / 2;
    const QStringList badges = index.data(ModelListModel::BadgesRole).toStringList();
    for (auto it = badges.crbegin(); it != badges.crend(); ++it) {
        QColor fg = text;
        if (!selected && *it == ModelListModel::tr("local"))
            fg = withContrast(toneColour(Tone::Positive, pal), pillBg, minimumContrast(ToneUse::Text));
        right = drawPill(p, right, line1Y, *it, fg, pillBg, small) - 4;
    }
    const QString context = index.data(ModelListModel::ContextRole).toString();
    if (!context.isEmpty())
        right = drawPill(p, right, line1Y, context, text, pillBg, small) - 4;

    const bool priceKnown = index.data(ModelListModel::PriceKnownRole).toBool();
    QFont priceFont = small;
    priceFont.setItalic(!priceKnown);
    p->setFont(priceFont);
    p->setPen(priceKnown ? text : muted);
    const QString price = index.data(ModelListModel::PriceRole).toString();
    const int priceWidth = QFontMetrics(priceFont).horizontalAdvance(price);
    p->drawText(QRect(r.right() - kPadding - priceWidth - 6, top + lineH, priceWidth + 6, lineH),
                Qt::AlignRight | Qt::AlignVCenter, price);

    // Name and reference, elided before the right column.
    const int nameWidth = std::max(60, right - left - 8);
    QFont nameFont = base;
    nameFont.setWeight(QFont::DemiBold);
    p->setFont(nameFont);
    p->setPen(text);
    p->drawText(QRect(left, top, nameWidth, lineH), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(nameFont).elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, nameWidth));
    p->setFont(small);
    p->setPen(muted);
    const int refWidth = std::max(60, r.right() - kPadding - priceWidth - 16 - left);
    p->drawText(QRect(left, top + lineH, refWidth, lineH), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(small).elidedText(index.data(ModelListModel::SubtitleRole).toString(), Qt::ElideMiddle,
                                               refWidth));
    p->restore();
}

bool ModelEntryDelegate::editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                                     const QModelIndex& index)
{
    if (event->type() == QEvent::MouseButtonRelease && kindOf(index) == ModelListModel::RowKind::Model) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        if (starRect(option.rect).adjusted(-4, -4, 4, 4).contains(mouse->position().toPoint())) {
            m_starClicked = true;
            emit favouriteToggled(index.data(ModelListModel::ReferenceRole).toString());
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace juxta
