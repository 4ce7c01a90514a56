// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/TranscriptView.h"

#include <QFontMetrics>
#include <QPainter>
#include <QResizeEvent>
#include <QScrollBar>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr int kSideMargin = 12;
constexpr int kGap = 8;            // between messages
constexpr int kChromeHeight = 64;  // header, footer and margins of a message, for estimates

} // namespace

TranscriptView::TranscriptView(QWidget* parent)
    : QAbstractScrollArea(parent)
{
    setObjectName(u"transcript"_s);
    setAccessibleName(tr("Conversation"));
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setBackgroundRole(QPalette::Base);
    verticalScrollBar()->setSingleStep(24);
    connect(verticalScrollBar(), &QScrollBar::actionTriggered, this, [this] {
        // A person moved the bar: follow the stream again only once they are back at the bottom.
        QTimer::singleShot(0, this, [this] {
            m_followBottom = verticalScrollBar()->value() >= verticalScrollBar()->maximum() - 4;
        });
    });
}

int TranscriptView::contentWidth() const
{
    return qMax(100, viewport()->width() - 2 * kSideMargin);
}

int TranscriptView::estimateHeight(const MessageRecord& message) const
{
    // Characters per line from the average character width; each paragraph starts a line. Cheap and close enough
    // that the scroll bar barely moves when the real height replaces it.
    const QFontMetrics metrics(font());
    const int charsPerLine = qMax(20, contentWidth() / qMax(1, metrics.averageCharWidth()));
    qsizetype lines = 0;
    qsizetype run = 0;
    for (const QChar c : message.content) {
        if (c == u'\n') {
            lines += 1 + run / charsPerLine;
            run = 0;
        } else {
            ++run;
        }
    }
    lines += 1 + run / charsPerLine;
    return kChromeHeight + int(qMin<qsizetype>(lines, 1'000'000)) * metrics.lineSpacing();
}

int TranscriptView::indexOf(const QString& messageId) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).message.id == messageId)
            return int(i);
    }
    return -1;
}

void TranscriptView::setMessages(const QList<MessageRecord>& messages, const QList<BranchPosition>& branches)
{
    for (auto it = m_widgets.cbegin(); it != m_widgets.cend(); ++it)
        delete it.value();
    m_widgets.clear();
    m_entries.clear();
    m_entries.reserve(messages.size());
    for (qsizetype i = 0; i < messages.size(); ++i) {
        Entry e;
        e.message = messages.at(i);
        e.branch = i < branches.size() ? branches.at(i) : BranchPosition{};
        e.height = estimateHeight(e.message);
        m_entries.append(std::move(e));
    }
    m_followBottom = true;
    relayout();
}

void TranscriptView::appendMessage(const MessageRecord& message, BranchPosition branch)
{
    Entry e;
    e.message = message;
    e.branch = branch;
    e.height = estimateHeight(message);
    m_entries.append(std::move(e));
    m_followBottom = true; // a new message of one's own brings the view down
    relayout();
}

void TranscriptView::replaceMessage(int index, const MessageRecord& message, BranchPosition branch)
{
    if (index < 0 || index >= m_entries.size())
        return;
    Entry& e = m_entries[index];
    e.message = message;
    e.branch = branch;
    if (m_widgets.contains(index)) {
        release(index);
        materialize(index);
    }
    e.measured = false;
    relayout();
}

void TranscriptView::appendText(int index, QStringView text)
{
    if (index < 0 || index >= m_entries.size() || text.isEmpty())
        return;
    m_entries[index].message.content += text;
    if (MessageWidget* w = m_widgets.value(index))
        w->appendText(text); // its height change arrives through heightChanged
    else
        m_entries[index].measured = false;
    if (m_followBottom)
        relayout();
}

void TranscriptView::setLiveExtras(int index, const QString& reasoning, const QString& toolCallsJson)
{
    if (index < 0 || index >= m_entries.size())
        return;
    m_entries[index].message.reasoning = reasoning;
    m_entries[index].message.toolCallsJson = toolCallsJson;
    if (MessageWidget* w = m_widgets.value(index))
        w->setLiveExtras(reasoning, toolCallsJson);
}

MessageWidget* TranscriptView::materialize(int index)
{
    if (MessageWidget* existing = m_widgets.value(index))
        return existing;
    const Entry& e = m_entries.at(index);
    auto* w = new MessageWidget(e.message, e.branch, viewport());
    connect(w, &MessageWidget::heightChanged, this, [this, w] { onWidgetHeightChanged(w); });
    connect(w, &MessageWidget::editRequested, this, &TranscriptView::editRequested);
    connect(w, &MessageWidget::regenerateRequested, this, &TranscriptView::regenerateRequested);
    connect(w, &MessageWidget::anotherModelRequested, this, &TranscriptView::anotherModelRequested);
    connect(w, &MessageWidget::branchStepRequested, this, &TranscriptView::branchStepRequested);
    m_widgets.insert(index, w);
    w->show();
    return w;
}

