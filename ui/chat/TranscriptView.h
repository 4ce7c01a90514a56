// SPDX-License-Identifier: GPL-3.0-or-later
// The conversation as a virtual list: only the messages in (or near) the viewport exist as widgets; the others
// are a height (measured once shown, estimated before). A conversation of thousands of messages opens in
// milliseconds, scrolls smoothly, and a streaming answer costs the same per token at the end as at the start.
#pragma once

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
    int indexOf(const QString& messageId) const;
    MessageWidget* widgetAt(int index) const { return m_widgets.value(index); }
    int materializedCount() const { return int(m_widgets.size()); }

    bool isFollowingBottom() const { return m_followBottom; }
    void scrollToBottom();
    void scrollToMessage(int index);

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
        int height = 0;
        bool measured = false;
    };

    void relayout();
    void layoutPass(bool& changed);
    void rebuildOffsets();
    int estimateHeight(const MessageRecord& message) const;
    MessageWidget* materialize(int index);
    void release(int index);
    void onWidgetHeightChanged(MessageWidget* widget);
    int contentWidth() const;

    QList<Entry> m_entries;
    QList<int> m_offsets; // m_offsets[i]: top of entry i; one more at the end: the total height
    QHash<int, MessageWidget*> m_widgets;
    int m_width = -1;
    bool m_followBottom = true;
    bool m_inLayout = false;
    bool m_layoutPending = false;
};

} // namespace juxta
