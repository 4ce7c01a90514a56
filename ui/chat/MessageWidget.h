// SPDX-License-Identifier: GPL-3.0-or-later
// One message of the transcript: Markdown body with code blocks, collapsed reasoning, tool calls, the answer's
// figures, an inline error with its actions, and the message's own buttons. While an answer streams it shows
// plain text and only ever appends; Markdown is laid out once, when the answer ends.
#pragma once

#include "chat/BranchPosition.h"
#include "storage/HistoryRecords.h"

#include <QFrame>

class QLabel;
class QToolButton;
class QVBoxLayout;

namespace juxta {

class MarkdownView;

class MessageWidget final : public QFrame
{
    Q_OBJECT

public:
    MessageWidget(const MessageRecord& message, BranchPosition branch, MessagePart part = {}, QWidget* parent = nullptr,
                  MessageActions actions = {});

    const QString& messageId() const { return m_message.id; }
    // What this message is to a screen reader ("answer 2", "your message 1 to X"): its buttons and texts are named
    // with it, so the same buttons of different messages are told apart.
    void setSubject(const QString& subject);
    // Streaming: the new text only. Reasoning and tool calls are small and replaced whole.
    void appendText(QStringView text);
    void setLiveExtras(const QString& reasoning, const QString& toolCallsJson);

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    bool isReasoningExpanded() const;

signals:
    void heightChanged();
    void copyRequested(const QString& id);
    void editRequested(const QString& id);
    void regenerateRequested(const QString& id);
    void anotherModelRequested(const QString& id);
    void branchStepRequested(const QString& id, int step);

private:
    void build();
    void buildBody();
    void buildReasoning();
    void buildToolCalls();
    void nameControls();
    void buildStatus();
    QToolButton* addAction(const QString& objectName, const QString& text, const QString& tip);
    void copyMessage();

    QStringView partText() const;

    MessageRecord m_message;
    BranchPosition m_branch;
    MessagePart m_part;
    MessageActions m_actions;
    QString m_subject;
    QVBoxLayout* m_layout = nullptr;
    QWidget* m_body = nullptr;
    MarkdownView* m_streamView = nullptr;
    QToolButton* m_reasoningToggle = nullptr;
    MarkdownView* m_reasoningView = nullptr;
    QWidget* m_toolCalls = nullptr;
    QLabel* m_stateLabel = nullptr;
};

// "gpt-4o-mini · 0.42 s to first token · 3.10 s · 45 tok/s · 120 in / 340 out · $0.0012", for people.

} // namespace juxta