void TranscriptView::release(int index)
{
    if (MessageWidget* w = m_widgets.take(index)) {
        w->hide();
        w->deleteLater(); // it may be the sender of the signal being handled
    }
}

void TranscriptView::onWidgetHeightChanged(MessageWidget* widget)
{
    if (m_inLayout || m_layoutPending)
        return;
    // Coalesced: a burst of changes in one event-loop turn costs one layout.
    m_layoutPending = true;
    QTimer::singleShot(0, this, [this, widget] {
        Q_UNUSED(widget)
        m_layoutPending = false;
        relayout();
    });
}

void TranscriptView::rebuildOffsets()
{
    m_offsets.resize(m_entries.size() + 1);
    int y = kGap;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        m_offsets[i] = y;
        y += m_entries.at(i).height + kGap;
    }
    m_offsets[m_entries.size()] = y;
}

void TranscriptView::layoutPass(bool& changed)
{
    changed = false;
    QScrollBar* bar = verticalScrollBar();
    const int top = bar->value();
    const int viewHeight = viewport()->height();
    const int margin = viewHeight; // one screen above and below stays built for smooth scrolling
    const int width = contentWidth();
    // First entry whose bottom is below the top of the kept range: binary search over the offsets.
    const auto first = std::upper_bound(m_offsets.cbegin(), m_offsets.cend() - 1, top - margin) - m_offsets.cbegin();
    int begin = int(qMax<qsizetype>(0, first - 1));
    int end = begin;
    while (end < m_entries.size() && m_offsets.at(end) < top + viewHeight + margin)
        ++end;

    for (auto it = m_widgets.begin(); it != m_widgets.end();) {
        if (it.key() < begin || it.key() >= end) {
            it.value()->hide();
            it.value()->deleteLater();
            it = m_widgets.erase(it);
        } else {
            ++it;
        }
    }
    for (int i = begin; i < end; ++i) {
        MessageWidget* w = materialize(i);
        const int h = w->heightForWidth(width);
        Entry& e = m_entries[i];
        if (h != e.height) {
            e.height = h;
            changed = true;
        }
        e.measured = true;
    }
}

void TranscriptView::relayout()
{
    if (m_inLayout)
        return;
    m_inLayout = true;
    QScrollBar* bar = verticalScrollBar();
    const int width = contentWidth();
    if (width != m_width) {
        m_width = width;
        for (Entry& e : m_entries) {
            if (!e.measured)
                e.height = estimateHeight(e.message);
            e.measured = false; // measured again, at the new width, when shown
        }
    }
    rebuildOffsets();
    // Anchor: the first visible message stays where it is on screen while heights above it change.
    int anchor = -1;
    int anchorDelta = 0;
    if (!m_followBottom && !m_entries.isEmpty()) {
        const int top = bar->value();
        anchor = int(std::upper_bound(m_offsets.cbegin(), m_offsets.cend() - 1, top) - m_offsets.cbegin()) - 1;
        anchor = qBound(0, anchor, int(m_entries.size()) - 1);
        anchorDelta = top - m_offsets.at(anchor);
    }
    for (int pass = 0; pass < 3; ++pass) {
        bar->setRange(0, qMax(0, m_offsets.constLast() - viewport()->height()));
        bar->setPageStep(viewport()->height());
        if (m_followBottom)
            bar->setValue(bar->maximum());
        else if (anchor >= 0)
            bar->setValue(m_offsets.at(anchor) + anchorDelta);
        bool changed = false;
        layoutPass(changed);
        if (!changed)
            break;
        rebuildOffsets();
    }
    const int top = bar->value();
    for (auto it = m_widgets.cbegin(); it != m_widgets.cend(); ++it) {
        const Entry& e = m_entries.at(it.key());
        it.value()->setGeometry(kSideMargin, m_offsets.at(it.key()) - top, width, e.height);
    }
    m_inLayout = false;
}

void TranscriptView::scrollToBottom()
{
    m_followBottom = true;
    relayout();
}

void TranscriptView::scrollToMessage(int index)
{
    if (index < 0 || index >= m_entries.size())
        return;
    m_followBottom = false;
    verticalScrollBar()->setValue(m_offsets.value(index));
    relayout();
}

void TranscriptView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    relayout();
}

void TranscriptView::scrollContentsBy(int, int)
{
    if (m_inLayout)
        return;
    relayout();
}

void TranscriptView::paintEvent(QPaintEvent* event)
{
    QAbstractScrollArea::paintEvent(event);
    if (!m_entries.isEmpty())
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(viewport()->rect().adjusted(40, 40, -40, -40), Qt::AlignCenter | Qt::TextWordWrap,
                     tr("Pick a model in the toolbar, type below and press Ctrl+Enter.\n"
                        "Answers stream in with their time to first token, speed and cost."));
}

bool TranscriptView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::Wheel) {
        const bool handled = QAbstractScrollArea::viewportEvent(event);
        m_followBottom = verticalScrollBar()->value() >= verticalScrollBar()->maximum() - 4;
        return handled;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace juxta
