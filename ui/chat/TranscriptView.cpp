// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/TranscriptView.h"

#include <QClipboard>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QPainter>
#include <QResizeEvent>
#include <QScrollBar>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr int kSideMargin = 12;
constexpr int kGap = 8;            // between messages (parts of one message touch)
constexpr int kChromeHeight = 64;  // header, footer and margins of a message, for estimates
constexpr qsizetype kPartChars = 2000;

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
        // A person moved the bar (this comes before the move is applied): stop following the stream, and follow it
        // again only once they are back at the bottom.
        m_followBottom = false;
        QTimer::singleShot(0, this, [this] {
            m_followBottom = verticalScrollBar()->value() >= verticalScrollBar()->maximum() - 4;
        });
    });
}

int TranscriptView::contentWidth() const
{
    return qMax(100, viewport()->width() - 2 * kSideMargin);
}

void TranscriptView::setOwner(const QString& owner)
{
    m_owner = owner;
    setAccessibleName(owner.isEmpty() ? tr("Conversation") : tr("Answers from %1").arg(owner));
    for (auto it = m_widgets.cbegin(); it != m_widgets.cend(); ++it)
        it.value()->setSubject(subjectOf(m_rows.at(it.key())));
}

QString TranscriptView::subjectOf(const Row& row) const
{
    const MessageRole role = m_entries.at(row.entry).message.role;
    int ordinal = 0; // the n-th message of its role on the path shown (only rows in view are named: cheap)
    for (int i = 0; i <= row.entry; ++i)
        ordinal += m_entries.at(i).message.role == role;
    QString subject;
    if (role == MessageRole::User)
        subject = m_owner.isEmpty() ? tr("your message %1").arg(ordinal)
                                    : tr("your message %1 to %2").arg(QString::number(ordinal), m_owner);
    else if (role == MessageRole::Assistant)
        subject = m_owner.isEmpty() ? tr("answer %1").arg(ordinal)
                                    : tr("answer %1 from %2").arg(QString::number(ordinal), m_owner);
    else
        subject = tr("message %1").arg(row.entry + 1);
    return row.part > 0 ? tr("%1, part %2").arg(subject, QString::number(row.part + 1)) : subject;
}

MessagePart TranscriptView::partOf(const Row& row) const
{
    const Entry& e = m_entries.at(row.entry);
    MessagePart part;
    part.start = e.starts.at(row.part);
    part.end = row.part + 1 < e.starts.size() ? e.starts.at(row.part + 1) : -1;
    part.first = row.part == 0;
    part.last = row.part + 1 == e.starts.size();
    return part;
}

int TranscriptView::estimateHeight(const Row& row) const
{
    // Characters per line from the average character width; each paragraph starts a line. Cheap and close enough
    // that the scroll bar barely moves when the real height replaces it.
    const Entry& e = m_entries.at(row.entry);
    const MessagePart part = partOf(row);
    const QStringView text = QStringView(e.message.content)
                                 .sliced(part.start, (part.end < 0 ? e.message.content.size() : part.end) - part.start);
    const QFontMetrics metrics(font());
    const int charsPerLine = qMax(20, contentWidth() / qMax(1, metrics.averageCharWidth()));
    qsizetype lines = 0;
    qsizetype run = 0;
    for (const QChar c : text) {
        if (c == u'\n') {
            lines += 1 + run / charsPerLine;
            run = 0;
        } else {
            ++run;
        }
    }
    lines += 1 + run / charsPerLine;
    const int chrome = (part.first ? kChromeHeight / 2 : 0) + (part.last ? kChromeHeight / 2 : 0);
    return chrome + int(qMin<qsizetype>(lines, 1'000'000)) * metrics.lineSpacing();
}

int TranscriptView::indexOf(const QString& messageId) const
{
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) { // the newest are asked for most
        if (m_entries.at(i).message.id == messageId)
            return int(i);
    }
    return -1;
}

MessageWidget* TranscriptView::widgetAt(int index) const
{
    if (index < 0 || index >= m_entries.size())
        return nullptr;
    return m_widgets.value(m_entries.at(index).firstRow);
}

MessageWidget* TranscriptView::lastWidgetAt(int index) const
{
    if (index < 0 || index >= m_entries.size())
        return nullptr;
    const Entry& e = m_entries.at(index);
    return m_widgets.value(e.firstRow + int(e.starts.size()) - 1);
}

void TranscriptView::releaseAll()
{
    for (auto it = m_widgets.cbegin(); it != m_widgets.cend(); ++it) {
        it.value()->hide();
        it.value()->deleteLater(); // it may be the sender of the signal being handled
    }
    m_widgets.clear();
}

void TranscriptView::addRowsFor(int entryIndex)
{
    Entry& e = m_entries[entryIndex];
    e.firstRow = int(m_rows.size());
    for (int part = 0; part < e.starts.size(); ++part) {
        Row row;
        row.entry = entryIndex;
        row.part = part;
        m_rows.append(row);
        m_rows.last().height = estimateHeight(m_rows.last());
    }
}

