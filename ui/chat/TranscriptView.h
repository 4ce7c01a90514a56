// SPDX-License-Identifier: GPL-3.0-or-later
// The conversation as a virtual list of rows: a message is one row, or several for a long one (cut at paragraph
// breaks outside code, see PartScanner). Only the rows in (or near) the viewport exist as widgets; the others are
// a height (measured once shown, estimated before). A conversation of thousands of messages opens in
// milliseconds, and a streaming answer costs the same per token at the end as at the start: its finished parts
// are sealed as Markdown and only the short tail grows.
#pragma once

#include "chat/MarkdownBlocks.h"
#include "chat/MessageWidget.h"

#include <QAbstractScrollArea>
#include <QHash>

namespace juxta {

class TranscriptView final : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit TranscriptView(QWidget* parent = nullptr);

    void setMessages(const QList<MessageRecord>& messages, const QList<BranchPosition>& branches);
    void appendMessage(const MessageRecord& message, BranchPosition branch = {});
    void replaceMessage(int index, const MessageRecord& message, BranchPosition branch);
    // Streaming: only the new text; the entry and, when shown, its widget grow by it.
    void appendText(int index, QStringView text);
    void setLiveExtras(int index, const QString& reasoning, const QString& toolCallsJson);

    int count() const { return int(m_entries.size()); }
    const MessageRecord& message(int index) const { return m_entries.at(index).message; }
    BranchPosition branch(int index) const { return m_entries.at(index).branch; }
    int indexOf(const QString& messageId) const;
    // The widget of the message's first (or last) row, when it is built.
    MessageWidget* widgetAt(int index) const;
    MessageWidget* lastWidgetAt(int index) const;
    int rowCount() const { return int(m_rows.size()); }
    int materializedCount() const { return int(m_widgets.size()); }

    bool isFollowingBottom() const { return m_followBottom; }
    void scrollToBottom();
    void scrollToMessage(int index);
    // 0 top … 1 bottom (which follows the stream again); for views scrolled together.
    void scrollToFraction(double fraction);
    void setMessageActions(MessageActions actions) { m_actions = actions; } // before messages are shown
    // Whose answers these are (a compare column's title): in the names a screen reader hears ("answer 2 from X"),
    // so the same buttons in several columns are told apart. Also names the view.
    void setOwner(const QString& owner);

signals:
    void editRequested(const QString& id);
    void regenerateRequested(const QString& id);
    void anotherModelRequested(const QString& id);
    void branchStepRequested(const QString& id, int step);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    struct Entry
    {
        MessageRecord message;
        BranchPosition branch;
        QList<qsizetype> starts; // part starts: 0, then PartScanner's cuts
        PartScanner scanner;     // streaming answers: finds the next cut in what arrived
        QList<qsizetype> pendingCuts; // found, but sealed on a later frame (the window's budget was used)
        int firstRow = 0;
    };
    struct Row
    {
        int entry = 0;
        int part = 0;
        int height = 0;
        bool measured = false;
    };

    QString subjectOf(const Row& row) const; // "answer 2", "your message 1 to X", "answer 3, part 2"

    MessageActions m_actions;
    QString m_owner;
    static bool takeSealBudget(); // UI thread only
    void relayout();
    void layoutPass(bool& changed);
    void rebuildRows(int changedEntry = -1);
    void rebuildOffsets();
    void addRowsFor(int entryIndex);
    MessagePart partOf(const Row& row) const;
    int estimateHeight(const Row& row) const;
    MessageWidget* materialize(int row);
    void releaseAll();
    void onWidgetHeightChanged();
    int contentWidth() const;

    QList<Entry> m_entries;
    QList<Row> m_rows;
    QList<int> m_offsets; // m_offsets[i]: top of row i; one more at the end: the total height
    QHash<int, MessageWidget*> m_widgets; // by row
    int m_width = -1;
    bool m_followBottom = true;
    bool m_inLayout = false;
    bool m_hintPainted = true; // the empty page's hint is on the viewport (child widgets do not cover all of it)
    bool m_layoutPending = false;
};

} // namespace juxta