void TranscriptView::rebuildRows(int changedEntry)
{
    // Heights already measured are kept, so the view does not jump: every row of the other messages, and the
    // sealed parts of the changed one (its last part is measured again).
    QHash<QPair<QString, qsizetype>, int> known;
    for (const Row& row : std::as_const(m_rows)) {
        if (row.measured && row.entry < m_entries.size()) {
            const Entry& e = m_entries.at(row.entry);
            if (row.part < e.starts.size())
                known.insert({e.message.id, e.starts.at(row.part)}, row.height);
        }
    }
    m_rows.clear();
    for (int i = 0; i < m_entries.size(); ++i)
        addRowsFor(i);
    for (Row& row : m_rows) {
        const Entry& e = m_entries.at(row.entry);
        const auto it = known.constFind({e.message.id, e.starts.at(row.part)});
        if (it != known.cend() && (row.entry != changedEntry || row.part + 1 < e.starts.size()))
            row.height = it.value();
    }
}

void TranscriptView::setMessages(const QList<MessageRecord>& messages, const QList<BranchPosition>& branches)
{
    releaseAll();
    m_rows.clear();
    m_entries.clear();
    m_entries.reserve(messages.size());
    for (qsizetype i = 0; i < messages.size(); ++i) {
        Entry e;
        e.message = messages.at(i);
        e.branch = i < branches.size() ? branches.at(i) : BranchPosition{};
        e.scanner = PartScanner(kPartChars);
        e.starts = {0};
        e.starts += e.scanner.feed(e.message.content);
        m_entries.append(std::move(e));
    }
    rebuildRows();
    m_followBottom = true;
    relayout();
}

void TranscriptView::appendMessage(const MessageRecord& message, BranchPosition branch)
{
    Entry e;
    e.message = message;
    e.branch = branch;
    e.scanner = PartScanner(kPartChars);
    e.starts = {0};
    e.starts += e.scanner.feed(e.message.content);
    m_entries.append(std::move(e));
    addRowsFor(int(m_entries.size()) - 1);
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
    e.scanner = PartScanner(kPartChars);
    e.pendingCuts.clear();
    e.starts = {0};
    e.starts += e.scanner.feed(e.message.content);
    releaseAll();
    rebuildRows(index);
    relayout();
}

namespace {

// Sealing a part lays out ~2,000 characters as Markdown (a few milliseconds). Views streaming the same pace (a
// comparison's columns) would all seal in the same frame; the window seals at most this many per event-loop turn
// and the others a frame later.
constexpr int kSealsPerTurn = 2;
int g_sealsThisTurn = 0;
bool g_sealResetPosted = false;

} // namespace

bool TranscriptView::takeSealBudget()
{
    if (!g_sealResetPosted) {
        g_sealResetPosted = true;
        QTimer::singleShot(0, qApp, [] {
            g_sealsThisTurn = 0;
            g_sealResetPosted = false;
        });
    }
    if (g_sealsThisTurn >= kSealsPerTurn)
        return false;
    ++g_sealsThisTurn;
    return true;
}

void TranscriptView::appendText(int index, QStringView text)
{
    if (index < 0 || index >= m_entries.size() || text.isEmpty())
        return;
    Entry& e = m_entries[index];
    e.message.content += text;
    QList<qsizetype> cuts = std::exchange(e.pendingCuts, {}) + e.scanner.feed(e.message.content);
    if (!cuts.isEmpty() && !takeSealBudget())
        e.pendingCuts = std::exchange(cuts, {}); // the tail stays plain a frame longer
    const int lastRow = e.firstRow + int(e.starts.size()) - 1;
    if (cuts.isEmpty()) {
        if (MessageWidget* w = m_widgets.value(lastRow))
            w->appendText(text); // its height change arrives through heightChanged
        else
            m_rows[lastRow].measured = false;
    } else {
        // The tail became long enough to seal: it is laid out once as Markdown, and a new short tail starts.
        // Only rows at the end change, so the other rows and their widgets keep their indexes.
        if (index + 1 != m_entries.size()) {
            e.starts += cuts;
            releaseAll();
            rebuildRows(index);
        } else {
            for (int row = lastRow; row < m_rows.size(); ++row) {
                if (MessageWidget* w = m_widgets.take(row)) {
                    w->hide();
                    w->deleteLater();
                }
            }
            m_rows.resize(lastRow + 1);
            m_rows[lastRow].measured = false;
            e.starts += cuts;
            for (int part = int(e.starts.size()) - int(cuts.size()); part < e.starts.size(); ++part) {
                Row row;
                row.entry = index;
                row.part = part;
                m_rows.append(row);
                m_rows.last().height = estimateHeight(m_rows.last());
            }
        }
    }
    if (m_followBottom || !cuts.isEmpty())
        relayout();
}

void TranscriptView::setLiveExtras(int index, const QString& reasoning, const QString& toolCallsJson)
{
    if (index < 0 || index >= m_entries.size())
        return;
    Entry& e = m_entries[index];
    e.message.reasoning = reasoning;
    e.message.toolCallsJson = toolCallsJson;
    for (int row = e.firstRow; row < e.firstRow + e.starts.size(); ++row) {
        if (MessageWidget* w = m_widgets.value(row))
            w->setLiveExtras(reasoning, toolCallsJson);
    }
}

MessageWidget* TranscriptView::materialize(int rowIndex)
{
    if (MessageWidget* existing = m_widgets.value(rowIndex))
        return existing;
    const Row& row = m_rows.at(rowIndex);
    const Entry& e = m_entries.at(row.entry);
    auto* w = new MessageWidget(e.message, e.branch, partOf(row), viewport(), m_actions);
    w->setSubject(subjectOf(row));
    connect(w, &MessageWidget::heightChanged, this, &TranscriptView::onWidgetHeightChanged);
    connect(w, &MessageWidget::editRequested, this, &TranscriptView::editRequested);
    connect(w, &MessageWidget::copyRequested, this, [this](const QString& id) {
        if (const int index = indexOf(id); index >= 0)
            QGuiApplication::clipboard()->setText(m_entries.at(index).message.content);
    });
    connect(w, &MessageWidget::regenerateRequested, this, &TranscriptView::regenerateRequested);
    connect(w, &MessageWidget::anotherModelRequested, this, &TranscriptView::anotherModelRequested);
    connect(w, &MessageWidget::branchStepRequested, this, &TranscriptView::branchStepRequested);
    m_widgets.insert(rowIndex, w);
    w->show();
    return w;
}

void TranscriptView::onWidgetHeightChanged()
{
    // Placing a widget can change its height (its text re-wraps at the final width): measure again afterwards.
    if (m_layoutPending)
        return;
    // Coalesced: a burst of changes in one event-loop turn costs one layout.
    m_layoutPending = true;
    QTimer::singleShot(0, this, [this] {
        m_layoutPending = false;
        relayout();
    });
}

void TranscriptView::rebuildOffsets()
{
    m_offsets.resize(m_rows.size() + 1);
    int y = kGap;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        m_offsets[i] = y;
        const bool lastPart = i + 1 == m_rows.size() || m_rows.at(i + 1).entry != m_rows.at(i).entry;
        y += m_rows.at(i).height + (lastPart ? kGap : 0);
    }
    m_offsets[m_rows.size()] = y;
}

void TranscriptView::layoutPass(bool& changed)
{
    changed = false;
    QScrollBar* bar = verticalScrollBar();
    const int top = bar->value();
    const int viewHeight = viewport()->height();
    const int margin = viewHeight; // one screen above and below stays built for smooth scrolling
    const int width = contentWidth();
    // The first row whose bottom is below the top of the kept range: binary search over the offsets.
    const auto first = std::upper_bound(m_offsets.cbegin(), m_offsets.cend() - 1, top - margin) - m_offsets.cbegin();
    const int begin = int(qMax<qsizetype>(0, first - 1));
    int end = begin;
    while (end < m_rows.size() && m_offsets.at(end) < top + viewHeight + margin)
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
        Row& row = m_rows[i];
        if (h != row.height) {
            row.height = h;
            changed = true;
        }
        row.measured = true;
    }
}

void TranscriptView::relayout()
{
    if (m_inLayout)
        return;
    if (m_entries.isEmpty() != m_hintPainted) { // the empty page's hint comes or goes: the whole viewport, once
        m_hintPainted = m_entries.isEmpty();
        viewport()->update();
    }
    m_inLayout = true;
    QScrollBar* bar = verticalScrollBar();
    const int width = contentWidth();
    if (width != m_width) {
        m_width = width;
        for (Row& row : m_rows) {
            if (!row.measured)
                row.height = estimateHeight(row);
            row.measured = false; // measured again, at the new width, when shown
        }
    }
    rebuildOffsets();
    // Anchor: the first visible row stays where it is on screen while heights above it change.
    int anchor = -1;
    int anchorDelta = 0;
    if (!m_followBottom && !m_rows.isEmpty()) {
        const int top = bar->value();
        anchor = int(std::upper_bound(m_offsets.cbegin(), m_offsets.cend() - 1, top) - m_offsets.cbegin()) - 1;
        anchor = qBound(0, anchor, int(m_rows.size()) - 1);
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
    for (auto it = m_widgets.cbegin(); it != m_widgets.cend(); ++it)
        it.value()->setGeometry(kSideMargin, m_offsets.at(it.key()) - top, width, m_rows.at(it.key()).height);
    m_inLayout = false;
}

void TranscriptView::scrollToBottom()
{
    m_followBottom = true;
    relayout();
}

void TranscriptView::scrollToFraction(double fraction)
{
    if (fraction >= 0.999) {
        scrollToBottom();
        return;
    }
    m_followBottom = false;
    verticalScrollBar()->setValue(qRound(fraction * verticalScrollBar()->maximum()));
    relayout();
}

void TranscriptView::scrollToMessage(int index)
{
    if (index < 0 || index >= m_entries.size())
        return;
    m_followBottom = false;
    verticalScrollBar()->setValue(m_offsets.value(m_entries.at(index).firstRow));
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
